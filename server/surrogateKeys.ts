/**
 * Surrogate keys: each page and API answer names what it shows, so one purge by key
 * finds every cached copy that shows a story, a feed, a sector, an edition or the
 * taxonomy (docs/deploy.md#purge-on-publish). The vocabulary:
 *
 *   story:<slug>      the story's page, and every list that shows its card
 *   feed:<name>       a page whose own list is that feed (latest, trending, opinion, devshots)
 *   box:<name>        a story page's sidebar box of that feed (not purged on every publish)
 *   sector:<slug>     a list of a sector; edition:<slug> of an edition; search: search results
 *   taxonomy          every page (the menu lists the sectors and editions); all: everything
 */
import type { DehydratedState } from '@tanstack/react-query';

/** Keys as header tokens: lower case, every byte outside [a-z0-9-_.~] as %xx (what WordPress stores in a slug). */
export function normaliseKey(key: string): string {
  let text = key;
  try {
    text = decodeURIComponent(key);
  } catch {
    // not percent-encoded: taken as it is
  }
  let out = '';
  for (const byte of Buffer.from(text.toLowerCase(), 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[a-z0-9\-_.~:]/.test(char) ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

const KEY_PATTERN = /^(?:all|taxonomy|search|(?:story|feed|box|sector|edition):[a-z0-9\-_.~%]{1,600})$/;

/** A key the hook accepts: one of the forms above, already normalised. */
export function isValidKey(key: string): boolean {
  return KEY_PATTERN.test(key) && normaliseKey(key) === key;
}

export const storyKey = (slug: string) => normaliseKey(`story:${slug}`);

interface FeedParams {
  feed?: string;
  sector?: string;
  edition?: string;
  q?: string;
}

/** The key of a list by its parameters (the app's feed query or the API's `/stories?…`). */
function listKey(params: FeedParams, prefix: 'feed' | 'box'): string {
  if (params.q) return 'search';
  if (params.sector) return normaliseKey(`sector:${params.sector}`);
  if (params.edition) return normaliseKey(`edition:${params.edition}`);
  return normaliseKey(`${prefix}:${params.feed ?? 'latest'}`);
}

/** Story slugs in a feed answer (`{ items }`), an infinite query's pages, a story and its related cards. */
function cardSlugs(data: unknown, out: Set<string>, depth = 0): void {
  if (depth > 4 || typeof data !== 'object' || data === null) return;
  if (Array.isArray(data)) {
    for (const item of data) cardSlugs(item, out, depth + 1);
    return;
  }
  const record = data as Record<string, unknown>;
  if (typeof record.slug === 'string' && typeof record.headline === 'string') out.add(storyKey(record.slug));
  for (const field of ['items', 'pages', 'related']) {
    if (field in record) cardSlugs(record[field], out, depth + 1);
  }
}

/** A page's keys, from the queries its render used (the state it hands the browser). */
export function pageKeys(pathname: string, queries: DehydratedState['queries']): string[] {
  const keys = new Set<string>(['all']);
  // A story page's lists are its sidebar boxes: a new story need not re-render every story page.
  const sidebar = pathname.startsWith('/article/');
  for (const query of queries) {
    const [kind, ...rest] = query.queryKey as unknown[];
    if (kind === 'taxonomy') keys.add('taxonomy');
    else if (kind === 'story' && typeof rest[0] === 'string') keys.add(storyKey(rest[0]));
    else if (kind === 'feed') keys.add(listKey((rest[1] ?? {}) as FeedParams, sidebar ? 'box' : 'feed'));
    cardSlugs(query.state.data, keys);
  }
  return [...keys];
}

/** An API answer's keys, from its path, query and JSON body. */
export function apiKeys(path: string, search: URLSearchParams, body: unknown): string[] {
  const keys = new Set<string>(['all']);
  const story = /^\/stories\/([^/]+)$/.exec(path);
  if (story) keys.add(storyKey(story[1]!));
  else if (path === '/stories') keys.add(listKey(Object.fromEntries(search) as FeedParams, 'feed'));
  else if (path === '/taxonomy') keys.add('taxonomy');
  cardSlugs(body, keys);
  return [...keys];
}

/** The headers that can carry the keys, by the cache that reads each. */
export const SURROGATE_KEY_HEADERS = {
  /** Varnish's xkey vmod (deploy/varnish/default.vcl), space-separated. */
  xkey: (keys: readonly string[]) => keys.join(' '),
  /** Fastly's, space-separated. */
  'Surrogate-Key': (keys: readonly string[]) => keys.join(' '),
  /** Cloudflare's, comma-separated. */
  'Cache-Tag': (keys: readonly string[]) => keys.join(','),
} as const;
export type SurrogateKeyHeader = keyof typeof SURROGATE_KEY_HEADERS;

/**
 * A page's keys in the headers its cache reads (SURROGATE_KEY_HEADERS, default xkey): each
 * costs a reader a kilobyte or more on every page, past the first round trip's 14.6 KB.
 */
export function keyHeadersFor(names: readonly SurrogateKeyHeader[]) {
  return (keys: readonly string[]): Record<string, string> =>
    Object.fromEntries(names.map((name) => [name, SURROGATE_KEY_HEADERS[name](keys)]));
}

/** SURROGATE_KEY_HEADERS: header names, space- or comma-separated; null when one is unknown. */
export function parseKeyHeaderNames(value: string | undefined): SurrogateKeyHeader[] | null {
  const known = new Map(Object.keys(SURROGATE_KEY_HEADERS).map((name) => [name.toLowerCase(), name]));
  const names = (value ?? 'xkey').split(/[\s,]+/).filter(Boolean);
  const found = names.map((name) => known.get(name.toLowerCase()) as SurrogateKeyHeader | undefined);
  return found.every(Boolean) ? [...new Set(found as SurrogateKeyHeader[])] : null;
}
