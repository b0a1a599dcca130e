import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  focusSearch,
  isTypingTarget,
  modalIsOpen,
  moveBetweenStories,
  openCurrentStory,
  saveCurrentStory,
  SHORTCUTS,
} from './shortcuts';

function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 && <span className="mx-1 text-slate-700 dark:text-slate-300">or</span>}
          <kbd className="inline-block min-w-7 rounded border border-slate-400 bg-slate-100 px-1.5 py-0.5 text-center font-mono text-sm text-slate-900 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100">
            {key}
          </kbd>
        </span>
      ))}
    </>
  );
}

/**
 * The site's keyboard shortcuts (see shortcuts.ts) and their help dialog, opened with `?`
 * or the "Keyboard shortcuts" button. Shortcuts never fire while typing in a field, with
 * Ctrl, Alt or Meta held, or while a dialog or the menu is open.
 */
export function KeyboardShortcuts() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();
  const [announcement, setAnnouncement] = useState('');

  const show = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    returnFocus.current = document.activeElement;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', ''); // no <dialog> support (old browsers, jsdom)
  }, []);
  const close = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog?.open) return;
    if (typeof dialog.close === 'function') return dialog.close();
    dialog.removeAttribute('open');
    dialog.dispatchEvent(new Event('close'));
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onClose = () => {
      const target = returnFocus.current;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
    dialog.addEventListener('close', onClose);
    return () => dialog.removeEventListener('close', onClose);
  }, []);

  useEffect(() => {
    const say = (message: string) => {
      setAnnouncement('');
      requestAnimationFrame(() => setAnnouncement(message));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target) || modalIsOpen()) return;
      switch (event.key) {
        case '?':
          event.preventDefault();
          show();
          break;
        case '/':
          if (focusSearch()) event.preventDefault();
          break;
        case 'j':
        case 'k':
          if (event.shiftKey) return;
          if (moveBetweenStories(event.key === 'j' ? 1 : -1)) event.preventDefault();
          else say('There are no stories on this page');
          break;
        case 'o':
          if (event.shiftKey) return;
          if (openCurrentStory()) event.preventDefault();
          break;
        case 's':
          if (event.shiftKey) return;
          event.preventDefault();
          if (saveCurrentStory() === 'nothing') say('There is no story to save here');
          break;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [show]);

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        className="btn-secondary hidden gap-2 px-3 py-1.5 sm:inline-flex"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <path d="M1 5h18v11H1zm2 2v2h2V7zm3 0v2h2V7zm3 0v2h2V7zm3 0v2h2V7zm3 0v2h1V7zM3 10v2h2v-2zm3 0v2h2v-2zm3 0v2h2v-2zm3 0v2h2v-2zm3 0v2h1v-2zM5 13v1h10v-1z" />
        </svg>
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          // Native modal dialogs close on Escape themselves; this covers the fallback.
          if (event.key === 'Escape' && typeof dialogRef.current?.showModal !== 'function') close();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-xl font-bold">
              Keyboard shortcuts
            </h2>
            <button type="button" onClick={close} className="btn-secondary px-3 py-1">
              Close
            </button>
          </div>
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            They work anywhere except while you type in a field.
          </p>
          <dl className="mt-4 divide-y divide-slate-200 dark:divide-slate-700">
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys.join()} className="flex items-center justify-between gap-4 py-2">
                <dt className="shrink-0">
                  <Keys keys={shortcut.keys} />
                </dt>
                <dd className="text-right text-sm">{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </div>
      </dialog>
      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>
    </>
  );
}
