import { getConfig } from '../config';

/**
 * Where requests go. With an API base URL, the real network (`fetch`). Without one,
 * the built-in mock API: the same msw handlers the tests use, answering in-process
 * through msw's `getResponse`, so no msw service worker competes with the app's own
 * service worker and a static build works offline on mock data. The handlers and
 * fixtures are a separate chunk, loaded only in mock mode.
 */
export type Transport = (request: Request) => Promise<Response>;

/** Origin used to build URLs for the in-process mock API; never hits the network. */
export const MOCK_API_BASE = 'https://mock-api.invalid';

let mockTransport: Promise<Transport> | null = null;

function loadMockTransport(): Promise<Transport> {
  mockTransport ??= import('./mockTransport').then((module) => module.mockTransport);
  return mockTransport;
}

export function apiBaseUrl(): string {
  return getConfig().apiBaseUrl ?? MOCK_API_BASE;
}

export type QueryParams = Record<string, string | number | null | undefined>;

export function buildUrl(path: string, params: QueryParams = {}): string {
  // A relative base such as "/api" (same-origin deployment) resolves against the page.
  const base = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  const url = new URL(`${apiBaseUrl()}${path}`, base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export async function send(request: Request): Promise<Response> {
  const { apiBaseUrl, transport } = getConfig();
  if (transport) return transport(request);
  if (apiBaseUrl === null) {
    const transport = await loadMockTransport();
    return transport(request);
  }
  return fetch(request);
}
