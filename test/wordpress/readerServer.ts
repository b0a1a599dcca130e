/**
 * The server for the browser tests on WordPress: the production server when
 * READER_SERVER names its entry (e.g. `dist/server/main.js`), else a small stand-in
 * for it, for the browser tests on WordPress
 * until they run through the real one: the production build with an SPA fallback,
 * `/config.json` pointing the app at `/api`, `/api/*` answered by the WordPress
 * source, and the project's strict CSP with the WordPress origin added to `img-src`
 * (the pictures live there; docs/wordpress.md).
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { ContentSource } from '../../server/content/types.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../server/csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ReaderServer {
  url: string;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startReaderServer(
  root: string,
  source: ContentSource,
  imageOrigin: string,
): Promise<ReaderServer> {
  const csp = CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", `img-src 'self' data: ${imageOrigin}`);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://reader.test');
    if (url.pathname.startsWith('/api/')) {
      const contract = `${url.pathname.slice('/api'.length)}${url.search}`;
      const method = req.method ?? 'GET';
      const payload = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await body(req));
      const response = await source(
        new Request(`http://reader.test${contract}`, {
          method,
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          body: payload,
        }),
      );
      const headers = Object.fromEntries(response.headers);
      res.writeHead(response.status, { ...headers, 'cache-control': 'no-store' });
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ apiBaseUrl: `http://${req.headers.host}/api` }));
      return;
    }
    const file = path.join(root, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
    const found = await stat(file).catch(() => null);
    const target = found?.isFile() ? file : path.join(root, 'index.html');
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(type.startsWith('text/html') ? { 'content-security-policy': csp, ...SECURITY_HEADERS } : {}),
    });
    res.end(await readFile(target));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `node <entry>` with PORT, CONTENT_SOURCE=wordpress and the WORDPRESS_* settings; up when `/` answers. */
export async function startProductionServer(entry: string, env: Record<string, string>): Promise<ReaderServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CONTENT_SOURCE: 'wordpress' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
