/**
 * The project's own HTTP server for the browser tests (and for trying a production
 * build by hand: `npm run serve:test`). It serves `dist/` the way production hosting
 * should, with the production server's pieces (Hono, serveStatic with the build's
 * precompressed copies, weak ETags): hashed assets cached for a year, the HTML and the
 * service-worker files revalidated every time, an SPA fallback for deep links, and the
 * strict CSP on every HTML response. Optionally it serves the content API under `/api/*`
 * with the same msw handlers the app and the unit tests use, and lets tests inject faults over HTTP.
 *
 * Runs under Vitest and directly under Node 24 (type stripping): erasable TypeScript
 * only, and relative imports keep their `.ts` extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve, type HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { getResponse, type RequestHandler } from 'msw';
import { runnerImport } from 'vite';
import { z } from 'zod';
import { contentSecurityPolicy, inlineScriptHashes } from '../../server/csp.ts';
import { negotiateEncoding } from '../../server/encoding.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** E2E_DIST lets parallel e2e runs build into and serve separate folders. */
export const DEFAULT_ROOT = path.resolve(PROJECT_ROOT, process.env.E2E_DIST ?? 'dist');

const MAX_FAULT_DELAY_MS = 60_000;
/**
 * One injected fault for `/api/*` requests. `match` is a substring of the request's
 * path and query (with or without the `/api` prefix, raw or percent-decoded), e.g.
 * "/stories/some-slug" or "/stories?feed=trending". The first matching rule applies:
 * `delayMs` waits first; then `drop` destroys the socket, or `status`/`body`/`json`
 * answer instead of the API; with none of those the request goes on to the API.
 * `once` removes the rule after it has applied once. (Chromium may silently retry a GET
 * whose reused connection was dropped, so a `drop` rule with `once` may be invisible to
 * the page; leave `once` off for drops.)
 */
const faultRuleSchema = z
  .object({
    match: z.string(),
    status: z.int().min(100).max(599).optional(),
    delayMs: z.number().min(0).max(MAX_FAULT_DELAY_MS).optional(),
    body: z.string().optional(),
    contentType: z.string().optional(),
    json: z.unknown().optional(),
    drop: z.boolean().optional(),
    once: z.boolean().optional(),
  })
  .refine((rule) => rule.body === undefined || rule.json === undefined, 'a rule has both body and json');
/** `once`: every rule applies at most once (as if each had `once: true`). */
const faultSettingsSchema = z.object({ rules: z.array(faultRuleSchema), once: z.boolean().optional() });
export type FaultRule = z.infer<typeof faultRuleSchema>;

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 unless told. */
  host?: string;
  /** Directory with the production build; `dist/` unless told. */
  root?: string;
  /** Serve the content API under /api and point the app at it through /config.json. */
  api?: boolean;
  /** More settings for the app's /config.json in api mode, e.g. `{ requestTimeoutMs: 1000 }`. */
  appConfig?: Record<string, unknown>;
}

export interface TestServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
  setFaults(rules: FaultRule[], options?: { once?: boolean }): void;
  clearFaults(): void;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_STORE = { 'Cache-Control': 'no-store' };

// The mock API: mocks/handlers.ts loaded through Vite, so import.meta.glob works.
let handlersPromise: Promise<RequestHandler[]> | null = null;
function loadHandlers(): Promise<RequestHandler[]> {
  handlersPromise ??= runnerImport<typeof import('../../mocks/handlers.ts')>(
    path.join(PROJECT_ROOT, 'mocks/handlers.ts'),
    { root: PROJECT_ROOT, logLevel: 'error' },
  ).then(({ module }) => module.handlers as RequestHandler[]);
  handlersPromise.catch(() => {
    handlersPromise = null;
  });
  return handlersPromise;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve(false)), { once: true });
  });
}

type Env = { Bindings: HttpBindings };
const apiError = (c: Context<Env>, status: number, code: string, message: string) =>
  c.json({ error: { code, message } }, status as 400, NO_STORE);

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const root = path.resolve(options.root ?? DEFAULT_ROOT);
  const apiEnabled = options.api ?? false;
  const handlers = apiEnabled ? await loadHandlers() : [];
  let rules: FaultRule[] = [];
  const setFaults = (value: unknown) => {
    const settings = faultSettingsSchema.parse(value);
    rules = settings.rules.map((rule) => ({ ...rule, once: rule.once ?? settings.once ?? false }));
  };
  /** The first rule matching any of the candidate strings; a `once` rule is used up. */
  const takeFault = (candidates: string[]) => {
    const index = rules.findIndex((rule) => candidates.some((candidate) => candidate.includes(rule.match)));
    return index === -1 ? null : rules[index]!.once ? rules.splice(index, 1)[0]! : rules[index]!;
  };

  const app = new Hono<Env>();
  app.get('/__faults', (c) => c.json({ rules }, 200, NO_STORE));
  app.delete('/__faults', (c) => ((rules = []), c.body(null, 204, NO_STORE)));
  app.on(['POST', 'PUT'], '/__faults', async (c) => {
    try {
      setFaults(await c.req.json());
      return c.json({ rules }, 200, NO_STORE);
    } catch (error) {
      return apiError(c, 400, 'bad_faults', error instanceof Error ? error.message : String(error));
    }
  });
  app.all('/__faults', (c) => c.text('Method not allowed', 405, { ...NO_STORE, Allow: 'GET, POST, PUT, DELETE' }));

  app.all('/api/*', async (c) => {
    const url = new URL(c.req.url);
    const target = `${url.pathname.slice('/api'.length) || '/'}${url.search}`;
    const raw = c.env.incoming.url ?? '';
    const fault = takeFault([target, raw, safeDecode(target), safeDecode(raw)]);
    if (fault?.delayMs && !(await wait(fault.delayMs, c.req.raw.signal))) return c.body(null);
    if (fault?.drop) {
      c.env.incoming.socket.destroy();
      return c.body(null);
    }
    if (fault && (fault.body !== undefined || fault.json !== undefined)) {
      const type = fault.contentType ?? (fault.json !== undefined ? 'application/json' : 'text/plain');
      return c.body(fault.body ?? JSON.stringify(fault.json), (fault.status ?? 200) as 200, {
        ...NO_STORE,
        'Content-Type': type,
      });
    }
    if (fault?.status === 204 || fault?.status === 304) return c.body(null, fault.status, NO_STORE);
    if (fault?.status) return apiError(c, fault.status, 'injected_fault', `Injected fault: HTTP ${fault.status}`);
    if (!apiEnabled) return apiError(c, 404, 'not_found', 'The API is off (start the server with api: true)');

    const { method } = c.req;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const request = new Request(new URL(target, url.origin), {
      method,
      headers: c.req.raw.headers,
      body: body?.byteLength ? body : undefined,
    });
    const response =
      (await getResponse(handlers, request)) ??
      Response.json({ error: { code: 'not_found', message: `No API route for ${method} ${target}` } }, { status: 404 });
    let payload = new Uint8Array(await response.arrayBuffer());
    const headers = new Headers(response.headers);
    for (const name of ['content-encoding', 'content-length', 'transfer-encoding']) headers.delete(name);
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
    // Compressed like a production API's JSON, so the bench's first load is not
    // slowed by bytes a real deployment would not send.
    const compressible = payload.length > 1024 && COMPRESSIBLE.test(headers.get('content-type') ?? '');
    if (compressible && negotiateEncoding(c.req.header('accept-encoding'), ['gzip'])) {
      payload = new Uint8Array(gzipSync(payload));
      headers.set('content-encoding', 'gzip');
      headers.set('vary', 'Accept-Encoding');
    }
    return new Response(method === 'HEAD' ? null : payload, { status: response.status, headers });
  });

  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.text('Method not allowed', 405, { ...NO_STORE, Allow: 'GET, HEAD' });
  });
  if (apiEnabled) {
    // An absolute URL: src/lib/api/client.ts builds `new URL(base + path)` without a base.
    app.get('/config.json', (c) =>
      c.json({ ...options.appConfig, apiBaseUrl: `${new URL(c.req.url).origin}/api` }, 200, NO_STORE),
    );
  }

  // What a host of this build sets: its own inline script's hash (a bench's other build has another).
  const indexHtml = path.join(root, 'index.html');
  const csp = existsSync(indexHtml)
    ? contentSecurityPolicy(inlineScriptHashes(readFileSync(indexHtml, 'utf8')))
    : CONTENT_SECURITY_POLICY;
  const onFound = (file: string, c: Context) => {
    c.header('Cache-Control', file.startsWith(path.join(root, 'assets') + path.sep) ? IMMUTABLE : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (/\.html(\.br|\.gz)?$/.test(file)) c.header('Content-Security-Policy', csp);
  };
  // A file with no precompressed copy (the bench's floor pages) is gzipped on the fly, from 1 kB.
  app.use('*', compress({ encoding: 'gzip' }), etag({ weak: true }));
  app.use('*', serveStatic({ root, precompressed: true, index: '\0', onFound }));
  // Deep links that accept HTML get the app; any other miss is a 404.
  app.use('*', async (c, next) => {
    const { pathname } = new URL(c.req.url);
    if (pathname === '/' || (!pathname.startsWith('/assets/') && c.req.header('accept')?.includes('text/html'))) {
      return serveStatic({ root, path: 'index.html', precompressed: true, onFound })(c, next);
    }
    return c.text(`Not found: ${pathname}`, 404, { ...SECURITY_HEADERS, ...NO_STORE });
  });

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' }) as Server;
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    setFaults(list, settings = {}) {
      setFaults({ rules: list, once: settings.once });
    },
    clearFaults() {
      rules = [];
    },
  };
}
