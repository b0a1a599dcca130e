/**
 * The production server (`npm start`): Hono routes for the content API at /api, the
 * built files, and every page rendered for its URL (./render.tsx). Stateless: any
 * number of these can run behind a load balancer or a CDN.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { JSDOM } from 'jsdom';
import { configureSanitizer } from '../src/features/article/sanitize';
import { setServerTransport } from '../src/lib/api/transport';
import { setConfig } from '../src/lib/config';
import { contractError, type ContentSource } from './content/types';
import { SECURITY_HEADERS } from './csp';
import { createDocumentTemplate } from './document';
import { PageCache, type CachedPage } from './pageCache';
import { renderPage } from './render';
import { createRenderLimit, Overloaded } from './renderLimit';
import { LITE_VARY, registerLite } from './lite';

export interface ServerOptions {
  /** The client build (`vite build`): index.html and assets. */
  distDir: string;
  source: ContentSource;
  /** The site's public origin (SITE_URL); the request's own origin when absent. */
  siteUrl?: string;
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
/** Pages: a CDN keeps a copy a minute and serves it stale while it fetches a new one; browsers always ask. */
const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';
const MISSING_CACHE_CONTROL = 'public, max-age=0, s-maxage=30';
const API_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=120';
const MAX_URL_LENGTH = 8 * 1024;
const CONTENT_ORIGIN = 'http://content.invalid';

/** A page of our own for what the app cannot render: no API data in it, so nothing to escape. */
function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>${title} | Devdiscourse Reader</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="">Try again</a> or <a href="/">go to the home page</a>.</p></main></body></html>`;
}

function encodingFor(c: Context): 'br' | 'gzip' | null {
  const accepted = (c.req.header('accept-encoding') ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function compressed(body: string, status: number, renderedAt: number): CachedPage {
  const buffer = Buffer.from(body);
  return {
    status,
    body: buffer,
    // Quality 5: a tenth of quality 11's time for a page rendered every few seconds, a few % larger.
    brotli: once(() => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })),
    gzip: once(() => gzipSync(buffer, { level: 6 })),
    etag: `"${createHash('sha1').update(buffer).digest('base64url')}"`,
    renderedAt,
  };
}

export function createServerApp(options: ServerOptions) {
  const distDir = path.resolve(options.distDir);
  const template = createDocumentTemplate(
    readFileSync(path.join(distDir, 'index.html'), 'utf8'),
    options.imageOrigins ?? [],
  );
  const pageHeaders = { 'Content-Security-Policy': template.csp, ...SECURITY_HEADERS };

  // The app's API client, when it runs here, asks the content source in-process.
  setConfig({ apiBaseUrl: CONTENT_ORIGIN, requestTimeoutMs: options.requestTimeoutMs, liteMode: true });
  setServerTransport((request) => options.source(request));
  configureSanitizer(new JSDOM('').window, options.siteUrl ?? 'http://localhost');

  const cache = new PageCache({
    freshMs: options.pageCacheMs,
    lastGoodMs: 10 * 60_000,
    maxEntries: 500,
    maxBytes: 64 * 1024 * 1024,
  });

  const app = new Hono();

  app.onError((error, c) => {
    console.error('server error:', error);
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

  // The content API, on the page's own origin: no CORS, and the browser's cache rules apply.
  app.on(['GET', 'POST'], '/api/*', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
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
        options.source(request),
        new Promise<Response>((resolve) =>
          timeout.addEventListener('abort', () =>
            resolve(contractError(504, 'upstream_timeout', 'The content API took too long')),
          ),
        ),
      ]);
    } catch (error) {
      console.error('content source failed:', error);
      response = contractError(502, 'upstream_error', 'The content source failed');
    }
    const headers = new Headers({
      'Content-Type': response.headers.get('content-type') ?? 'application/json',
      'Cache-Control': c.req.method === 'GET' && response.ok ? API_CACHE_CONTROL : 'no-store',
      ...SECURITY_HEADERS,
    });
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) headers.set('Retry-After', retryAfter);
    return new Response(response.body, { status: response.status, headers });
  });
  app.all('/api/*', () =>
    contractError(405, 'method_not_allowed', 'Use GET or POST', { Allow: 'GET, POST', ...SECURITY_HEADERS }),
  );

  // The browser's settings: the app talks to this server's /api (the service worker's offline start reads this).
  app.get('/config.json', (c) =>
    c.json({ apiBaseUrl: '/api', liteMode: true }, 200, { 'Cache-Control': REVALIDATE, ...SECURITY_HEADERS }),
  );

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

  const limit = createRenderLimit(options.renderConcurrency ?? 2, 32);

  // Save-Data or the reader's choice: the page as text, no script (./lite.ts).
  registerLite(app, options);

  // Every other GET is a page, rendered for its URL.
  app.get('*', async (c) => {
    const url = pageUrl(new URL(c.req.url));
    const origin = options.siteUrl ?? url.origin;
    const key = `${options.siteUrl ? '' : origin}${url.pathname}${url.search}`;
    const render = async (): Promise<CachedPage> => {
      const renderedAt = Date.now();
      const page = await renderPage(url, {
        origin,
        browserConfig: { apiBaseUrl: '/api', requestTimeoutMs: 10_000, liteMode: true },
        dataWaitMs: options.pageTimeoutMs - 500,
      });
      return compressed(template.render(page, origin, url.pathname), page.status, renderedAt);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.pageTimeoutMs)));
    let page: CachedPage | null;
    try {
      const deadline = Date.now() + options.pageTimeoutMs;
      page = await Promise.race([cache.get(key, () => limit(render, deadline)), late]).finally(() =>
        clearTimeout(timer),
      );
    } catch (error) {
      if (!(error instanceof Overloaded)) throw error;
      return c.html(
        plainPage('The news is very busy', 'Too many readers at once; this page will be back in moments.'),
        503,
        {
          ...pageHeaders,
          'Cache-Control': 'no-store',
          'Retry-After': '2',
        },
      );
    }
    if (!page) {
      return c.html(plainPage('This page is taking too long', 'The news service is slow to answer right now.'), 504, {
        ...pageHeaders,
        'Cache-Control': 'no-store',
        'Retry-After': '5',
      });
    }
    if (page.status >= 500) {
      // The app would show its loading state until the browser retried; a plain page
      // with a retry link serves readers without JavaScript too.
      return c.html(
        plainPage('The news could not be loaded', 'The news service is not answering right now.'),
        page.status as 503,
        {
          ...pageHeaders,
          'Cache-Control': 'no-store',
          'Retry-After': '10',
        },
      );
    }
    const cacheControl =
      page.status === 200 ? PAGE_CACHE_CONTROL : page.status < 500 ? MISSING_CACHE_CONTROL : 'no-store';
    const headers: Record<string, string> = {
      ...pageHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': cacheControl,
      Vary: LITE_VARY,
      ETag: page.etag,
    };
    if (page.status === 200 && c.req.header('if-none-match') === page.etag) return c.body(null, 304, headers);
    const encoding = encodingFor(c);
    if (encoding) headers['Content-Encoding'] = encoding;
    const body = encoding === 'br' ? page.brotli() : encoding === 'gzip' ? page.gzip() : page.body;
    return c.body(new Uint8Array(body), page.status as 200, headers);
  });

  app.all('*', (c) => c.text('Method not allowed', 405, { Allow: 'GET, HEAD, POST', ...SECURITY_HEADERS }));

  return { app, cache };
}
