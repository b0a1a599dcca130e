/**
 * Requests to WordPress's REST API: the URL in either style, a timeout, the mapping
 * of every way WordPress (or the host in front of it) can fail onto a contract
 * Error, and a small shared cache so a busy reader does not hammer the site.
 */
import type { WordPressOptions } from './options.ts';

/** A failure that becomes a contract Error response. */
export class ContentError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  /** An outage (no answer, 429, 5xx) rather than an answer: the last good answer may stand in. */
  transient = false;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

function transient(error: ContentError): ContentError {
  error.transient = true;
  return error;
}

export interface UpstreamAnswer {
  /** The parsed JSON body. */
  data: unknown;
  /** `X-WP-TotalPages` / `X-WP-Total` on collections (0 when absent). */
  totalPages: number;
  total: number;
  /** Bytes of the body as received (for measurements). */
  bytes: number;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** `/wp/v2/posts` + query → the site's URL for it in the configured style. */
export function restUrl(options: { url: string; restStyle: 'pretty' | 'query' }, route: string, query: Query): string {
  const url = options.restStyle === 'query' ? new URL(`${options.url}/`) : new URL(`${options.url}/wp-json${route}`);
  if (options.restStyle === 'query') url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function header(response: Response, name: string): number {
  const value = Number(response.headers.get(name));
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** WordPress answers a page past the last one with 400 and this code; the reader sees an empty page. */
export const INVALID_PAGE = 'rest_post_invalid_page_number';

async function fetchJson(options: WordPressOptions, url: string): Promise<UpstreamAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        headers: { accept: 'application/json' },
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (error) {
      if (controller.signal.aborted) {
        throw transient(
          new ContentError(504, 'upstream_timeout', `WordPress did not answer within ${options.timeoutMs} ms`),
        );
      }
      throw transient(
        new ContentError(502, 'upstream_unavailable', `WordPress could not be reached: ${String(error)}`),
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new ContentError(
        502,
        'upstream_forbidden',
        `WordPress refused the REST API (${response.status}); a security plugin or the host may block /wp-json/ for visitors`,
      );
    }
    if (response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      throw transient(
        new ContentError(
          503,
          'upstream_rate_limited',
          'WordPress is rate-limiting this server',
          retryAfter ? { 'retry-after': retryAfter } : {},
        ),
      );
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw transient(
          new ContentError(504, 'upstream_timeout', `WordPress did not finish within ${options.timeoutMs} ms`),
        );
      }
      throw transient(new ContentError(502, 'upstream_unavailable', `WordPress's answer broke off: ${String(error)}`));
    }
    const type = response.headers.get('content-type') ?? '';
    let data: unknown;
    try {
      // Some hosts send JSON as text/html; the body decides, the header only explains a failure.
      data = JSON.parse(body.replace(/^\uFEFF/, ''));
    } catch {
      const error = new ContentError(
        502,
        'upstream_not_json',
        `WordPress answered ${response.status} with ${type || 'no content type'} instead of JSON; ` +
          'is this the site address, and is the REST API enabled?',
      );
      // A maintenance or error page (5xx) passes; a 200 or 404 page means the address or setup is wrong.
      throw response.status >= 500 ? transient(error) : error;
    }
    if (!response.ok) {
      const code = typeof data === 'object' && data !== null && 'code' in data ? String(data.code) : '';
      if (code === INVALID_PAGE) return { data: [], totalPages: 0, total: 0, bytes: body.length };
      const error = new ContentError(502, 'upstream_error', `WordPress answered ${response.status} ${code}`.trim());
      throw response.status >= 500 ? transient(error) : error;
    }
    return {
      data,
      totalPages: header(response, 'x-wp-totalpages'),
      total: header(response, 'x-wp-total'),
      bytes: Buffer.byteLength(body),
    };
  } finally {
    clearTimeout(timer);
  }
}

interface Entry {
  expires: number;
  answer: Promise<UpstreamAnswer>;
  /** The last good answer for this key and when it arrived: kept for failures (stale-if-error). */
  last: { good: { answer: UpstreamAnswer; at: number } | null };
}

/**
 * GETs against the REST API through a bounded LRU cache with a TTL. An entry is made
 * when the request starts, so identical requests that arrive meanwhile share it.
 * When a refresh fails for an outage (no answer, 429, 5xx), the last good answer (at most
 * `staleIfErrorMs` old) is served instead: a WordPress restart or a maintenance page
 * does not take the reader down. Without one, the failure is forgotten at once, so the
 * next reader retries.
 */
export function createUpstream(options: WordPressOptions) {
  const entries = new Map<string, Entry>();
  let style: 'pretty' | 'query' = options.restStyle === 'query' ? 'query' : 'pretty';

  async function fetchRoute(route: string, query: Query): Promise<UpstreamAnswer> {
    const tried = style;
    try {
      return await fetchJson(options, restUrl({ url: options.url, restStyle: tried }, route, query));
    } catch (error) {
      // Plain permalinks (or a server without rewrites) answer /wp-json/ with an HTML page.
      if (options.restStyle !== 'auto' || tried !== 'pretty' || !(error instanceof ContentError)) throw error;
      if (error.code !== 'upstream_not_json') throw error;
      const answer = await fetchJson(options, restUrl({ url: options.url, restStyle: 'query' }, route, query));
      style = 'query';
      return answer;
    }
  }

  function get(route: string, query: Query = {}): Promise<UpstreamAnswer> {
    // The key is the route and query, whichever URL style reaches them.
    const url = restUrl({ url: options.url, restStyle: 'query' }, route, query);
    const now = options.now();
    const cached = entries.get(url);
    if (cached && cached.expires > now) {
      // Re-inserting moves it to the end: the Map's order is the recency order.
      entries.delete(url);
      entries.set(url, cached);
      return cached.answer;
    }
    const previous = cached?.last.good ?? null;
    const last: Entry['last'] = { good: previous };
    const answer = fetchRoute(route, query).then(
      (fresh) => {
        last.good = { answer: fresh, at: options.now() };
        return fresh;
      },
      (error: unknown) => {
        const stale = previous && options.now() - previous.at <= options.staleIfErrorMs ? previous.answer : null;
        if (stale && error instanceof ContentError && error.transient) return stale;
        if (entries.get(url) === entry) entries.delete(url);
        throw error;
      },
    );
    const entry: Entry = { expires: now + options.cacheTtlMs, answer, last };
    entries.delete(url);
    entries.set(url, entry);
    while (entries.size > options.cacheMaxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return answer;
  }

  /** Every answer is refetched on next use (a purge); the last good ones stay for outages. */
  function expireAll() {
    for (const entry of entries.values()) entry.expires = 0;
  }

  return { get, expireAll, size: () => entries.size, style: () => style };
}

export type Upstream = ReturnType<typeof createUpstream>;
