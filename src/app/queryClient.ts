import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/errors';
import { QUERY_CACHE_MAX_AGE_MS } from '../features/offline/persistence';

/** Offline, a network failure is certain to repeat: show it (e.g. "not available offline") at once. */
const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export interface QueryClientOptions {
  /** Base of the exponential backoff between retries; tests make it tiny. */
  retryBaseDelayMs?: number;
}

const MAX_RETRIES = 3;

/**
 * Retries only what may recover by itself (network, timeout, 5xx) with exponential
 * backoff; a 404, a 400 or a malformed response is final, so it is shown at once.
 */
export function createQueryClient({ retryBaseDelayMs = 1000 }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && isApiError(error) && error.isTransient && !offline(),
        retryDelay: (attempt) => Math.min(retryBaseDelayMs * 2 ** attempt, 30_000),
        refetchOnWindowFocus: false,
        // Try the request even offline: the service worker's cache or the built-in
        // mock API may answer it (TanStack's default would just pause it).
        networkMode: 'offlineFirst',
        // At least as long as the persisted cache is kept (src/features/offline/persistence.ts).
        gcTime: QUERY_CACHE_MAX_AGE_MS,
      },
      mutations: { retry: false },
    },
  });
}
