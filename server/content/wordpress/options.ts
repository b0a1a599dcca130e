/**
 * Settings of the WordPress content source, and how they are read from the
 * environment (docs/wordpress.md lists them for site owners).
 */

export interface WordPressOptions {
  /** The site's address, e.g. `https://news.example.com` (a sub-folder install keeps its path). */
  url: string;
  /**
   * `pretty`: `/wp-json/wp/v2/…`. `query`: `/?rest_route=/wp/v2/…`, which works on every
   * WordPress, also one with plain permalinks or behind a server without rewrites.
   * `auto`: pretty, switching to query for good if `/wp-json/` answers something that is not JSON.
   */
  restStyle: 'auto' | 'pretty' | 'query';
  /** An upstream request that takes longer is abandoned and answered with 504. */
  timeoutMs: number;
  /** How long an upstream answer is reused. */
  cacheTtlMs: number;
  /** At most this many upstream answers are kept (least recently used go first). */
  cacheMaxEntries: number;
  /** When WordPress fails (5xx, timeout, unreachable), an answer up to this old is served instead. */
  staleIfErrorMs: number;
  /** Category slugs whose posts are kind opinion / blog / interview (and make the opinion feed). */
  opinionCategory: string;
  blogCategory: string;
  interviewCategory: string;
  /** A category slug for devshots; null means posts with the `video` post format. */
  devshotsCategory: string | null;
  /** A category slug for trending; null means sticky posts. */
  trendingCategory: string | null;
  /** Children of this category are the editions. */
  editionParent: string | null;
  /** Tags whose slug starts with this are the editions (the rest of the slug is the edition's slug). */
  editionTagPrefix: string | null;
  /** The edition of a post in none of the editions (and the only one when none are configured). */
  defaultEdition: { slug: string; name: string };
  /** Where `POST /newsletter` and `POST /feedback` are forwarded; null answers 501. */
  newsletterUrl: string | null;
  feedbackUrl: string | null;
  /** The fetch used for every upstream request (tests pass a fake one). */
  fetch: typeof fetch;
  /** Clock for the cache (tests move it). */
  now: () => number;
}

export const DEFAULT_OPTIONS: Omit<WordPressOptions, 'url' | 'fetch'> = {
  restStyle: 'auto',
  timeoutMs: 8000,
  cacheTtlMs: 30_000,
  cacheMaxEntries: 500,
  staleIfErrorMs: 10 * 60_000,
  opinionCategory: 'opinion',
  blogCategory: 'blog',
  interviewCategory: 'interview',
  devshotsCategory: null,
  trendingCategory: null,
  editionParent: null,
  editionTagPrefix: null,
  defaultEdition: { slug: 'global', name: 'Global' },
  newsletterUrl: null,
  feedbackUrl: null,
  now: () => Date.now(),
};

export type WordPressOptionsInput = Partial<WordPressOptions> & { url: string };

export function resolveOptions(input: WordPressOptionsInput): WordPressOptions {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new Error(`WORDPRESS_URL is not a URL: "${input.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`WORDPRESS_URL must be http(s): "${input.url}"`);
  }
  // `?rest_route=` in the given address selects the query style; the rest is the site's base.
  const restStyle = input.restStyle ?? (url.searchParams.has('rest_route') ? 'query' : DEFAULT_OPTIONS.restStyle);
  const base = `${url.origin}${url.pathname.replace(/\/(wp-json\/?)?$/, '').replace(/\/index\.php$/, '')}`;
  return {
    ...DEFAULT_OPTIONS,
    fetch: (...args) => globalThis.fetch(...args),
    ...input,
    url: base,
    restStyle,
  };
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function milliseconds(env: Env, name: string, fallback: number, { zero = false } = {}): number {
  const value = text(env, name);
  if (value === null) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (number === 0 && !zero)) {
    throw new Error(`${name} must be a ${zero ? 'number' : 'positive number'} of milliseconds`);
  }
  return number;
}

/** Reads the WORDPRESS_* variables (docs/wordpress.md). Throws with the variable's name when one is wrong. */
export function wordPressOptionsFromEnv(env: Env): WordPressOptionsInput {
  const url = text(env, 'WORDPRESS_URL');
  if (url === null) throw new Error('CONTENT_SOURCE=wordpress needs WORDPRESS_URL, e.g. https://news.example.com');
  const restStyle = text(env, 'WORDPRESS_REST_STYLE');
  if (restStyle !== null && restStyle !== 'auto' && restStyle !== 'pretty' && restStyle !== 'query') {
    throw new Error('WORDPRESS_REST_STYLE must be "auto", "pretty" (/wp-json/) or "query" (?rest_route=)');
  }
  const options: WordPressOptionsInput = {
    url,
    timeoutMs: milliseconds(env, 'WORDPRESS_TIMEOUT_MS', DEFAULT_OPTIONS.timeoutMs),
    cacheTtlMs: milliseconds(env, 'WORDPRESS_CACHE_TTL_MS', DEFAULT_OPTIONS.cacheTtlMs),
    staleIfErrorMs: milliseconds(env, 'WORDPRESS_STALE_IF_ERROR_MS', DEFAULT_OPTIONS.staleIfErrorMs, { zero: true }),
    opinionCategory: text(env, 'WORDPRESS_OPINION_CATEGORY') ?? DEFAULT_OPTIONS.opinionCategory,
    blogCategory: text(env, 'WORDPRESS_BLOG_CATEGORY') ?? DEFAULT_OPTIONS.blogCategory,
    interviewCategory: text(env, 'WORDPRESS_INTERVIEW_CATEGORY') ?? DEFAULT_OPTIONS.interviewCategory,
    devshotsCategory: text(env, 'WORDPRESS_DEVSHOTS_CATEGORY'),
    trendingCategory: text(env, 'WORDPRESS_TRENDING_CATEGORY'),
    editionParent: text(env, 'WORDPRESS_EDITION_PARENT'),
    editionTagPrefix: text(env, 'WORDPRESS_EDITION_TAG_PREFIX'),
    newsletterUrl: text(env, 'WORDPRESS_NEWSLETTER_URL'),
    feedbackUrl: text(env, 'WORDPRESS_FEEDBACK_URL'),
  };
  if (restStyle !== null) options.restStyle = restStyle;
  const defaultEdition = text(env, 'WORDPRESS_DEFAULT_EDITION');
  if (defaultEdition !== null) {
    options.defaultEdition = {
      slug: defaultEdition
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, ''),
      name: defaultEdition,
    };
  }
  return options;
}
