import { useEffect, useRef, useState } from 'react';

type Outcome = { kind: 'copied' } | { kind: 'failed'; url: string } | null;

/** How long "Link copied" stays on screen. */
const CONFIRMATION_MS = 4000;

/**
 * Shares the story with the Web Share API where the browser has it (phones), otherwise
 * copies the link to the clipboard and says so in a status message (visible and announced).
 * If copying is refused too, it shows the link to copy by hand.
 */
export function ShareButton({ title, url }: { title: string; url: string }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const share = async () => {
    clearTimeout(timer.current);
    setOutcome(null);
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // the reader cancelled
        // Otherwise (e.g. not allowed here): fall back to copying.
      }
    }
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied' });
      timer.current = setTimeout(() => setOutcome(null), CONFIRMATION_MS);
    } catch {
      setOutcome({ kind: 'failed', url });
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <button type="button" onClick={() => void share()} className="btn-secondary gap-2 px-3 py-1.5">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <path d="M14 13a3 3 0 0 0-2.2 1l-4.9-2.7a3 3 0 0 0 0-1.6l4.9-2.7A3 3 0 1 0 11 5.5l-4.9 2.7a3 3 0 1 0 0 3.6l4.9 2.7A3 3 0 1 0 14 13z" />
        </svg>
        Share
      </button>
      <p role="status" className="text-sm font-semibold text-green-800 dark:text-green-300">
        {outcome?.kind === 'copied' && 'Link copied'}
        {outcome?.kind === 'failed' && (
          <span className="font-normal break-all text-slate-800 dark:text-slate-100">
            Could not copy the link. Copy it from here: {outcome.url}
          </span>
        )}
      </p>
    </div>
  );
}
