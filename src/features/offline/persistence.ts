import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { version } from '../../../package.json';
import { atMost, whenIdle } from '../../lib/wait';

/** How long a persisted query cache is trusted; the query client keeps queries at least this long. */
export const QUERY_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/** Its own IndexedDB database, apart from the reading list (which must outlive cache busting). */
export const QUERY_CACHE_DB = 'devdiscourse-query-cache';
const KEY = 'query-cache';
const SAVE_THROTTLE_MS = 1000;

/** The same record TanStack's persist-client packages write. */
export interface PersistedClient {
  timestamp: number;
  buster: string;
  clientState: DehydratedState;
}

/** Key-value storage for the persisted cache (IndexedDB in the browser; tests pass a Map). */
export interface CacheStorage {
  get(key: string): Promise<PersistedClient | undefined>;
  set(key: string, value: PersistedClient): Promise<void>;
  del(key: string): Promise<void>;
}

function idbCacheStorage(): CacheStorage {
  const store: UseStore = createStore(QUERY_CACHE_DB, 'cache');
  return {
    get: (key) => get<PersistedClient>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}

/**
 * A new app version or another API drops the persisted cache: the shape of cached
 * data may have changed, and stories from one backend must not show for another.
 */
export function cacheBuster(apiBaseUrl: string | null): string {
  return `${version}|${apiBaseUrl ?? 'mock'}`;
}

export interface PersistOptions {
  storage?: CacheStorage;
  now?: () => number;
}

/**
 * Restores the query cache saved by the last visit (stories and feeds the reader
 * opened: successful queries only), then saves it again, throttled, whenever it
 * changes. What @tanstack/react-query-persist-client does, written against
 * react-query's own dehydrate/hydrate: the persist-client packages (5.104.5) pin an
 * older query-core than react-query, and using them would bundle a second copy.
 *
 * Done before the first page's prefetch, so it sees the restored data instead of
 * racing it. Never blocks start-up for long and never fails it: without IndexedDB
 * the app simply starts cold. Returns a function that stops the saving.
 */
export async function persistQueryCache(
  queryClient: QueryClient,
  apiBaseUrl: string | null,
  { storage, now = Date.now }: PersistOptions = {},
): Promise<() => void> {
  if (!storage && typeof indexedDB === 'undefined') return () => {};
  const buster = cacheBuster(apiBaseUrl);
  let store: CacheStorage;
  try {
    store = storage ?? idbCacheStorage();
    const restore = async () => {
      const saved = await store.get(KEY);
      if (!saved) return;
      if (saved.buster !== buster || now() - saved.timestamp > QUERY_CACHE_MAX_AGE_MS) {
        await store.del(KEY);
        return;
      }
      hydrate(queryClient, saved.clientState);
    };
    await atMost(restore(), 2000);
  } catch (error) {
    console.warn('The saved query cache could not be restored', error);
    return () => {};
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const save = () => {
    if (stopped) return;
    const record: PersistedClient = { timestamp: now(), buster, clientState: dehydrate(queryClient) };
    store.set(KEY, record).catch((error: unknown) => console.warn('The query cache could not be saved', error));
  };
  // At most once a second, and when the page is idle: never in the way of a navigation.
  const saveWhenIdle = () =>
    void whenIdle(2000).then(() => {
      timer = null;
      save();
    });
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    // Only changes worth keeping: new data or a removed query, not observers coming and going.
    if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
    timer ??= setTimeout(saveWhenIdle, SAVE_THROTTLE_MS);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
