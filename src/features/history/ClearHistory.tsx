import { useState } from 'react';
import { getHistoryStore, HISTORY_LIMIT, useHistory } from './opened';
import { clearVisits } from './visits';

/** The one place the reader's history is shown in size and cleared. */
export function ClearHistory() {
  const { status, items } = useHistory();
  const [cleared, setCleared] = useState(false);
  async function clear() {
    clearVisits();
    await getHistoryStore().clear();
    setCleared(true);
  }
  return (
    <section
      aria-labelledby="history-title"
      className="mt-10 rounded border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id="history-title" className="font-semibold">
        Your history on this device
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {status === 'loading'
          ? 'The reader remembers, on this device only, which stories you opened (the last ' +
            HISTORY_LIMIT +
            ') and when you last came, to mark what is new and what changed.'
          : `${items.length} ${items.length === 1 ? 'story' : 'stories'} opened (the last ${HISTORY_LIMIT} are kept), and when you last came, to mark what is new and what changed. Nothing of it leaves this device.`}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" onClick={() => void clear()}>
          Clear history
        </button>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {cleared ? 'History cleared.' : ''}
        </p>
      </div>
    </section>
  );
}
