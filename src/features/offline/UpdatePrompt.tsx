import { applyUpdate, dismissUpdate, useUpdateState } from './updateStore';

/**
 * "A new version is available" with Reload and Dismiss. The new code only runs when
 * the reader presses Reload (the waiting service worker is told to take over and
 * the page reloads); dismissed, it takes over next time every tab of the app is closed.
 */
export function UpdatePrompt() {
  const { available, applying } = useUpdateState();
  return (
    <div aria-live="polite" className="fixed inset-x-0 top-4 z-50 flex justify-center px-4 print:hidden">
      {available && (
        <section
          aria-label="App update"
          className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white px-4 py-3 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
        >
          <p className="font-semibold">A new version is available.</p>
          <button type="button" className="btn-primary" disabled={applying} onClick={() => void applyUpdate()}>
            {applying ? 'Reloading…' : 'Reload'}
          </button>
          <button type="button" className="btn-secondary" onClick={dismissUpdate}>
            Dismiss
          </button>
        </section>
      )}
    </div>
  );
}
