/**
 * The project's own HTTP server for the browser tests (and for trying a production
 * build by hand: `npm run serve:test`). It serves `dist/` the way production hosting
 * should: hashed assets cached for a year, the HTML and the service-worker files
 * revalidated every time, an SPA fallback for deep links, and the strict CSP on every
 * HTML response. Optionally it serves the content API under `/api/*` with the same msw
 * handlers the app and the unit tests use, and lets tests inject faults over HTTP.
 *
 * Runs under Vitest and directly under Node 24 (type stripping): erasable TypeScript
 * only, and relative imports keep their `.ts` extension.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import { getResponse, type RequestHandler } from 'msw';
import { runnerImport } from 'vite';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './csp.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** E2E_DIST lets parallel e2e runs build into and serve separate folders. */
export const DEFAULT_ROOT = path.resolve(PROJECT_ROOT, process.env.E2E_DIST ?? 'dist');

/**
 * One injected fault for `/api/*` requests. `match` is a substring of the request's
 * path and query (with or without the `/api` prefix, raw or percent-decoded), e.g.
 * "/stories/some-slug" or "/stories?feed=trending". The first matching rule applies:
 * `delayMs` waits first; then `drop` destroys the socket, or `status`/`body`/`json`
 * answer instead of the API; with none of those the request goes on to the API.
 * (Chromium may silently retry a GET whose reused connection was dropped, so a
 * `drop` rule with `once` may be invisible to the page; leave `once` off for drops.)
 */
export interface FaultRule {
  match: string;
  status?: number;
  delayMs?: number;
  body?: string;
  contentType?: string;
  json?: unknown;
  drop?: boolean;
  /** Remove the rule after it has applied once. */
  once?: boolean;
}

export interface FaultSettings {
  rules: FaultRule[];
  /** Every rule applies at most once (as if each had `once: true`). */
  once?: boolean;
}

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

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files that must be revalidated on every load so a new deployment is picked up. */
const REVALIDATE = 'no-cache';
const MAX_FAULT_DELAY_MS = 60_000;

function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// ---------------------------------------------------------------------------
// The mock API: mocks/handlers.ts loaded through Vite, so import.meta.glob works.

type Handlers = RequestHandler[];
let handlersPromise: Promise<Handlers> | null = null;

function loadHandlers(): Promise<Handlers> {
  handlersPromise ??= runnerImport<typeof import('../../mocks/handlers.ts')>(
    path.join(PROJECT_ROOT, 'mocks/handlers.ts'),
    { root: PROJECT_ROOT, logLevel: 'error' },
  ).then(({ module }) => module.handlers as Handlers);
  handlersPromise.catch(() => {
    handlersPromise = null;
  });
  return handlersPromise;
}

// ---------------------------------------------------------------------------
// Faults

function validateRule(value: unknown, index: number): FaultRule {
  const where = `rules[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} is not an object`);
  const rule = value as Record<string, unknown>;
  if (typeof rule.match !== 'string') throw new Error(`${where}.match must be a string`);
  if (
    rule.status !== undefined &&
    (!Number.isInteger(rule.status) || Number(rule.status) < 100 || Number(rule.status) > 599)
  )
    throw new Error(`${where}.status must be an HTTP status code`);
  if (
    rule.delayMs !== undefined &&
    (typeof rule.delayMs !== 'number' || !(rule.delayMs >= 0) || rule.delayMs > MAX_FAULT_DELAY_MS)
  )
    throw new Error(`${where}.delayMs must be a number of milliseconds from 0 to ${MAX_FAULT_DELAY_MS}`);
  if (rule.body !== undefined && typeof rule.body !== 'string') throw new Error(`${where}.body must be a string`);
  if (rule.contentType !== undefined && typeof rule.contentType !== 'string')
    throw new Error(`${where}.contentType must be a string`);
  if (rule.drop !== undefined && typeof rule.drop !== 'boolean') throw new Error(`${where}.drop must be a boolean`);
  if (rule.once !== undefined && typeof rule.once !== 'boolean') throw new Error(`${where}.once must be a boolean`);
  if (rule.body !== undefined && rule.json !== undefined) throw new Error(`${where} has both body and json`);
  return { ...(rule as unknown as FaultRule) };
}

export function parseFaultSettings(value: unknown): FaultSettings {
  if (typeof value !== 'object' || value === null) throw new Error('Send a JSON object: { "rules": [...] }');
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.rules)) throw new Error('"rules" must be an array');
  if (record.once !== undefined && typeof record.once !== 'boolean') throw new Error('"once" must be a boolean');
  return { rules: record.rules.map(validateRule), once: record.once === true };
}

class FaultTable {
  private rules: FaultRule[] = [];

  set(settings: FaultSettings): void {
    this.rules = settings.rules.map((rule) => ({ ...rule, once: rule.once ?? settings.once ?? false }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The first rule matching any of the candidate strings; a `once` rule is used up. */
  take(candidates: string[]): FaultRule | null {
    const index = this.rules.findIndex((rule) => candidates.some((candidate) => candidate.includes(rule.match)));
    if (index === -1) return null;
    const rule = this.rules[index]!;
    if (rule.once) this.rules.splice(index, 1);
    return rule;
  }
}

// ---------------------------------------------------------------------------
// Small HTTP helpers

function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : text);
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function apiErrorBody(code: string, message: string) {
  return { error: { code, message } };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve(false);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'content-length',
  'proxy-connection',
  'te',
  'trailer',
]);

function toFetchHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item);
  }
  return result;
}

function requestOrigin(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function acceptsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/** Gzip on the fly, as a production server would: text over 1 kB, for a client that takes it. */
function shouldGzip(req: IncomingMessage, contentType: string, size: number): boolean {
  return COMPRESSIBLE.test(contentType) && size > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** The `.br` or `.gz` copy written beside a file at build time (scripts/precompress.ts), if the client takes it. */
async function precompressedCopy(file: string, req: IncomingMessage) {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
    const stats = await stat(file + suffix).catch(() => null);
    if (stats?.isFile()) return { file: file + suffix, size: stats.size, encoding };
  }
  return null;
}

// ---------------------------------------------------------------------------
// The server

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const root = path.resolve(options.root ?? DEFAULT_ROOT);
  const indexFile = path.join(root, 'index.html');
  const apiEnabled = options.api ?? false;
  const faults = new FaultTable();

  const indexStats = await stat(indexFile).catch(() => null);
  if (!indexStats?.isFile()) {
    throw new Error(`No production build at ${root} (index.html is missing). Run \`npm run build\` first.`);
  }
  const handlers = apiEnabled ? await loadHandlers() : [];

  async function findFile(pathname: string): Promise<{ file: string; size: number; mtimeMs: number } | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = path.join(root, path.normalize(decoded));
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    const stats = await stat(file).catch(() => null);
    return stats?.isFile() ? { file, size: stats.size, mtimeMs: stats.mtimeMs } : null;
  }

  async function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    found: { file: string; size: number; mtimeMs: number },
    cacheControl: string,
  ): Promise<void> {
    const type = contentTypeFor(found.file);
    const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Cache-Control': cacheControl,
      ETag: etag,
      Vary: 'Accept-Encoding',
      ...SECURITY_HEADERS,
    };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;

    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const copy = COMPRESSIBLE.test(type) ? await precompressedCopy(found.file, req) : null;
    if (copy) {
      res.writeHead(200, { ...headers, 'Content-Encoding': copy.encoding, 'Content-Length': copy.size });
      if (req.method === 'HEAD') res.end();
      else
        createReadStream(copy.file)
          .on('error', () => res.destroy())
          .pipe(res);
      return;
    }
    const gzip = shouldGzip(req, type, found.size);
    if (gzip) headers['Content-Encoding'] = 'gzip';
    else headers['Content-Length'] = found.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  }

  async function handleFaultsEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return sendJson(res, 200, { rules: faults.list() });
    if (req.method === 'DELETE') {
      faults.clear();
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      try {
        const settings = parseFaultSettings(JSON.parse((await readBody(req)).toString('utf8')));
        faults.set(settings);
        return sendJson(res, 200, { rules: faults.list() });
      } catch (error) {
        return sendJson(res, 400, apiErrorBody('bad_faults', error instanceof Error ? error.message : String(error)));
      }
    }
    return sendText(res, 405, 'Method not allowed', { Allow: 'GET, POST, PUT, DELETE' });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const apiPath = url.pathname.slice('/api'.length) || '/';
    const target = `${apiPath}${url.search}`;
    const raw = req.url ?? '';
    const fault = faults.take([target, raw, safeDecode(target), safeDecode(raw)]);
    const head = req.method === 'HEAD';

    if (fault) {
      if (fault.delayMs && !(await wait(fault.delayMs, res))) return;
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.body !== undefined || fault.json !== undefined) {
        const text = fault.body ?? JSON.stringify(fault.json);
        res.writeHead(fault.status ?? 200, {
          'Content-Type': fault.contentType ?? (fault.json !== undefined ? 'application/json' : 'text/plain'),
          'Content-Length': Buffer.byteLength(text),
          'Cache-Control': 'no-store',
        });
        res.end(head ? undefined : text);
        return;
      }
      if (fault.status !== undefined) {
        const status = fault.status;
        if (status === 204 || status === 304) {
          res.writeHead(status, { 'Cache-Control': 'no-store' });
          res.end();
          return;
        }
        return sendJson(res, status, apiErrorBody('injected_fault', `Injected fault: HTTP ${status}`), head);
      }
    }

    if (!apiEnabled) {
      return sendJson(res, 404, apiErrorBody('not_found', 'The API is off (start the server with api: true)'), head);
    }

    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const request = new Request(new URL(target, requestOrigin(req)), {
      method,
      headers: toFetchHeaders(req.headers),
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    });
    const response =
      (await getResponse(handlers, request)) ??
      Response.json(apiErrorBody('not_found', `No API route for ${method} ${apiPath}`), { status: 404 });

    let payload = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string | number> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers[name] = value;
    });
    headers['cache-control'] ??= 'no-store';
    // Compressed like a production API's JSON, so the bench's first load is not
    // slowed by bytes a real deployment would not send.
    if (shouldGzip(req, String(headers['content-type'] ?? ''), payload.length)) {
      payload = gzipSync(payload);
      headers['content-encoding'] = 'gzip';
      headers['vary'] = 'Accept-Encoding';
    }
    headers['content-length'] = payload.length;
    res.writeHead(response.status, headers);
    res.end(head ? undefined : payload);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;

    if (pathname === '/__faults') return handleFaultsEndpoint(req, res);
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, url);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }

    if (pathname === '/config.json' && apiEnabled) {
      // An absolute URL: src/lib/api/client.ts builds `new URL(base + path)` without a base.
      const appConfig = { ...options.appConfig, apiBaseUrl: `${requestOrigin(req)}/api` };
      return sendJson(res, 200, appConfig, req.method === 'HEAD');
    }

    const isAsset = pathname.startsWith('/assets/');
    const found = pathname.endsWith('/') ? null : await findFile(pathname);
    const isRoot = pathname === '/';
    if (found) {
      const cacheControl = isAsset ? IMMUTABLE : REVALIDATE;
      return serveFile(req, res, found, cacheControl);
    }
    if (isRoot || (!isAsset && acceptsHtml(req))) {
      const stats = await stat(indexFile);
      return serveFile(req, res, { file: indexFile, size: stats.size, mtimeMs: stats.mtimeMs }, REVALIDATE);
    }
    return sendText(res, 404, `Not found: ${pathname}`, { ...SECURITY_HEADERS });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendText(res, 500, `Server error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
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
    setFaults(rules, settings = {}) {
      faults.set(parseFaultSettings({ rules, once: settings.once }));
    },
    clearFaults() {
      faults.clear();
    },
  };
}
