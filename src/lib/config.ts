import type { Transport } from './api/transport';

/**
 * The browser's settings reach it one way: `config.json` beside index.html (a file on a
 * static host; the production server answers it), read once at start-up over these
 * defaults, so one build serves any backend (docs/deploy.md#settings). No base URL
 * means: use the built-in mock API (in-process msw handlers, see src/lib/api/transport.ts).
 */
export interface AppConfig {
  /** Base URL of the content API, without a trailing slash; null = built-in mock data. */
  apiBaseUrl: string | null;
  /** IANA time zone that article times are shown in ("house time"). */
  houseTimeZone: string;
  /** Short label printed after house times, e.g. IST. */
  houseTimeZoneLabel: string;
  /** How long a request may hang before it is abandoned. */
  requestTimeoutMs: number;
  /** The server offers lite pages (text, no script): the footer offers the switch. */
  liteMode?: boolean;
  /** The server's renders ask its content source in-process, not over HTTP to itself (server/app.ts). */
  transport?: Transport;
}

function normaliseBaseUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.trim().replace(/\/+$/, '');
}

const defaults: AppConfig = {
  apiBaseUrl: null,
  houseTimeZone: 'Asia/Kolkata',
  houseTimeZoneLabel: 'IST',
  requestTimeoutMs: 10_000,
};

let current: AppConfig = defaults;

export function getConfig(): AppConfig {
  return current;
}

/** For tests and for config.json; merges over the current values. */
export function setConfig(overrides: Partial<AppConfig>): void {
  current = { ...current, ...overrides };
  if ('apiBaseUrl' in overrides) current.apiBaseUrl = normaliseBaseUrl(overrides.apiBaseUrl);
}

export function resetConfig(): void {
  current = defaults;
}

/**
 * Reads `/config.json` if the deployment serves one. Any failure (absent, not JSON,
 * wrong shape) keeps the defaults: the demo build's is empty.
 */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<void> {
  try {
    const response = await fetchImpl(`${import.meta.env.BASE_URL}config.json`, {
      cache: 'no-cache',
      signal: AbortSignal.timeout(3000),
    });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return;
    const data: unknown = await response.json();
    if (typeof data !== 'object' || data === null) return;
    const record = data as Record<string, unknown>;
    const overrides: Partial<AppConfig> = {};
    if ('apiBaseUrl' in record) overrides.apiBaseUrl = normaliseBaseUrl(record.apiBaseUrl);
    if (typeof record.houseTimeZone === 'string') overrides.houseTimeZone = record.houseTimeZone;
    if (typeof record.houseTimeZoneLabel === 'string') overrides.houseTimeZoneLabel = record.houseTimeZoneLabel;
    if (record.liteMode === true) overrides.liteMode = true;
    if (typeof record.requestTimeoutMs === 'number' && record.requestTimeoutMs > 0) {
      overrides.requestTimeoutMs = record.requestTimeoutMs;
    }
    setConfig(overrides);
  } catch {
    // Offline or no override: the defaults stand.
  }
}
