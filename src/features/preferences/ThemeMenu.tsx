import { useEffect, useId, useRef, useState } from 'react';
import { applyPreferences, setTheme, THEME_CHOICES, usePreference, type ThemeChoice } from './preferences';

function ThemeIcon({ theme }: { theme: ThemeChoice }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
      {theme === 'light' ? (
        <path d="M10 6a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-1-5h2v3H9zm0 15h2v3H9zM1 9h3v2H1zm15 0h3v2h-3zM3.5 4.9l1.4-1.4 2.1 2.1-1.4 1.4zm9.5 9.5 1.4-1.4 2.1 2.1-1.4 1.4zM3.5 15.1l2.1-2.1 1.4 1.4-2.1 2.1zM13 5.6l2.1-2.1 1.4 1.4-2.1 2.1z" />
      ) : theme === 'dark' ? (
        <path d="M8 1a8 8 0 1 0 11 9.5A7 7 0 0 1 8 1z" />
      ) : (
        <path d="M2 3h16v11H2zm2 2v7h12V5zm3 11h6v2H7z" />
      )}
    </svg>
  );
}

/**
 * The theme chooser in the header: a disclosure button opening a small panel of radio
 * buttons (Light, Dark, System). Escape or clicking elsewhere closes it; the choice is
 * remembered (see preferences.ts).
 */
export function ThemeMenu({ align = 'right' }: { align?: 'left' | 'right' } = {}) {
  const theme = usePreference('theme');
  const textSize = usePreference('textSize');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = THEME_CHOICES.find((choice) => choice.value === theme) ?? THEME_CHOICES[2];

  // Keep <html> in step even if theme-init.js did not run (e.g. an old cached index.html).
  useEffect(() => applyPreferences({ theme, textSize }), [theme, textSize]);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div
      ref={containerRef}
      className="relative"
      onKeyDown={(event) => {
        // Handled here, before it reaches the document: inside the menu drawer, Escape
        // closes this panel only, not the drawer too.
        if (!open || event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }}
      onBlur={(event) => {
        // Tabbing out of the panel closes it.
        if (open && !(event.relatedTarget instanceof Node && containerRef.current?.contains(event.relatedTarget)))
          setOpen(false);
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="btn-secondary gap-2 px-3 py-1.5"
      >
        <ThemeIcon theme={theme} />
        Theme<span className="sr-only">: {current?.label}</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute ${align === 'left' ? 'left-0' : 'right-0'} z-30 mt-2 w-44 rounded border border-slate-300 bg-white p-3 text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100`}
      >
        <fieldset>
          <legend className="mb-2 text-sm font-bold">Theme</legend>
          {THEME_CHOICES.map((choice) => (
            <label key={choice.value} className="flex cursor-pointer items-center gap-2 rounded px-1 py-1.5 text-sm">
              <input
                type="radio"
                name={`${panelId}-theme`}
                value={choice.value}
                checked={theme === choice.value}
                onChange={() => setTheme(choice.value)}
                className="h-4 w-4 accent-brand-700 dark:accent-sky-300"
              />
              <ThemeIcon theme={choice.value} />
              {choice.label}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
