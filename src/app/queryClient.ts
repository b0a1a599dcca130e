import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api/errors';

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
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isApiError(error) && error.isTransient,
        retryDelay: (attempt) => Math.min(retryBaseDelayMs * 2 ** attempt, 30_000),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
