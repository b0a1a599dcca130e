import './lib/zodConfig';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { loadFirstPage } from './app/routes';
import { getConfig, loadStartupConfig } from './lib/config';
import { scenarioCacheKey } from '../mocks/scenarioChoice';
import { persistQueryCache, watchConnection } from './features/offline';
import { registerServiceWorker } from './features/offline/registerServiceWorker';
import { getReadingListStore } from './features/reading-list';
import { atMost, delay } from './lib/wait';

const READING_LIST_WAIT_MS = 1000;

/** Starts the app; src/main.tsx imports this once the static shell has painted. */
async function start() {
  // The reading list is read before the first render: if it arrived in the middle of
  // that (time-sliced) render, React would throw the render away and redo it in one
  // long task to stay consistent with the store (issue 5: TBT).
  const readingListRead = getReadingListStore().ready;
  await loadStartupConfig();
  const queryClient = createQueryClient();
  // Opened stories and feeds from the last visit, before the first page's prefetch.
  // Keyed by API, or by mock scenario: data cached under one must not show under another.
  await persistQueryCache(queryClient, getConfig().apiBaseUrl ?? scenarioCacheKey());
  // Never held up for long by a slow or blocked IndexedDB: the list then arrives later.
  await atMost(readingListRead, READING_LIST_WAIT_MS);
  watchConnection(queryClient);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // Each step in a task of its own: together they were one long task (issue 5: TBT).
  await delay(0);
  await loadFirstPage(queryClient, window.location.pathname); // at most FIRST_PAGE_DATA_WAIT_MS
  await delay(0);
  const reactRoot = createRoot(root);
  // A transition renders the first page in small slices instead of one long task, so
  // the main thread stays free for input while the app starts (Lighthouse's TBT).
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  });
  registerServiceWorker();
}

void start();
