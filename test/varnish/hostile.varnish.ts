/**
 * The production server's answers to hostile and careless requests, and what it tells
 * its operator: forged Host and X-Forwarded-* headers change no URL and split no cache,
 * a server open to the network refuses to start without its origin, oversized bodies are
 * a 413 and one log line, a flood of unknown addresses stays within the memory budget,
 * the ETag follows the content, and /healthz, /readyz and /metrics answer.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import { buildIfMissing } from '../server/build.ts';
import { freePort } from './varnish.ts';

/** The memory budget of one process (docs/deploy.md#memory): measured about 190 MB after this flood. */
const MEMORY_BUDGET_MB = 300;

let site: ProductionServer;
let local: ProductionServer;
beforeAll(async () => {
  await buildIfMissing();
  [site, local] = await Promise.all([
    // Pages kept 10 minutes: the flood test checks a real page outlives a flood in the cache.
    startProductionServer({ SITE_URL: 'https://news.example.com', PAGE_CACHE_MS: '600000' }),
    startProductionServer({ PAGE_CACHE_MS: '0', SURROGATE_KEY_HEADERS: 'xkey Surrogate-Key Cache-Tag' }),
  ]);
});
afterAll(async () => {
  await Promise.all([site?.close(), local?.close()]);
});

/** A GET with exactly these headers (fetch will not send a Host of its own choosing). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Waits (bounded) for what must happen, such as a log line the server has yet to flush. */
async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const metric = (text: string, name: string) =>
  Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

describe('one trusted origin', () => {
  it('writes SITE_URL whatever Host and X-Forwarded-* say, and renders once for every Host', async () => {
    const first = await rawGet(`${site.url}/latest`, { host: 'evil.example' });
    expect(canonical(first.body)).toBe('https://news.example.com/latest');
    const before = site.output().match(/"cache":"miss"/g)?.length ?? 0;
    for (let index = 0; index < 300; index++) {
      const { status, body } = await rawGet(`${site.url}/latest`, {
        host: `evil-${index}.example`,
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
      });
      expect(status).toBe(200);
      expect(canonical(body)).toBe('https://news.example.com/latest');
      expect(body).not.toContain('evil');
    }
    // 300 hosts, no render: the page cache is keyed by path alone.
    await until(() => (site.output().match(/"path":"\/latest"/g)?.length ?? 0) >= 301);
    expect(site.output().match(/"cache":"miss"/g)?.length ?? 0).toBe(before);
  });

  it('answers 421 for a Host it does not serve, and reads X-Forwarded-* only with TRUST_PROXY', async () => {
    const forged = await rawGet(`${local.url}/latest`, { host: 'evil.example' });
    expect(forged.status).toBe(421);
    expect(forged.body).not.toContain('evil');
    for (const path of ['/feeds/latest.xml', '/sitemap.xml', '/robots.txt', '/api/taxonomy']) {
      expect({ path, status: (await rawGet(`${local.url}${path}`, { host: 'evil.example' })).status }).toEqual({
        path,
        status: 421,
      });
    }
    // The operator's routes answer whatever the Host (a load balancer's health check uses an address).
    expect((await rawGet(`${local.url}/healthz`, { host: '10.0.0.7:3000' })).status).toBe(200);
    const ignored = await rawGet(`${local.url}/latest`, {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(canonical(ignored.body)).toBe(`${local.url}/latest`);
    const proxied = await startProductionServer({ ALLOWED_HOSTS: 'news.example.com', TRUST_PROXY: '1' });
    try {
      const behindTls = await rawGet(`${proxied.url}/latest`, {
        'x-forwarded-host': 'news.example.com',
        'x-forwarded-proto': 'https',
      });
      expect(canonical(behindTls.body)).toBe('https://news.example.com/latest');
      // Feeds and sitemaps are written for the same origin as the pages.
      const feed = await rawGet(`${proxied.url}/feeds/latest.xml`, {
        'x-forwarded-host': 'news.example.com',
        'x-forwarded-proto': 'https',
      });
      expect(feed.status).toBe(200);
      expect(feed.body).toContain('<link>https://news.example.com/article/');
      expect(feed.body).not.toContain(proxied.url);
      const other = await rawGet(`${proxied.url}/latest`, { 'x-forwarded-host': 'evil.example' });
      expect(other.status).toBe(421);
      // Without TRUST_PROXY's help, the Host itself must be allowed.
      expect((await rawGet(`${proxied.url}/latest`, {})).status).toBe(421);
    } finally {
      await proxied.close();
    }
  });

  it('refuses to start open to the network without SITE_URL or ALLOWED_HOSTS', async () => {
    const port = await freePort();
    await expect(startProductionServer({ HOST: '0.0.0.0', PORT: String(port) })).rejects.toThrow(/Set SITE_URL/);
  });
});

describe('hostile requests', () => {
  it('answers an oversized body 413 with one log line and no stack trace', async () => {
    const before = site.output().split('\n').length;
    const body = 'x'.repeat(100 * 1024);
    for (let index = 0; index < 100; index++) {
      const response = await fetch(`${site.url}/api/newsletter`, { method: 'POST', body });
      expect(response.status).toBe(413);
    }
    // Chunked, without a Content-Length, too.
    const chunked = await fetch(`${site.url}/api/newsletter`, {
      method: 'POST',
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const lines = () =>
      site
        .output()
        .split('\n')
        .slice(before - 1)
        .filter(Boolean);
    const access = (line: string) => line.includes('"path":"/api/newsletter"') && line.includes('"status":413');
    await until(() => lines().filter(access).length === 101);
    // Each refusal is its access-log line and nothing else: no stack trace, no error line.
    expect(lines().filter((line) => !access(line))).toEqual([]);
  });

  it(`keeps a flood of 2,000 unknown addresses within ${MEMORY_BUDGET_MB} MB, and the real pages cached`, async () => {
    await fetch(`${site.url}/`);
    const queue = Array.from({ length: 2000 }, (_, index) =>
      index % 2 ? `/article/no-such-story-${index}-${'x'.repeat(200)}` : `/no/such/page/${index}-${'y'.repeat(200)}`,
    );
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.pop(); next; next = queue.pop()) {
          const response = await fetch(`${site.url}${next}`);
          await response.arrayBuffer();
          expect(response.status).toBe(404);
        }
      }),
    );
    const home = await fetch(`${site.url}/`);
    expect(home.headers.get('server-timing')).toMatch(/cache;desc=hit/);
    const metrics = await (await fetch(`${site.url}/metrics`)).text();
    expect(metric(metrics, 'newsreader_page_cache_bytes')).toBeLessThanOrEqual(64 * 1024 * 1024);
    const residentMb = metric(metrics, 'newsreader_process_resident_memory_bytes') / 1024 / 1024;
    console.log(`resident memory after the flood: ${Math.round(residentMb)} MB`);
    expect(residentMb).toBeLessThan(MEMORY_BUDGET_MB);
  }, 120_000);
});

describe('caching headers', () => {
  it('keeps the ETag while the content is the same, one per encoding, with 304 and Age', async () => {
    // PAGE_CACHE_MS=0: every request renders anew.
    const tags = new Map<string, string | null>();
    for (const encoding of ['br', 'gzip', 'identity']) {
      const first = await fetch(`${local.url}/latest`, { headers: { 'accept-encoding': encoding } });
      const second = await fetch(`${local.url}/latest`, { headers: { 'accept-encoding': encoding } });
      expect(second.headers.get('server-timing')).toMatch(/cache;desc=miss/);
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      tags.set(encoding, first.headers.get('etag'));
      const revalidated = await fetch(`${local.url}/latest`, {
        headers: { 'accept-encoding': encoding, 'if-none-match': first.headers.get('etag')! },
      });
      expect(revalidated.status).toBe(304);
    }
    expect(new Set(tags.values()).size).toBe(3);
    const cached = await fetch(`${site.url}/latest`);
    expect(cached.headers.get('age')).toMatch(/^\d+$/);
    expect(cached.headers.get('xkey')).toContain('feed:latest');
    // Only the header Varnish reads, unless told: the keys weigh a kilobyte or more on every page.
    expect(cached.headers.get('surrogate-key')).toBeNull();
    const told = await fetch(`${local.url}/latest`);
    expect(told.headers.get('surrogate-key')).toBe(told.headers.get('xkey'));
    expect(told.headers.get('cache-tag')).toBe(told.headers.get('xkey')!.replaceAll(' ', ','));
  });
});

describe('what the operator sees', () => {
  it('answers /healthz, /readyz and /metrics, and logs one JSON line per request', async () => {
    expect((await fetch(`${site.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${site.url}/readyz`)).json()).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${site.url}/metrics`)).text();
    for (const name of [
      'newsreader_request_duration_seconds_bucket',
      'newsreader_render_duration_seconds_bucket',
      'newsreader_page_cache_total',
      'newsreader_page_cache_hit_ratio',
      'newsreader_upstream_duration_seconds_bucket',
      'newsreader_upstream_errors_total',
      'newsreader_purges_total',
      'newsreader_process_resident_memory_bytes',
    ]) {
      expect(metrics).toContain(name);
    }
    const line = site
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'request' && entry.path === '/latest');
    expect(line).toMatchObject({ status: 200, method: 'GET', cache: expect.any(String), ms: expect.any(Number) });
  });

  it('says not ready while the content source is down', async () => {
    const deadPort = await freePort();
    const server = await startProductionServer({ API_BASE_URL: `http://127.0.0.1:${deadPort}` });
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
