import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { version } from '../../../package.json';
import type { KeyedStorage } from '../../lib/deviceStore';
import { atMost, whenIdle } from '../../lib/wait';

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

/**
 * A new app version or another API drops the persisted cache: the shape of cached
 * data may have changed, and stories from one backend must not show for another.
 */
export function cacheBuster(apiBaseUrl: string | null): string {
  return `${version}|${apiBaseUrl ?? 'mock'}`;
}

export interface PersistOptions {
  /** IndexedDB in the browser (its QUERY_CACHE_DB); tests pass memory. One record, under KEY. */
  storage: KeyedStorage<PersistedClient>;
  now?: () => number;
}

/**
 * Restores the query cache saved by the last visit (stories and feeds the reader
 * opened: successful queries only), then saves it again, throttled, whenever it
 * changes. What @tanstack/react-query-persist-client does, written against
 * react-query's own dehydrate/hydrate: the persist-client packages (5.104.5) pin an
 * older query-core than react-query, and using them would bundle a second copy.
 *
 * The static build's page does it before its first page's prefetch, which then sees the
 * restored data; a server page after hydration (src/browser/boot.tsx). Never blocks
 * start-up for long and never fails it: without IndexedDB the app simply starts cold.
 * Returns a function that stops the saving.
 */
export async function persistQueryCache(
  queryClient: QueryClient,
  apiBaseUrl: string | null,
  { storage, now = Date.now }: PersistOptions,
): Promise<() => void> {
  const buster = cacheBuster(apiBaseUrl);
  // Trusted as long as the client keeps queries (a week, src/app/queryClient.ts).
  const maxAgeMs = queryClient.getDefaultOptions().queries?.gcTime ?? 0;
  try {
    const restore = async () => {
      const [saved] = await storage.getAll();
      if (!saved) return;
      if (saved.buster !== buster || now() - saved.timestamp > maxAgeMs) {
        await storage.clear();
        return;
      }
      // Only what the cache lacks: a server page's data (maybe from a cache, older than the
      // last visit's) stays as hydrated, so nothing on screen changes.
      const cache = queryClient.getQueryCache();
      const queries = saved.clientState.queries.filter((query) => !cache.get(query.queryHash));
      hydrate(queryClient, { ...saved.clientState, queries });
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
    storage
      .putMany([[KEY, record]])
      .catch((error: unknown) => console.warn('The query cache could not be saved', error));
  };
  // At most once a second, and when the page is idle: never in the way of a navigation.
  const saveWhenIdle = () =>
    void whenIdle(2000).then(() => {
      timer = null;
      save();
    });
  const saveSoon = () => void (timer ??= setTimeout(saveWhenIdle, SAVE_THROTTLE_MS));
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    // Only changes worth keeping: new data or a removed query, not observers coming and going.
    if (event.type === 'added' || event.type === 'removed' || event.type === 'updated') saveSoon();
  });
  // A server page's data was in the cache before this: kept too.
  if (queryClient.getQueryCache().getAll().length > 0) saveSoon();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
