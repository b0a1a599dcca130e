import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/errors';

/** Offline, a network failure is certain to repeat: show it (e.g. "not available offline") at once. */
const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export interface QueryClientOptions {
  /** Base of the exponential backoff between retries; tests make it tiny. */
  retryBaseDelayMs?: number;
}

// Two retries, 0.5 s then 1 s apart: a passing glitch recovers unseen, and a server that
// is really down is reported in about two seconds instead of making the reader watch
// skeletons for seven (TanStack's default of three at 1, 2 and 4 s).
const MAX_RETRIES = 2;

/** Network, timeout and 5xx failures may pass; a 404, a 400 or a malformed response will not. */
const mayRecover = (error: unknown) => isApiError(error) && error.isTransient;

/**
 * Retries only what may recover by itself with exponential backoff; a final error is
 * shown at once, and is the answer for a page that mounts later too: a route prefetch's
 * 404 is not asked for again when the page appears (TanStack would, by default).
 */
export function createQueryClient({ retryBaseDelayMs = 500 }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < MAX_RETRIES && mayRecover(error) && !offline(),
        retryOnMount: (query) => mayRecover(query.state.error),
        retryDelay: (attempt) => Math.min(retryBaseDelayMs * 2 ** attempt, 30_000),
        refetchOnWindowFocus: false,
        // Try the request even offline: the service worker's cache or the built-in
        // mock API may answer it (TanStack's default would just pause it).
        networkMode: 'offlineFirst',
        // A week: also how long the persisted cache is trusted (src/features/offline/persistence.ts).
        gcTime: 7 * 24 * 60 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
