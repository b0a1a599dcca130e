import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from '../app/App';
import { HydrationDone, startHydration } from '../components/StaticRegion';
import { createQueryClient } from '../app/queryClient';
import { loadFirstPage, loadFirstPageCode } from '../app/routes';
import { hydrateQueries, readServerState } from '../app/serverState';
import { getConfig, loadRuntimeConfig, setConfig } from '../lib/config';
import { setServerRenderTime } from '../lib/useNow';
import { watchConnection } from '../features/offline';
import { registerServiceWorker } from '../features/offline/registerServiceWorker';
import { getReadingListStore } from '../features/reading-list';
import { idbKeyedStorage } from '../lib/deviceStore';
import { atMost, whenIdle } from '../lib/wait';

const READING_LIST_WAIT_MS = 1000;

/**
 * Starts the app; src/browser/main.tsx imports this once the page has painted. A page the
 * server rendered (npm start) is hydrated: the HTML is already the page, and its state
 * script holds the data it was rendered from. A page of the static build is rendered
 * here, after its code and data have arrived, in place of the static shell in #root.
 */
async function start() {
  // The reading list is read before the first render: if it arrived in the middle of
  // that (time-sliced) render, React would throw the render away and redo it in one
  // long task to stay consistent with the store.
  const readingListRead = getReadingListStore().ready;
  const serverState = readServerState();
  if (serverState) setServerRenderTime(serverState.renderedAt);
  // The static build restores the last visit before its first render: its code loads beside config.json.
  const loadPersistence = () => import('../features/offline/persistence');
  const persistence = serverState ? null : loadPersistence();
  // A server page carries its settings; a static build's page reads config.json.
  if (serverState?.config) setConfig(serverState.config);
  else await loadRuntimeConfig();
  const queryClient = createQueryClient();
  // Opened stories and feeds from the last visit, for offline reading. Keyed by API, or by
  // mock scenario: data cached under one must not show under another.
  const restoreLastVisit = async () => {
    const { persistQueryCache, QUERY_CACHE_DB } = await (persistence ?? loadPersistence());
    const cacheKey = getConfig().apiBaseUrl ?? (await import('../../mocks/scenarioChoice')).scenarioCacheKey();
    // From here, which has the IndexedDB code: imported by persistence, it split into a chunk of its own.
    await persistQueryCache(queryClient, cacheKey, { storage: idbKeyedStorage(QUERY_CACHE_DB, 'cache') });
  };
  // A server page has the newest data: the last visit's joins it after hydration. The
  // static build's first page's prefetch must see it (offline, it is all there is).
  if (serverState) hydrateQueries(queryClient, serverState.queries);
  else await restoreLastVisit();
  // Never held up for long by a slow or blocked IndexedDB: the list then arrives later.
  await atMost(readingListRead, READING_LIST_WAIT_MS);
  watchConnection(queryClient);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  // At most FIRST_PAGE_DATA_WAIT_MS either way.
  if (serverState) await loadFirstPageCode(queryClient, window.location.pathname);
  else await loadFirstPage(queryClient, window.location.pathname);
  if (serverState) startHydration();
  const app = (
    <StrictMode>
      <App queryClient={queryClient} origin={serverState?.origin ?? window.location.origin} />
      <HydrationDone />
    </StrictMode>
  );
  // A transition renders (or hydrates) the first page in small slices instead of one
  // long task, so the main thread stays free for input while the app starts.
  startTransition(() => {
    if (serverState) hydrateRoot(root, app);
    else createRoot(root).render(app);
  });
  if (serverState) void whenIdle().then(restoreLastVisit);
  registerServiceWorker();
}

void start();
