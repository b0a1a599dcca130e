/**
 * What others read the news with: RSS/Atom/JSON feeds, sitemaps, robots.txt, security.txt
 * and the drawn share cards. Registered on the server's app before its file and page routes.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import type { Story } from '../../src/features/article/api/story';
import { cardVersion } from '../../src/features/article/articleHead';
import type { FeedName } from '../../src/features/feeds/api/feed';
import { SITE_NAME } from '../../src/lib/head';
import { negotiateEncoding } from '../encoding';
import { bodyHtml } from './bodyHtml';
import { drawCard } from './cards';
import { NotFound, type ContentReader, type FeedSelection } from './content';
import { FEED_TYPES, render, type FeedEntry, type FeedFormat } from './feeds';
import {
  NEWS_MAX_URLS,
  NEWS_WINDOW_MS,
  SITEMAP_MAX_URLS,
  newsSitemap,
  pagesSitemap,
  robotsTxt,
  sitemapIndex,
  storySitemap,
} from './sitemaps';

export interface SyndicationOptions {
  reader: ContentReader;
  /** The public origin of a request: SITE_URL, or its trusted Host (server/origin.ts). */
  originOf: (request: Request) => string;
  /** The client build, where same-origin pictures are measured. */
  distDir: string;
  /** The full sanitized body in feeds (content:encoded, Atom content). */
  fullContent: boolean;
  /** false: robots.txt disallows everything (staging). */
  allowRobots: boolean;
  /** The body of /.well-known/security.txt; null answers 404. */
  securityTxt: string | null;
  /** ISO 639 code of the site's language, for feeds and the news sitemap. */
  language: string;
  /** How long a built feed or sitemap is reused in the process. */
  cacheMs: number;
  /** Stories per feed. */
  feedSize?: number;
  now?: () => number;
  headers: Record<string, string>;
}

/** Feed readers poll; a CDN answers them for five minutes and serves stale while it refetches. */
const FEED_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=3600';
const SITEMAP_CACHE_CONTROL = 'public, max-age=0, s-maxage=900, stale-while-revalidate=3600';
const NEWS_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=600';
/** A card's address carries its story's version, so it never changes under a URL. */
const CARD_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const SHORT_MISSING = 'public, max-age=0, s-maxage=30';

const FEED_PAGES: Record<string, { feed: FeedName; title: string; description: string; page: string }> = {
  latest: {
    feed: 'latest',
    title: 'Latest News',
    description: 'The newest stories from every sector and edition.',
    page: '/latest',
  },
  opinion: {
    feed: 'opinion',
    title: 'Opinion / Blog / Interview',
    description: 'Opinion pieces, blogs and interviews.',
    page: '/opinion',
  },
  devshots: {
    feed: 'devshots',
    title: 'DevShots',
    description: 'Short takes on development, in pictures.',
    page: '/devshots',
  },
};
const EXTENSIONS: Record<string, FeedFormat> = { xml: 'rss', atom: 'atom', json: 'json' };

interface Built {
  body: string;
  type: string;
  etag: string;
  lastModified: Date | null;
  /** Compressed once per build, on the first reader that accepts it. */
  brotli: () => Buffer;
  gzip: () => Buffer;
}

/** A value per key for `ttlMs`, one build at a time per key; failures are not kept. */
function memo(ttlMs: number, now: () => number, max = 300) {
  const entries = new Map<string, { at: number; value: Promise<Built> }>();
  const get = (key: string, build: () => Promise<Built>): Promise<Built> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = build();
    const entry = { at: now(), value };
    value.catch(() => entries.get(key) === entry && entries.delete(key));
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > max) entries.delete(entries.keys().next().value!);
    return value;
  };
  // A purge (server/purge.ts) forgets every built feed and sitemap.
  return Object.assign(get, { clear: () => entries.clear() });
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function built(body: string, type: string, lastModified: Date | null): Built {
  return {
    body,
    type,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    lastModified,
    // Quality 5, as for pages: a feed is rebuilt every minute or so, and compresses about tenfold.
    brotli: once(() => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })),
    gzip: once(() => gzipSync(body, { level: 6 })),
  };
}

/** Runs `work` over `items` at most `limit` at a time, in order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

export function registerSyndication(app: Hono, options: SyndicationOptions): { forget: () => void } {
  const now = options.now ?? Date.now;
  const cache = memo(options.cacheMs, now);
  const cards = new Map<string, Promise<Buffer>>();
  const imageBytes = new Map<string, Promise<number | null>>();
  const bodies = new Map<string, Promise<string>>();
  const distDir = path.resolve(options.distDir);
  const feedSize = options.feedSize ?? 50;
  const originOf = (c: Context) => options.originOf(c.req.raw);

  /** A picture's size in bytes: from the build for our own files, else one HEAD request, remembered. */
  function bytesOf(src: string, origin: string): Promise<number | null> {
    const url = new URL(src, origin);
    const key = url.href;
    let known = imageBytes.get(key);
    if (known) return known;
    if (url.origin === origin) {
      const file = path.join(distDir, decodeURIComponent(url.pathname));
      known = file.startsWith(distDir + path.sep)
        ? stat(file).then(
            (info) => info.size,
            () => null,
          )
        : Promise.resolve(null);
    } else {
      known = fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3000) }).then(
        (response) => (response.ok ? Number(response.headers.get('content-length')) || null : null),
        () => null,
      );
    }
    imageBytes.set(key, known);
    while (imageBytes.size > 5000) imageBytes.delete(imageBytes.keys().next().value!);
    return known;
  }

  /** A story's feed body, rendered once per version: most of a rebuilt feed has not changed. */
  function bodyOf(story: Story, origin: string): Promise<string> {
    const key = `${origin} ${story.slug} ${story.updatedAt}`;
    let body = bodies.get(key);
    if (!body) {
      body = bodyHtml(story.body, origin);
      bodies.set(key, body);
      while (bodies.size > 2000) bodies.delete(bodies.keys().next().value!);
    }
    return body;
  }

  function answer(c: Context, result: Built, cacheControl: string): Response {
    const headers: Record<string, string> = {
      ...options.headers,
      'Content-Type': result.type,
      'Cache-Control': cacheControl,
      ETag: result.etag,
      Vary: 'Accept-Encoding',
    };
    if (result.lastModified && result.lastModified.getTime() > 0) {
      headers['Last-Modified'] = result.lastModified.toUTCString();
    }
    const match = c.req.header('if-none-match');
    const since = c.req.header('if-modified-since');
    const notModified = match
      ? match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === result.etag)
      : since && result.lastModified
        ? Math.floor(result.lastModified.getTime() / 1000) <= Math.floor(Date.parse(since) / 1000)
        : false;
    if (notModified) return c.body(null, 304, headers);
    const encoding = negotiateEncoding(c.req.header('accept-encoding'));
    if (!encoding) return c.body(result.body, 200, headers);
    const body = new Uint8Array(encoding === 'br' ? result.brotli() : result.gzip());
    return c.body(body, 200, { ...headers, 'Content-Encoding': encoding });
  }

  function missing(c: Context, what: string): Response {
    return c.text(`${what} not found\n`, 404, { ...options.headers, 'Cache-Control': SHORT_MISSING });
  }

  async function guarded(c: Context, what: string, run: () => Promise<Response>): Promise<Response> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof NotFound) return missing(c, what);
      console.error(`${what} failed:`, error);
      return c.text('The news service is not answering right now.\n', 503, {
        ...options.headers,
        'Cache-Control': 'no-store',
        'Retry-After': '30',
      });
    }
  }

  async function buildFeed(
    selection: FeedSelection,
    meta: { title: string; description: string; page: string; feedPath: string },
    format: FeedFormat,
    origin: string,
  ): Promise<Built> {
    const list = await options.reader.cards(selection, feedSize);
    const entries = await mapLimit(list, 4, async (card): Promise<FeedEntry> => {
      // A story that cannot be read now still appears, from its card: one bad story does not empty the feed.
      const story: Story = await options.reader
        .story(card)
        .catch(() => ({ ...card, body: [], tags: [], syndicated: false, related: [], versions: [] }));
      return {
        story,
        content: options.fullContent ? await bodyOf(story, origin) : null,
        imageBytes: story.image ? await bytesOf(story.image.src, origin) : null,
      };
    });
    const body = render(
      {
        title: meta.title,
        description: meta.description,
        pagePath: meta.page,
        feedPath: meta.feedPath,
        entries,
        origin,
        language: options.language,
      },
      format,
    );
    const newest = Math.max(0, ...entries.map((entry) => Date.parse(entry.story.updatedAt)));
    return built(body, FEED_TYPES[format], new Date(newest));
  }

  app.get('/feeds/*', async (c, next) => {
    // Hono's /feeds/* also matches /feeds, the page listing the feeds.
    if (c.req.path === '/feeds' || c.req.path === '/feeds/') return next();
    const match = /^\/feeds\/(?:(latest|opinion|devshots)|(sector|edition)\/([^/.]+))\.(xml|atom|json)$/.exec(
      c.req.path,
    );
    if (!match) return missing(c, 'Feed');
    const [, named, kind, slug, extension] = match;
    const format = EXTENSIONS[extension!]!;
    const origin = originOf(c);
    return guarded(c, 'Feed', async () => {
      const result = await cache(`${origin} ${c.req.path}`, async () => {
        if (named) {
          const page = FEED_PAGES[named]!;
          return buildFeed({ feed: page.feed }, { ...page, feedPath: `/feeds/${named}` }, format, origin);
        }
        const term = decodeURIComponent(slug!);
        const taxonomy = await options.reader.taxonomy();
        const found = (kind === 'sector' ? taxonomy.sectors : taxonomy.editions).find((t) => t.slug === term);
        if (!found) throw new NotFound(term);
        return buildFeed(
          kind === 'sector' ? { feed: 'latest', sector: term } : { feed: 'latest', edition: term },
          {
            title: found.name,
            description:
              kind === 'sector'
                ? `The latest stories in ${found.name}.`
                : `The latest stories from the ${found.name} edition.`,
            page: `/${kind}/${encodeURIComponent(term)}`,
            feedPath: `/feeds/${kind}/${encodeURIComponent(term)}`,
          },
          format,
          origin,
        );
      });
      return answer(c, result, FEED_CACHE_CONTROL);
    });
  });

  const XML = 'application/xml; charset=utf-8';

  app.get('/sitemap.xml', (c) => {
    const origin = originOf(c);
    return guarded(c, 'Sitemap', async () => {
      const result = await cache(`${origin} /sitemap.xml`, async () => {
        const entries = await options.reader.index();
        const pages = Math.max(1, Math.ceil(entries.length / SITEMAP_MAX_URLS));
        const lastmods = Array.from({ length: pages }, (_, index) =>
          newestOf(entries.slice(index * SITEMAP_MAX_URLS, (index + 1) * SITEMAP_MAX_URLS)),
        );
        return built(sitemapIndex(origin, pages, lastmods), XML, dateOrNull(newestOf(entries)));
      });
      return answer(c, result, SITEMAP_CACHE_CONTROL);
    });
  });

  app.get('/sitemaps/:file', (c) => {
    const origin = originOf(c);
    const file = c.req.param('file');
    return guarded(c, 'Sitemap', async () => {
      if (file === 'pages.xml') {
        const result = await cache(`${origin} pages`, async () =>
          built(pagesSitemap(origin, await options.reader.taxonomy()), XML, null),
        );
        return answer(c, result, SITEMAP_CACHE_CONTROL);
      }
      if (file === 'news.xml') {
        const result = await cache(`${origin} news`, async () => {
          const stories = await options.reader.publishedSince(now() - NEWS_WINDOW_MS, NEWS_MAX_URLS);
          const body = newsSitemap(origin, stories, { name: SITE_NAME, language: options.language });
          return built(body, XML, dateOrNull(newestOf(stories)));
        });
        return answer(c, result, NEWS_CACHE_CONTROL);
      }
      const page = /^stories-([1-9]\d{0,5})\.xml$/.exec(file)?.[1];
      if (!page) throw new NotFound(file);
      const result = await cache(`${origin} stories ${page}`, async () => {
        const entries = await options.reader.index();
        const slice = entries.slice((Number(page) - 1) * SITEMAP_MAX_URLS, Number(page) * SITEMAP_MAX_URLS);
        if (slice.length === 0 && Number(page) > 1) throw new NotFound(file);
        return built(storySitemap(origin, slice), XML, dateOrNull(newestOf(slice)));
      });
      return answer(c, result, SITEMAP_CACHE_CONTROL);
    });
  });

  app.get('/robots.txt', (c) =>
    c.text(robotsTxt(originOf(c), options.allowRobots), 200, {
      ...options.headers,
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  app.get('/.well-known/security.txt', (c) =>
    options.securityTxt === null
      ? missing(c, 'File')
      : c.text(options.securityTxt, 200, { ...options.headers, 'Cache-Control': 'public, max-age=86400' }),
  );

  app.get('/cards/:file', (c) => {
    const slug = /^(.+)\.png$/.exec(c.req.param('file'))?.[1];
    if (!slug) return missing(c, 'Card');
    return guarded(c, 'Card', async () => {
      const story = await options.reader.storyBySlug(decodeURIComponent(slug));
      const key = `${story.slug} ${story.updatedAt}`;
      let png = cards.get(key);
      if (!png) {
        png = drawCard({
          headline: story.headline,
          kicker: story.sector?.name ?? story.edition.name,
          siteName: SITE_NAME,
        });
        png.catch(() => cards.delete(key));
        cards.set(key, png);
        while (cards.size > 200) cards.delete(cards.keys().next().value!);
      }
      const body = await png;
      // Only the current version is kept by caches for good; an old ?v= gets the new card briefly.
      const current = c.req.query('v') === cardVersion(story.updatedAt);
      return c.body(new Uint8Array(body), 200, {
        ...options.headers,
        'Content-Type': 'image/png',
        'Content-Length': String(body.length),
        'Cache-Control': current ? CARD_CACHE_CONTROL : 'public, max-age=300',
        ETag: `"${createHash('sha1').update(key).digest('base64url')}"`,
      });
    });
  });
  return { forget: () => cache.clear() };
}

function newestOf(entries: { updatedAt: string }[]): string | null {
  let newest: string | null = null;
  for (const entry of entries)
    if (!newest || Date.parse(entry.updatedAt) > Date.parse(newest)) newest = entry.updatedAt;
  return newest;
}

function dateOrNull(iso: string | null): Date | null {
  return iso ? new Date(iso) : null;
}
