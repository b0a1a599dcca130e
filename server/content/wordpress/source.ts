/**
 * The WordPress content source: answers the contract's paths (docs/api.md) from
 * WordPress's REST API (docs/wordpress.md). One upstream request per reader request
 * where it can (a targeted `_embed` instead of follow-up requests); the site's
 * categories are read once per cache period and shared by every request.
 */
import type { Block, StoryCard } from '../../../src/lib/api/schemas.ts';
import { contractError, type ContentSource } from '../types.ts';
import { bodyBlocks, mediaIdsWithoutSize, stripShortcodes, type MediaSize } from './blocks.ts';
import { plainText } from './html.ts';
import {
  buildSite,
  cardOf,
  categorySchema,
  mediaSchema,
  parseList,
  postSchema,
  tagSchema,
  tagsOf,
  type Site,
  type WpPost,
} from './map.ts';
import { resolveOptions, type WordPressOptions, type WordPressOptionsInput } from './options.ts';
import { ContentError, createUpstream, restUrl, type Query, type Upstream, type UpstreamAnswer } from './upstream.ts';

const FEEDS = ['latest', 'trending', 'opinion', 'devshots', 'breaking'] as const;
type Feed = (typeof FEEDS)[number];
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;
const RELATED = 4;
// Taxonomy lists are read whole, a hundred (WordPress's maximum) at a time, up to this many pages.
const TERM_PAGES = 5;

/** Only what a card needs; `_links` parts are there because `_embed` follows them. */
const CARD_FIELDS = [
  'id',
  'slug',
  'title',
  'excerpt',
  'date_gmt',
  'modified_gmt',
  'categories',
  'tags',
  'format',
  '_links.author',
  '_links.wp:featuredmedia',
  '_embedded',
].join(',');
const CARD_EMBED = 'author,wp:featuredmedia';
const STORY_FIELDS = `${CARD_FIELDS},content,_links.wp:term`;
const STORY_EMBED = 'author,wp:featuredmedia,wp:term';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

interface Cursor {
  page: number;
  perPage: number;
  /** Trending read from latest because the site has no sticky posts. */
  latest?: boolean;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(
    JSON.stringify({ p: cursor.page, n: cursor.perPage, ...(cursor.latest ? { l: 1 } : {}) }),
  ).toString('base64url');
}

function decodeCursor(value: string): Cursor | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof data !== 'object' || data === null) return null;
    const { p, n, l } = data as Record<string, unknown>;
    if (!Number.isInteger(p) || !Number.isInteger(n) || (p as number) < 1 || (n as number) < 1) return null;
    if ((n as number) > MAX_LIMIT) return null;
    return { page: p as number, perPage: n as number, latest: l === 1 };
  } catch {
    return null;
  }
}

export function createSource(input: WordPressOptionsInput): ContentSource {
  const options = resolveOptions(input);
  const upstream = createUpstream(options);
  const loadSite = siteLoader(options, upstream);
  const source: ContentSource = (request) => handle(request, options, upstream, loadSite);
  source.invalidate = () => upstream.expireAll();
  // The REST index itself: the cache's stale-if-error copies would hide an outage.
  source.ready = async () => {
    const response = await options.fetch(restUrl({ url: options.url, restStyle: 'query' }, '/', {}), {
      signal: AbortSignal.timeout(Math.min(options.timeoutMs, 3000)),
    });
    await response.arrayBuffer();
    return response.ok;
  };
  return source;
}

/** Every page of a taxonomy list (up to TERM_PAGES), as the cached answers themselves. */
async function readAll(upstream: Upstream, route: string, query: Query): Promise<UpstreamAnswer[]> {
  const first = await upstream.get(route, { ...query, per_page: 100, page: 1 });
  const pages = Math.min(first.totalPages, TERM_PAGES);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, index) =>
      upstream.get(route, { ...query, per_page: 100, page: index + 2 }),
    ),
  );
  return [first, ...rest];
}

const items = (answers: UpstreamAnswer[]) =>
  answers.flatMap((answer) => (Array.isArray(answer.data) ? answer.data : []));

/** The Site, rebuilt only when the cached category (or tag) answers it was built from have changed. */
function siteLoader(options: WordPressOptions, upstream: Upstream) {
  let built: { from: UpstreamAnswer[]; site: Site } | null = null;
  return async function loadSite(): Promise<Site> {
    const [categories, tags] = await Promise.all([
      readAll(upstream, '/wp/v2/categories', { _fields: 'id,name,slug,parent,count', hide_empty: false }),
      options.editionTagPrefix
        ? readAll(upstream, '/wp/v2/tags', { _fields: 'id,name,slug', orderby: 'count', order: 'desc' })
        : Promise.resolve([]),
    ]);
    const from = [...categories, ...tags];
    if (built && built.from.length === from.length && built.from.every((answer, index) => answer === from[index])) {
      return built.site;
    }
    const site = buildSite(parseList(categorySchema, items(categories)), parseList(tagSchema, items(tags)), options);
    built = { from, site };
    return site;
  };
}

type LoadSite = ReturnType<typeof siteLoader>;

async function handle(
  request: Request,
  options: WordPressOptions,
  upstream: Upstream,
  loadSite: LoadSite,
): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  try {
    if (path === '/newsletter' || path === '/feedback') {
      if (request.method !== 'POST')
        return contractError(405, 'method_not_allowed', `${path} takes POST`, { allow: 'POST' });
      return await forwardForm(
        request,
        path === '/newsletter' ? options.newsletterUrl : options.feedbackUrl,
        path,
        options,
      );
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return contractError(405, 'method_not_allowed', `${path} takes GET`, { allow: 'GET, HEAD' });
    }
    if (path === '/stories') {
      const feed = feedRequest(url.searchParams);
      return json(200, await feedPage(feed, options, upstream, await loadSite()));
    }
    if (path === '/taxonomy') {
      const site = await loadSite();
      return json(200, { sectors: site.sectors, editions: site.editions });
    }
    const story = /^\/stories\/([^/]+)$/.exec(path);
    if (story?.[1]) {
      let slug: string;
      try {
        slug = decodeURIComponent(story[1]);
      } catch {
        return contractError(404, 'not_found', 'No story with that address');
      }
      const found = await storyBySlug(slug, options, upstream, loadSite);
      return found ? json(200, found) : contractError(404, 'not_found', 'No story with that address');
    }
    return contractError(404, 'not_found', `No such API path: ${path}`);
  } catch (error) {
    if (error instanceof ContentError) return contractError(error.status, error.code, error.message, error.headers);
    return contractError(502, 'upstream_error', `WordPress's answer could not be read: ${String(error)}`);
  }
}

function badParameter(message: string): never {
  throw new ContentError(400, 'bad_parameter', message);
}

function cards(posts: WpPost[], site: Site, options: WordPressOptions, keep: (post: WpPost) => boolean = () => true) {
  const out: StoryCard[] = [];
  for (const post of posts) {
    if (!keep(post)) continue;
    const card = cardOf(post, site, options.url);
    if (card) out.push(card);
  }
  return out;
}

interface FeedRequest {
  feed: Feed;
  cursor: Cursor;
  params: URLSearchParams;
}

/** Checked before anything is asked of WordPress: a bad request is a 400 even when WordPress is down. */
function feedRequest(params: URLSearchParams): FeedRequest {
  const feed = params.get('feed');
  if (!feed || !(FEEDS as readonly string[]).includes(feed)) badParameter(`feed must be one of ${FEEDS.join(', ')}`);
  const limitParam = params.get('limit');
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    badParameter(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const cursorParam = params.get('cursor');
  const cursor = cursorParam === null ? { page: 1, perPage: limit } : decodeCursor(cursorParam);
  if (!cursor) badParameter('cursor is not valid');
  return { feed: feed as Feed, cursor, params };
}

async function feedPage(
  { feed, cursor, params }: FeedRequest,
  options: WordPressOptions,
  upstream: Upstream,
  site: Site,
) {
  const empty = { items: [], nextCursor: null };
  // Every constraint is a set of category ids a post must be in. WordPress's `categories`
  // takes one such set (any of its ids); the others are checked here on each page, so such
  // pages can be short (docs/wordpress.md). The feed's own set goes first: it is the most selective.
  const feedSets: number[][] = [];
  const filterSets: number[][] = [];
  const query: Query = {
    _fields: CARD_FIELDS,
    _embed: CARD_EMBED,
    per_page: cursor.perPage,
    page: cursor.page,
    orderby: 'date',
    order: 'desc',
  };
  let keep: (post: WpPost) => boolean = () => true;

  const sector = params.get('sector');
  if (sector) {
    const ids = site.sectorIds.get(sector);
    if (!ids) return empty;
    filterSets.push(ids);
  }
  const edition = params.get('edition');
  if (edition) {
    if (edition === site.defaultEdition.slug) {
      // The default edition holds the posts in no other edition.
      const others = [...site.editionById.keys()];
      if (others.length > 0) query[site.editionsAreTags ? 'tags_exclude' : 'categories_exclude'] = others.join(',');
    } else {
      const id = site.editionIds.get(edition);
      if (id === undefined) return empty;
      if (site.editionsAreTags) query.tags = id;
      else filterSets.push([id]);
    }
  }
  const q = params.get('q')?.trim();
  if (q) query.search = q;
  const tag = params.get('tag')?.trim();
  if (tag) {
    // Stories name their tags; WordPress filters by id: the tag of that exact name, or nothing.
    const found = await upstream.get('/wp/v2/tags', { search: tag, per_page: 100, _fields: 'id,name,slug' });
    const wanted = tag.toLowerCase();
    const id = parseList(tagSchema, found.data).find((term) => plainText(term.name).toLowerCase() === wanted)?.id;
    if (id === undefined) return empty;
    if (query.tags === undefined) query.tags = id;
    else {
      const before = keep;
      keep = (post) => before(post) && (post.tags ?? []).includes(id);
    }
  }

  // Trending: the trending category or the sticky posts; dropped (latest instead) when that is empty.
  let trending: { set: number[] } | { sticky: true } | null = null;
  switch (feed) {
    case 'latest':
      break;
    case 'trending':
      trending = site.trendingId !== null ? { set: [site.trendingId] } : { sticky: true };
      break;
    case 'opinion': {
      const ids = [site.kindIds.opinion, site.kindIds.blog, site.kindIds.interview].filter((id) => id !== null);
      if (ids.length === 0) return empty;
      feedSets.push(ids);
      break;
    }
    case 'breaking':
      // The `breaking` category is the feed; a site without one has no breaking news.
      if (site.breakingId === null) return empty;
      feedSets.push([site.breakingId]);
      break;
    case 'devshots':
      if (site.kindIds.devshots !== null) {
        feedSets.push([site.kindIds.devshots]);
      } else {
        // WordPress 6.7 filters by `format`; older versions ignore it and the check below does the work.
        query.format = 'video';
        keep = (post) => post.format === 'video';
      }
      break;
  }

  const read = async (withTrending: boolean) => {
    const sets = [...(withTrending && trending && 'set' in trending ? [trending.set] : []), ...feedSets, ...filterSets];
    const request: Query = { ...query };
    if (withTrending && trending && 'sticky' in trending) request.sticky = true;
    const [first, ...others] = sets;
    if (first) request.categories = first.join(',');
    const matches = (post: WpPost) =>
      keep(post) && others.every((ids) => ids.some((id) => (post.categories ?? []).includes(id)));
    const answer = await upstream.get('/wp/v2/posts', request);
    const posts = parseList(postSchema, answer.data);
    return { answer, posts, items: cards(posts, site, options, matches) };
  };

  let latest = cursor.latest === true;
  let result = await read(trending !== null && !latest);
  if (trending !== null && !latest && cursor.page === 1 && result.posts.length === 0) {
    // Trending is never empty on a site with posts: the latest ones stand in, page after page.
    latest = true;
    result = await read(false);
  }
  const nextCursor =
    cursor.page < result.answer.totalPages
      ? encodeCursor({ page: cursor.page + 1, perPage: cursor.perPage, latest })
      : null;
  return { items: result.items, nextCursor };
}

async function mediaSizes(ids: number[], upstream: Upstream): Promise<Map<number, MediaSize>> {
  const sizes = new Map<number, MediaSize>();
  if (ids.length === 0) return sizes;
  const answer = await upstream.get('/wp/v2/media', {
    include: ids.join(','),
    per_page: Math.min(100, ids.length),
    _fields: 'id,alt_text,media_details.width,media_details.height',
  });
  for (const media of parseList(mediaSchema, answer.data)) {
    const width = media.media_details?.width;
    const height = media.media_details?.height;
    if (width && height && width > 0 && height > 0) {
      sizes.set(media.id, {
        width: Math.round(width),
        height: Math.round(height),
        alt: plainText(media.alt_text ?? ''),
      });
    }
  }
  return sizes;
}

async function storyBySlug(slug: string, options: WordPressOptions, upstream: Upstream, loadSite: LoadSite) {
  const [answer, site] = await Promise.all([
    upstream.get('/wp/v2/posts', { slug, _fields: STORY_FIELDS, _embed: STORY_EMBED }),
    loadSite(),
  ]);
  const post = parseList(postSchema, answer.data)[0];
  if (!post) return null;
  const card = cardOf(post, site, options.url);
  if (!card) return null;

  const html = stripShortcodes(post.content?.rendered ?? '');
  const sectorIds = card.sector ? (site.sectorIds.get(card.sector.slug) ?? []) : [];
  const [media, related] = await Promise.all([
    mediaSizes(mediaIdsWithoutSize(html), upstream).catch(() => new Map<number, MediaSize>()),
    sectorIds.length > 0
      ? upstream
          .get('/wp/v2/posts', {
            categories: sectorIds.join(','),
            exclude: post.id,
            per_page: RELATED,
            _fields: CARD_FIELDS,
            _embed: CARD_EMBED,
          })
          .then((related) => cards(parseList(postSchema, related.data), site, options))
          // Related stories are extra: a failure there does not cost the reader the story.
          .catch(() => [] as StoryCard[])
      : Promise.resolve([] as StoryCard[]),
  ]);
  const body: Block[] = bodyBlocks(html, { base: options.url, media });
  return { ...card, body, syndicated: false, tags: tagsOf(post, site), related };
}

async function forwardForm(request: Request, target: string | null, path: string, options: WordPressOptions) {
  if (!target) {
    return contractError(
      501,
      'not_available',
      `WordPress has no ${path.slice(1)} endpoint; set WORDPRESS_${path.slice(1).toUpperCase()}_URL to forward it`,
    );
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return contractError(400, 'bad_request', 'Send a JSON object');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return contractError(400, 'bad_request', 'Send a JSON object');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await options.fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.ok) return json(202, { ok: true });
    if (response.status === 400 || response.status === 422) {
      // The form service's own field messages reach the reader when they are in the contract's shape.
      try {
        const data: unknown = JSON.parse(text);
        if (typeof data === 'object' && data !== null && 'error' in data) return json(response.status, data);
      } catch {
        // not JSON: answered below
      }
      return contractError(response.status, 'invalid', 'The form service did not accept this');
    }
    if (response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      return contractError(
        503,
        'upstream_rate_limited',
        'The form service is busy',
        retryAfter ? { 'retry-after': retryAfter } : {},
      );
    }
    return contractError(502, 'upstream_error', `The form service answered ${response.status}`);
  } catch {
    return controller.signal.aborted
      ? contractError(504, 'upstream_timeout', `The form service did not answer within ${options.timeoutMs} ms`)
      : contractError(502, 'upstream_unavailable', 'The form service could not be reached');
  } finally {
    clearTimeout(timer);
  }
}
