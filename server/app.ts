/**
 * The production server (`npm start`): Hono routes for the content API at /api, the
 * built files, and every page rendered for its URL (./render.tsx). Stateless: any
 * number of these can run behind a load balancer or a CDN.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { configureSanitizer } from '../src/features/article/sanitize';
import { setConfig, type AppConfig } from '../src/lib/config';
import { contractError, type ContentSource } from './content/types';
import { SECURITY_HEADERS } from './csp';
import { onPurge } from './cluster';
import { createDocumentTemplate, type SiteTags } from './document';
import { serverDom } from './dom';
import { negotiateEncoding } from './encoding';
import { accessLog, createLogger, createMetrics, type AppEnv, type Metrics } from './observability';
import { installOperations } from './operations';
import { requestOrigin, UntrustedHost, type OriginPolicy } from './origin';
import { PageCache, type CachedPage } from './pageCache';
import { renderPage, type RenderedPage } from './render';
import { createRenderLimit, Overloaded } from './renderLimit';
import { apiKeys, keyHeadersFor, normaliseKey, pageKeys, storyKey, type SurrogateKeyHeader } from './surrogateKeys';
import { createContentReader, type StoryIndexEntry } from './syndication/content';
import { registerSyndication } from './syndication/routes';
import { LITE_VARY, registerLite } from './lite';

export interface ServerOptions {
  /** The client build (`vite build`): index.html and assets. */
  distDir: string;
  source: ContentSource;
  /** The site's public origin (SITE_URL); the request's own origin when absent. */
  siteUrl?: string;
  /** Which Host headers are trusted when siteUrl is absent (default: the loopback names), and X-Forwarded-*. */
  originPolicy?: OriginPolicy;
  /** Signs the purge hook (PURGE_SECRET); the hook answers 404 without it. */
  purgeSecret?: string;
  /** Caches purged by key after the processes (PURGE_TARGETS). */
  purgeTargets?: readonly string[];
  /** The headers that carry surrogate keys (SURROGATE_KEY_HEADERS; default xkey, Varnish's). */
  surrogateKeyHeaders?: readonly SurrogateKeyHeader[];
  /** A page's s-maxage, the time a CDN keeps it (CDN_MAX_AGE); purges keep it fresh meanwhile. */
  cdnMaxAgeS?: number;
  logger?: Logger;
  metrics?: Metrics;
  /** How long one content request may take. */
  requestTimeoutMs: number;
  /** How long a page may take in all; past it the reader gets a 504 page with a retry. */
  pageTimeoutMs: number;
  /** How long a rendered page is reused; 0 renders every request. */
  pageCacheMs: number;
  /** Origins the CSP lets pictures come from besides this site (the content source's media). */
  imageOrigins?: readonly string[];
  /** Pages rendered at once (default 2, the cores of a small machine); more wait their turn. */
  renderConcurrency?: number;
  /** Feeds, sitemaps, robots.txt, cards (server/syndication/); defaults for whatever is absent. */
  syndication?: SyndicationSettings;
}

export interface SyndicationSettings {
  /** The full sanitized body in feeds (FEED_FULL_CONTENT). */
  fullContent?: boolean;
  /** false answers robots.txt with Disallow: / (ROBOTS=disallow, for staging). */
  allowRobots?: boolean;
  /** /.well-known/security.txt's body; absent answers 404. */
  securityTxt?: string | null;
  /** ISO 639 language of the site (SITE_LANGUAGE), default en. */
  language?: string;
  /** og:locale and twitter:site on every page. */
  siteTags?: SiteTags;
  /** How long feeds and sitemaps are reused in the process (FEED_CACHE_MS). */
  cacheMs?: number;
  /** How long the list of every story behind the sitemaps is reused (SITEMAP_CACHE_MS). */
  indexTtlMs?: number;
  /** A faster way to list every story than paging the API (the WordPress source's). */
  listAll?: () => Promise<StoryIndexEntry[]>;
  now?: () => number;
}

/**
 * The URL a page is rendered (and cached) for. Only the search page reads its query
 * string, so `?utm_source=…` on a shared story link is the same page: one cache entry
 * and one render, not one per tracking code.
 */
function pageUrl(url: URL): URL {
  const page = new URL(url);
  const q = url.pathname === '/search' ? url.searchParams.get('q') : null;
  page.search = q ? `?${new URLSearchParams({ q }).toString()}` : '';
  return page;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Pages: a CDN keeps a copy a minute (CDN_MAX_AGE) and serves it stale while it fetches a new one; browsers always ask. */
const pageCacheControl = (maxAge: number) => `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=300`;
const MISSING_CACHE_CONTROL = 'public, max-age=0, s-maxage=30';
const API_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=120';
const MAX_URL_LENGTH = 8 * 1024;
const CONTENT_ORIGIN = 'http://content.invalid';
/**
 * The browser's settings (src/lib/config.ts): the app talks to this server's /api. Served as
 * /config.json (static shells, the worker's offline start) and in every page's state script.
 */
const BROWSER_CONFIG: Partial<AppConfig> = { apiBaseUrl: '/api', liteMode: true };

/** A page of our own for what the app cannot render: no API data in it, so nothing to escape. */
function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title} | Devdiscourse Reader</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="">Try again</a> or <a href="/">go to the home page</a>.</p></main></body></html>`;
}

function encodingFor(c: Context): 'br' | 'gzip' | null {
  return negotiateEncoding(c.req.header('accept-encoding'));
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * The ETag of what a page shows: its markup, head and data, not the render's time (in
 * the state script), so a re-render of unchanged content keeps it; a suffix per encoding.
 */
function contentTag(page: RenderedPage, origin: string): string {
  const hash = createHash('sha1');
  hash.update(`${page.status}\n${origin}\n${page.html}\n${JSON.stringify(page.head)}\n`);
  for (const query of page.state.queries.queries) {
    hash.update(JSON.stringify([query.queryHash, query.state.status, query.state.data, query.state.error ?? null]));
  }
  return hash.digest('base64url').slice(0, 27);
}

const brotliCompressAsync = promisify(brotliCompress);

function compressed(body: string, page: RenderedPage, origin: string, renderedAt: number, keys: string[]): CachedPage {
  const buffer = Buffer.from(body);
  return {
    status: page.status,
    body: buffer,
    // Quality 10 off the event loop (zlib's thread pool, ~25 ms for a 90 KB page): 10% smaller than
    // quality 5, which keeps an article within TCP's first 14.6 KB round trip (decisions/page-compression.md).
    // A 256 KB window (the default is 4 MB) for pages of tens of KB: the same output, a fraction of the
    // encoder's memory, which a flood of 404 renders otherwise leaves fragmented in the heap of the process.
    brotli: once(() =>
      brotliCompressAsync(buffer, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 10,
          [constants.BROTLI_PARAM_LGWIN]: 18,
          [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
        },
      }),
    ),
    gzip: once(() => gzipSync(buffer, { level: 6 })),
    etag: contentTag(page, origin),
    renderedAt,
    keys,
  };
}

/** One ETag per encoding: a cache must not answer a gzip reader's revalidation with the brotli body. */
const etagFor = (tag: string, encoding: 'br' | 'gzip' | null) => `"${tag}${encoding ? `-${encoding}` : ''}"`;

export function createServerApp(options: ServerOptions) {
  const distDir = path.resolve(options.distDir);
  const syndication = options.syndication ?? {};
  const template = createDocumentTemplate(
    readFileSync(path.join(distDir, 'index.html'), 'utf8'),
    options.imageOrigins ?? [],
    syndication.siteTags,
  );
  const pageHeaders = { 'Content-Security-Policy': template.csp, ...SECURITY_HEADERS };
  const keyHeaders = keyHeadersFor(options.surrogateKeyHeaders ?? ['xkey']);
  const logger = options.logger ?? createLogger();
  const metrics = options.metrics ?? createMetrics();
  const originPolicy: OriginPolicy = options.siteUrl
    ? { ...options.originPolicy, siteUrl: options.siteUrl }
    : (options.originPolicy ?? { allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });
  const PAGE_CACHE_CONTROL = pageCacheControl(options.cdnMaxAgeS ?? 60);
  // Every content request is timed, and its failures counted, for /metrics.
  const source = Object.assign(async (request: Request) => {
    const started = performance.now();
    let outcome = 'error';
    try {
      const response = await options.source(request);
      outcome = response.status >= 500 ? 'error' : 'ok';
      return response;
    } finally {
      metrics.upstream.observe({ outcome }, (performance.now() - started) / 1000);
      if (outcome === 'error') metrics.upstreamErrors.inc();
    }
  }, options.source);

  // The app's API client, when it runs here, asks the content source in-process.
  setConfig({
    apiBaseUrl: CONTENT_ORIGIN,
    requestTimeoutMs: options.requestTimeoutMs,
    liteMode: true,
    transport: source,
  });
  configureSanitizer(serverDom().window, options.siteUrl ?? 'http://localhost');

  const cache = new PageCache({
    freshMs: options.pageCacheMs,
    lastGoodMs: 10 * 60_000,
    maxEntries: 500,
    maxBytes: 64 * 1024 * 1024,
  });

  // A purge, from any process: the pages that show the keys, and the source's cached answers.
  let forgetSyndication = () => {};
  onPurge((keys) => {
    options.source.invalidate?.();
    forgetSyndication();
    const dropped = cache.purge(keys);
    metrics.cacheBytes.set(cache.heldBytes);
    return dropped;
  });

  const app = new Hono<AppEnv>();
  app.use('*', accessLog(logger, metrics));

  app.onError((error, c) => {
    // A refusal (a body over its limit): its status, one log line, no stack.
    if (error instanceof HTTPException) {
      logger.warn({ msg: 'refused', path: c.req.path.slice(0, 200), status: error.status, reason: error.message });
      return c.text(error.status === 413 ? 'Payload too large' : error.message, error.status, SECURITY_HEADERS);
    }
    logger.error({ msg: 'server error', path: c.req.path.slice(0, 200), err: error });
    return c.html(
      plainPage('Something went wrong', 'The server could not answer this request.'),
      500,
      SECURITY_HEADERS,
    );
  });

  // Hostile addresses answer 4xx before anything reads them.
  app.use('*', async (c, next) => {
    const raw = c.req.url;
    if (raw.length > MAX_URL_LENGTH) return c.text('URI too long', 414, SECURITY_HEADERS);
    const { pathname } = new URL(raw);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return c.html(plainPage('Bad address', 'This address is not valid.'), 400, pageHeaders);
    }
    if (decoded.includes('\0')) return c.html(plainPage('Bad address', 'This address is not valid.'), 400, pageHeaders);
    await next();
  });

  installOperations(app, {
    source,
    logger,
    metrics,
    purgeSecret: options.purgeSecret,
    purgeTargets: options.purgeTargets ?? [],
    headers: SECURITY_HEADERS,
  });

  // Without SITE_URL, everything past the operator's routes (feeds and sitemaps too) is answered for an
  // allowed host only: nothing writes or caches a forged Host.
  const misdirected = () =>
    new Response('Misdirected request: this host is not served here', {
      status: 421,
      headers: { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' },
    });
  if (!originPolicy.siteUrl) {
    app.use('*', async (c, next) => {
      try {
        requestOrigin(originPolicy, new URL(c.req.url), c.req.raw.headers);
      } catch (error) {
        if (error instanceof UntrustedHost) return misdirected();
        throw error;
      }
      await next();
    });
  }

  // The content API, on the page's own origin: no CORS, and the browser's cache rules apply.
  const tooLarge = () => contractError(413, 'payload_too_large', 'The body is over 16 KB', SECURITY_HEADERS);
  app.on(['GET', 'POST'], '/api/*', bodyLimit({ maxSize: 16 * 1024, onError: tooLarge }), async (c) => {
    const url = new URL(c.req.url);
    const target = `${CONTENT_ORIGIN}${url.pathname.slice('/api'.length)}${url.search}`;
    const timeout = AbortSignal.timeout(options.requestTimeoutMs);
    const request = new Request(target, {
      method: c.req.method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: c.req.method === 'POST' ? await c.req.text() : undefined,
      signal: timeout,
    });
    let response: Response;
    try {
      response = await Promise.race([
        source(request),
        new Promise<Response>((resolve) =>
          timeout.addEventListener('abort', () =>
            resolve(contractError(504, 'upstream_timeout', 'The content API took too long')),
          ),
        ),
      ]);
    } catch (error) {
      logger.error({ msg: 'content source failed', err: error });
      response = contractError(502, 'upstream_error', 'The content source failed');
    }
    const cacheable = c.req.method === 'GET' && response.ok;
    const headers = new Headers({
      'Content-Type': response.headers.get('content-type') ?? 'application/json',
      'Cache-Control': cacheable ? API_CACHE_CONTROL : 'no-store',
      ...SECURITY_HEADERS,
    });
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) headers.set('Retry-After', retryAfter);
    if (!cacheable && response.status !== 404) return new Response(response.body, { status: response.status, headers });
    // What the answer shows, as surrogate keys: a purge of a story reaches the API answers listing it.
    const text = await response.text();
    let data: unknown = null;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: only the path's keys
    }
    const apiPath = url.pathname.slice('/api'.length);
    for (const [name, value] of Object.entries(keyHeaders(apiKeys(apiPath, url.searchParams, data)))) {
      headers.set(name, value);
    }
    return new Response(text, { status: response.status, headers });
  });
  app.all('/api/*', () =>
    contractError(405, 'method_not_allowed', 'Use GET or POST', { Allow: 'GET, POST', ...SECURITY_HEADERS }),
  );

  app.get('/config.json', (c) => c.json(BROWSER_CONFIG, 200, { 'Cache-Control': REVALIDATE, ...SECURITY_HEADERS }));

  // Feeds and sitemaps name the stories they list too (their links), so a purge reaches them.
  app.use('*', async (c, next) => {
    await next();
    const feed = /^\/feeds\/(?:([a-z]+)|(sector|edition)\/([^/.]+))\.(?:xml|atom|json)$/.exec(c.req.path);
    if (!feed && !/^\/sitemap\.xml$|^\/sitemaps\/[^/]+$/.test(c.req.path)) return;
    if (c.res.status !== 200) return;
    const raw = Buffer.from(await c.res.clone().arrayBuffer());
    const encoding = c.res.headers.get('content-encoding');
    const text = (
      encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
    ).toString();
    const keys = new Set(['all']);
    if (feed?.[1]) keys.add(normaliseKey(`feed:${feed[1]}`));
    else if (feed) keys.add(normaliseKey(`${feed[2]}:${feed[3]}`));
    else keys.add('taxonomy').add('feed:latest');
    for (const match of text.matchAll(/\/article\/([^<>"'?#\s/]+)/g)) keys.add(storyKey(match[1]!));
    for (const [name, value] of Object.entries(keyHeaders([...keys]))) c.res.headers.set(name, value);
  });
  // The routes take a plain Hono app: they read none of this app's request variables.
  const syndicationRoutes = registerSyndication(app as unknown as Hono, {
    reader: createContentReader({
      source: options.source,
      timeoutMs: options.requestTimeoutMs,
      indexTtlMs: syndication.indexTtlMs ?? 15 * 60_000,
      listAll: syndication.listAll,
      now: syndication.now,
    }),
    // The same origin as the pages': SITE_URL, or an allowed Host (and X-Forwarded-* with TRUST_PROXY).
    originOf: (request) => requestOrigin(originPolicy, new URL(request.url), request.headers),
    distDir,
    fullContent: syndication.fullContent ?? false,
    allowRobots: syndication.allowRobots ?? true,
    securityTxt: syndication.securityTxt ?? null,
    language: syndication.language ?? 'en',
    cacheMs: syndication.cacheMs ?? 60_000,
    now: syndication.now,
    headers: SECURITY_HEADERS,
  });
  forgetSyndication = syndicationRoutes.forget;
  // Old feed addresses readers may have subscribed to.
  for (const old of ['/rss.xml', '/feed', '/rss']) app.get(old, (c) => c.redirect('/feeds/latest.xml', 301));

  // Built files: hashed assets forever, the rest revalidated. Only paths that name a file.
  app.use('*', etag({ weak: true }), async (c, next) => {
    if (!/\/[^/]+\.[a-z0-9]+$/i.test(c.req.path)) return next();
    return serveStatic({
      root: path.relative(process.cwd(), distDir) || '.',
      precompressed: true,
      index: '\0', // a directory is never a file answer: pages are rendered
      onFound: (file, c) => {
        c.header('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
        if (file.endsWith('.html') || file.endsWith('.html.br') || file.endsWith('.html.gz')) {
          c.header('Content-Security-Policy', template.csp);
        }
      },
    })(c, next);
  });

  // A missing file (a path ending in an extension) is not a page: a short 404, not the app's 30 KB not-found page.
  app.get('*', async (c, next) => {
    const last = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
    if (!/\.[a-z0-9]{1,8}$/i.test(last) || /^\/(article|sector|edition)\//.test(c.req.path)) return next();
    return c.text('Not found\n', 404, { ...SECURITY_HEADERS, 'Cache-Control': MISSING_CACHE_CONTROL });
  });

  const limit = createRenderLimit(options.renderConcurrency ?? 2, 32);
  /** A page that cannot be shown now: a plain page with a retry link, never cached. */
  const unavailable = (c: Context, status: 503 | 504, retryAfterS: number, title: string, message: string) =>
    c.html(plainPage(title, message), status, {
      ...pageHeaders,
      'Cache-Control': 'no-store',
      'Retry-After': String(retryAfterS),
    });

  // Save-Data or the reader's choice: the page as text, no script (./lite.ts).
  registerLite(app as unknown as Hono, {
    source,
    requestTimeoutMs: options.requestTimeoutMs,
    keyHeaders,
    originOf: (request) => requestOrigin(originPolicy, new URL(request.url), request.headers),
  });

  // Every other GET is a page, rendered for its URL.
  app.get('*', async (c) => {
    const url = pageUrl(new URL(c.req.url));
    let origin: string;
    try {
      origin = requestOrigin(originPolicy, url, c.req.raw.headers);
    } catch (error) {
      if (!(error instanceof UntrustedHost)) throw error;
      // Not a page of this site: nothing rendered, nothing cached.
      return misdirected();
    }
    // The origin is SITE_URL or an allowed host: the cache splits at most once per allowed host.
    const key = `${originPolicy.siteUrl ? '' : origin}${url.pathname}${url.search}`;
    const render = async (): Promise<CachedPage> => {
      const renderedAt = Date.now();
      const started = performance.now();
      const page = await renderPage(url, {
        origin,
        config: BROWSER_CONFIG,
        dataWaitMs: options.pageTimeoutMs - 500,
      });
      const keys = pageKeys(url.pathname, page.state.queries.queries);
      const done = compressed(template.render(page, origin, url.pathname), page, origin, renderedAt, keys);
      const ms = performance.now() - started;
      c.set('renderMs', ms);
      metrics.renders.observe({ status: String(page.status) }, ms / 1000);
      return done;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.pageTimeoutMs)));
    let page: CachedPage | null;
    try {
      const deadline = Date.now() + options.pageTimeoutMs;
      const found = await Promise.race([cache.lookup(key, () => limit(render, deadline)), late]).finally(() =>
        clearTimeout(timer),
      );
      page = found?.page ?? null;
      if (found) {
        c.set('cache', found.cache);
        metrics.pageCache(found.cache);
        metrics.cacheBytes.set(cache.heldBytes);
      }
    } catch (error) {
      if (!(error instanceof Overloaded)) throw error;
      return unavailable(
        c,
        503,
        2,
        'The news is very busy',
        'Too many readers at once; this page will be back in moments.',
      );
    }
    if (!page)
      return unavailable(c, 504, 5, 'This page is taking too long', 'The news service is slow to answer right now.');
    // The status its route's data implied (src/app/routes.tsx). The app would show its loading
    // state until the browser retried; a plain page with a retry link serves readers without JavaScript too.
    if (page.status >= 500) {
      return unavailable(
        c,
        page.status as 503,
        10,
        'The news could not be loaded',
        'The news service is not answering right now.',
      );
    }
    const cacheControl = page.status === 200 ? PAGE_CACHE_CONTROL : MISSING_CACHE_CONTROL;
    const encoding = encodingFor(c);
    const etagValue = etagFor(page.etag, encoding);
    const headers: Record<string, string> = {
      ...pageHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': cacheControl,
      Vary: LITE_VARY,
      ETag: etagValue,
      // How long ago this copy was rendered: a CDN counts it against s-maxage.
      Age: String(Math.max(0, Math.floor((Date.now() - page.renderedAt) / 1000))),
      ...keyHeaders(page.keys ?? ['all']),
      // How the page cache answered, and this request's render time: readable in a browser's devtools.
      'Server-Timing': [
        `cache;desc=${c.get('cache') ?? 'miss'}`,
        ...(c.get('renderMs') !== undefined ? [`render;dur=${c.get('renderMs')!.toFixed(1)}`] : []),
      ].join(', '),
    };
    const asked = (c.req.header('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (page.status === 200 && asked.includes(etagValue)) return c.body(null, 304, headers);
    if (encoding) headers['Content-Encoding'] = encoding;
    const body = encoding === 'br' ? await page.brotli() : encoding === 'gzip' ? page.gzip() : page.body;
    return c.body(new Uint8Array(body), page.status as 200, headers);
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { Allow: 'GET, HEAD, POST', ...SECURITY_HEADERS }));

  return { app, cache };
}
