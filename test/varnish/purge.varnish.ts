/**
 * The production server behind a real Varnish with the repo's VCL: pages are cached by
 * the server's headers, the signed purge hook empties exactly the pages that show a
 * story (in Varnish and in the server's processes), tracking codes and analytics cookies
 * share one entry, and stale copies are served while the server is down.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import { buildIfMissing } from '../server/build.ts';
import { callHook } from './hook.ts';
import { freePort, startVarnish, type Varnish } from './varnish.ts';

const SECRET = 'test-secret-not-secret';
let server: ProductionServer;
let varnish: Varnish;

beforeAll(async () => {
  await buildIfMissing();
  const varnishPort = await freePort();
  server = await startProductionServer({
    SITE_URL: 'https://news.example.com',
    WEB_CONCURRENCY: '2',
    PURGE_SECRET: SECRET,
    PURGE_TARGETS: `http://127.0.0.1:${varnishPort}`,
    // Short, so the stale test need not wait a minute for the copy to expire.
    CDN_MAX_AGE: '2',
  });
  varnish = await startVarnish(Number(new URL(server.url).port), varnishPort);
});
afterAll(async () => {
  await varnish?.stop();
  await server?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${varnish.url}${path}`, { headers: { 'accept-encoding': 'br', ...headers } });
  const body = await response.text();
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    age: Number(response.headers.get('age')),
    keys: (response.headers.get('xkey') ?? '').split(' ').filter(Boolean),
    etag: response.headers.get('etag'),
    timing: response.headers.get('server-timing') ?? '',
    body,
  };
}

/** Requests `path` until Varnish answers it from cache (the first request may be the miss). */
async function cached(path: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = await get(path);
    if (answer.cache === 'HIT') return answer;
  }
  throw new Error(`${path} was never a cache hit`);
}

async function slugs() {
  const latest = (await (await fetch(`${server.url}/api/stories?feed=latest&limit=50`)).json()) as {
    items: { slug: string }[];
  };
  const taxonomy = (await (await fetch(`${server.url}/api/taxonomy`)).json()) as { sectors: { slug: string }[] };
  return { stories: latest.items.map((item) => item.slug), sectors: taxonomy.sectors.map((sector) => sector.slug) };
}

describe('the server behind Varnish', () => {
  it('caches a page by the server’s headers, one entry per encoding, with its keys and Age', async () => {
    const { stories } = await slugs();
    const path = `/article/${stories[0]}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const hit = await cached(path);
    expect(hit.body).toBe(first.body);
    expect(hit.keys).toContain(`story:${stories[0]}`);
    const gzip = await get(path, { 'accept-encoding': 'gzip' });
    const gzipHit = await get(path, { 'accept-encoding': 'gzip, deflate' });
    expect(gzipHit.cache).toBe('HIT');
    expect(gzip.etag).not.toBe(hit.etag);
    expect(hit.etag).toMatch(/-br"$/);
    // A reader (not a purger: another address) sees no keys: they are for caches.
    const readerHeaders = await new Promise<Record<string, unknown>>((resolve, reject) => {
      request(`${varnish.url}${path}`, { localAddress: '127.0.0.2', headers: { 'accept-encoding': 'br' } })
        .on('response', (response) => {
          response.resume();
          resolve(response.headers);
        })
        .on('error', reject)
        .end();
    });
    expect(readerHeaders['x-cache']).toBe('HIT');
    expect(Object.keys(readerHeaders).filter((name) => /xkey|surrogate-key|cache-tag/.test(name))).toEqual([]);
  });

  it('shares one cache entry between tracking codes, analytics cookies and forged hosts', async () => {
    const { stories } = await slugs();
    const path = `/article/${stories[1]}`;
    const warm = await cached(path);
    for (const [variant, headers] of [
      [`${path}?utm_source=newsletter&utm_medium=email`, {}],
      [`${path}?fbclid=abc123&gclid=xyz`, {}],
      [path, { cookie: '_ga=GA1.2.3; _gid=GA1.2.4; _fbp=fb.1.2' }],
      [path, { host: 'evil.example' }],
    ] as const) {
      const answer = await get(variant, headers);
      expect({ variant, headers, cache: answer.cache }).toEqual({ variant, headers, cache: 'HIT' });
      expect(answer.body).toBe(warm.body);
    }
    // Lite mode, by the reader's cookie or the browser's Save-Data, is one cached version; the full page another.
    const lite = await get(path, { cookie: 'reader-lite=on; _ga=GA1.2.3' });
    expect(lite.body).not.toContain('<script');
    for (const headers of [{ cookie: 'reader-lite=on' }, { 'save-data': 'on' }] as Record<string, string>[]) {
      const again = await get(path, headers);
      expect({ headers, cache: again.cache }).toEqual({ headers, cache: 'HIT' });
      expect(again.body).toBe(lite.body);
    }
    const full = await get(path, { cookie: 'reader-lite=off', 'save-data': 'on' });
    expect(full.cache).toBe('HIT');
    expect(full.body).toBe(warm.body);
    // A query string the page reads is its own entry.
    expect((await get('/search?q=solar')).cache).toBe('MISS');
    // Another cookie (a login) goes to the server, every time; so do answers the server marks no-store.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await get(path, { cookie: '_ga=GA1.2.3; wordpress_logged_in_abc=editor' })).cache).toBe('MISS');
      const refused = await get('/api/stories?feed=no-such-feed');
      expect(refused.status).toBe(400);
      expect(refused.cache).toBe('MISS');
    }
  });

  it('purges exactly the pages that show a story, in Varnish and in every server process', async () => {
    const { stories, sectors } = await slugs();
    const pages = [
      '/',
      '/latest',
      '/trending',
      '/opinion',
      '/devshots',
      ...sectors.slice(0, 4).map((slug) => `/sector/${slug}`),
      ...stories.slice(0, 6).map((slug) => `/article/${slug}`),
      `/api/stories/${stories[2]}`,
    ];
    const keysOf = new Map<string, string[]>();
    for (const page of pages) keysOf.set(page, (await cached(page)).keys);
    // A story some of these pages show and some do not.
    const story = stories.find((slug) => {
      const showing = [...keysOf.values()].filter((keys) => keys.includes(`story:${slug}`)).length;
      return showing > 1 && showing < pages.length - 3;
    });
    expect(story).toEqual(expect.any(String));
    const key = `story:${story}`;
    const hook = await callHook(server.url, SECRET, [key]);
    expect(hook.status).toBe(200);
    expect(hook.json).toMatchObject({ processes: 2, targets: [{ status: 200 }] });
    for (const page of pages) {
      const shows = keysOf.get(page)!.includes(key);
      const answer = await get(page);
      expect({ page, shows, cache: answer.cache }).toEqual({ page, shows, cache: shows ? 'MISS' : 'HIT' });
      // Rendered anew by the server, whose processes dropped their own copies too.
      if (shows && !page.startsWith('/api/'))
        expect({ page, timing: answer.timing }).toMatchObject({
          page,
          timing: expect.stringContaining('cache;desc=miss'),
        });
    }
  });

  it('refuses unsigned, badly signed, stale and replayed purges, and changes nothing', async () => {
    const { stories } = await slugs();
    const path = `/article/${stories[3]}`;
    await cached(path);
    const keys = [`story:${stories[3]}`];
    const unsigned = await fetch(`${server.url}/hooks/content-changed`, {
      method: 'POST',
      body: JSON.stringify({ keys }),
    });
    expect(unsigned.status).toBe(401);
    expect((await callHook(server.url, 'wrong-secret', keys)).status).toBe(401);
    const stale = await callHook(server.url, SECRET, keys, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    expect((await callHook(server.url, SECRET, ['story:NOT normalised'])).status).toBe(400);
    expect((await callHook(server.url, SECRET, ['colour:blue'])).status).toBe(400);
    expect((await get(path)).cache).toBe('HIT');
    // A key no page carries purges nothing.
    const unknown = await callHook(server.url, SECRET, ['story:no-such-story-anywhere']);
    expect(unknown.status).toBe(200);
    expect(unknown.json.dropped).toBe(0);
    expect((await get(path)).cache).toBe('HIT');
    // The same signed request again, to either process, is a replay.
    const once = await callHook(server.url, SECRET, keys);
    expect(once.status).toBe(200);
    await cached(path);
    for (let attempt = 0; attempt < 4; attempt++) {
      const replay = await fetch(`${server.url}/hooks/content-changed`, {
        method: 'POST',
        headers: { 'x-newsreader-timestamp': String(once.timestamp), 'x-newsreader-signature': once.signature },
        body: once.body,
      });
      expect(replay.status).toBe(401);
    }
    expect((await get(path)).cache).toBe('HIT');
    const oversized = await fetch(`${server.url}/hooks/content-changed`, {
      method: 'POST',
      body: JSON.stringify({ keys: Array.from({ length: 9000 }, (_, index) => `story:s${index}`) }),
    });
    expect(oversized.status).toBe(413);
  });

  it('answers PURGE and /metrics only from the purgers’ addresses', async () => {
    const { stories } = await slugs();
    const path = `/article/${stories[5]}`;
    await cached(path);
    // 127.0.0.2 is this machine too, but not in the VCL's acl purgers.
    const status = await new Promise<number>((resolve, reject) => {
      request(`${varnish.url}/`, {
        method: 'PURGE',
        localAddress: '127.0.0.2',
        headers: { 'xkey-purge': `story:${stories[5]} all` },
      })
        .on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
    expect((await get(path)).cache).toBe('HIT');
    // Nor are the metrics for everyone.
    const metrics = await new Promise<number>((resolve, reject) => {
      request(`${varnish.url}/metrics`, { localAddress: '127.0.0.2' })
        .on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject)
        .end();
    });
    expect(metrics).toBe(403);
    expect((await fetch(`${varnish.url}/metrics`)).status).toBe(200);
  });

  it('serves the stale copy while the server is down', async () => {
    const { stories } = await slugs();
    const path = `/article/${stories[4]}`;
    const warm = await cached(path);
    await server.close();
    // The probe marks the server sick within a few seconds…
    const sickBy = Date.now() + 15_000;
    while (!/sick/i.test(varnish.admin('backend.list'))) {
      expect(Date.now()).toBeLessThan(sickBy);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // …and the copy, past its 2 s and the 10 s healthy grace, is still served.
    const staleBy = Date.now() + 20_000;
    for (;;) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(warm.body);
      if (answer.age > 12) break;
      expect(Date.now()).toBeLessThan(staleBy);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
});
