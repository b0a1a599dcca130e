/**
 * What a server-rendered page hands the browser: the time it was rendered at and the query cache its render used, in a JSON script
 * (`<script type="application/json">`, which never runs, so the CSP needs no hash for
 * it). The browser hydrates from it and makes no second request for the same data.
 */
import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError, type ApiErrorKind } from '../lib/api/errors';

export const SERVER_STATE_ID = 'server-state';

export interface ServerState {
  /** The site's public origin the page was rendered for (SITE_URL): canonical and share URLs keep it. */
  origin?: string;
  renderedAt: number;
  queries: DehydratedState;
}

interface PlainApiError {
  name: 'ApiError';
  kind: ApiErrorKind;
  message: string;
  status: number | null;
  code: string | null;
}

/** The query cache as the server's render left it: data, and failures too (a 404 is an answer). */
export function dehydrateQueries(queryClient: QueryClient): DehydratedState {
  const state = dehydrate(queryClient, { shouldDehydrateQuery: (query) => query.state.status !== 'pending' });
  for (const query of state.queries) {
    const error = query.state.error;
    if (isApiError(error)) {
      const plain: PlainApiError = {
        name: 'ApiError',
        kind: error.kind,
        message: error.message,
        status: error.status,
        code: error.code,
      };
      (query.state as { error: unknown }).error = plain;
    } else if (error) {
      (query.state as { error: unknown }).error = { name: 'Error', message: 'The server could not render this' };
    }
  }
  return state;
}

/** The server's state in this page, or null for a page the server did not render (the static build). */
export function readServerState(): ServerState | null {
  const script = document.getElementById(SERVER_STATE_ID);
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as ServerState;
  } catch {
    return null;
  }
}

/** Puts the server's queries into the cache, failures back as ApiErrors so the pages read them as before. */
export function hydrateQueries(queryClient: QueryClient, state: DehydratedState): void {
  for (const query of state.queries) {
    const error = query.state.error as Partial<PlainApiError> | null;
    if (error && error.name === 'ApiError' && error.kind) {
      (query.state as { error: unknown }).error = new ApiError(error.kind, error.message ?? '', {
        status: error.status ?? null,
        code: error.code ?? null,
      });
    }
  }
  hydrate(queryClient, state);
}
