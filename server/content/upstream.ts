import { contractError, type ContentSource } from './types';

/** The headers of an upstream answer worth passing on; the rest (cookies, server names) stay behind. */
const PASSED_HEADERS = ['content-type', 'retry-after'];

/**
 * An API that already speaks the contract, at `baseUrl` (e.g. https://api.example.com/v1).
 * A dead or slow upstream answers a contract error within `timeoutMs`, never hangs.
 */
export function createUpstreamSource(baseUrl: string, timeoutMs: number): ContentSource {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request) => {
    const { pathname, search } = new URL(request.url);
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(`${base}${pathname}${search}`, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        body: request.method === 'POST' ? await request.text() : undefined,
        signal: AbortSignal.any([request.signal, timeout]),
        redirect: 'follow',
      });
      const headers = new Headers();
      for (const name of PASSED_HEADERS) {
        const value = response.headers.get(name);
        if (value) headers.set(name, value);
      }
      return new Response(response.body, { status: response.status, headers });
    } catch {
      const timedOut = timeout.aborted;
      return timedOut
        ? contractError(504, 'upstream_timeout', 'The content API took too long to answer')
        : contractError(502, 'upstream_unreachable', 'The content API could not be reached');
    }
  };
}
