/**
 * The test server itself, over plain HTTP (no browser): caching headers, content
 * types, the SPA fallback, the content API under /api and the fault switches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/csp.ts';
import { DEFAULT_ROOT } from '../server/server.ts';
import { serverForFile } from './browser.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const assets = readdirSync(path.join(DEFAULT_ROOT, 'assets'));
const jsAsset = assets.find((name) => name.endsWith('.js'));
const cssAsset = assets.find((name) => name.endsWith('.css'));

describe('static files (mock mode)', () => {
  const http = serverForFile();

  test('hashed assets are cached for a year with the right content type', async () => {
    expect(jsAsset).toMatch(/\.js$/);
    const js = await fetch(`${http.url}/assets/${jsAsset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-security-policy')).toBeNull();
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    await js.arrayBuffer();

    const css = await fetch(`${http.url}/assets/${cssAsset}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    await css.arrayBuffer();
  });

  test('gzip is used when accepted', async () => {
    const response = await fetch(`${http.url}/assets/${jsAsset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  test('index.html is revalidated every time and carries the CSP', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await fetch(`${http.url}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  test('an unchanged index.html revalidates to 304', async () => {
    const first = await fetch(`${http.url}/`);
    await first.text();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(`${http.url}/`, { headers: { 'if-none-match': etag ?? '' } });
    expect(second.status).toBe(304);
  });

  test('deep links that accept HTML get index.html; other misses are 404', async () => {
    const deep = await fetch(`${http.url}/article/some-story?x=1`, { headers: HTML });
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await deep.text()).toContain('<div id="root">');

    for (const [url, headers] of [
      ['/assets/missing-abc123.js', HTML],
      ['/missing.json', { accept: '*/*' }],
      ['/..%2fpackage.json', { accept: '*/*' }],
      ['/%2e%2e/package.json', { accept: '*/*' }],
    ] as const) {
      const response = await fetch(`${http.url}${url}`, { headers });
      expect(response.status, url).toBe(404);
      await response.text();
    }
  });

  test('/config.json is the one in dist/ (from public/), revalidated every time', async () => {
    const response = await fetch(`${http.url}/config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual(JSON.parse(readFileSync(path.join(DEFAULT_ROOT, 'config.json'), 'utf8')));
  });

  test('only GET and HEAD are served', async () => {
    const response = await fetch(`${http.url}/`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    await response.text();
  });

  test('/api answers 404 when the API is off', async () => {
    const response = await fetch(`${http.url}/api/taxonomy`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('content API (api mode)', () => {
  const http = serverForFile({ api: true });
  afterEach(() => http.server.clearFaults());

  const setFaults = async (body: unknown) => {
    const response = await fetch(`${http.url}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    await response.json();
  };

  test('/config.json points the app at the absolute /api URL', async () => {
    const response = await fetch(`${http.url}/config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ apiBaseUrl: `${http.url}/api` });
  });

  test('serves the msw handlers under /api', async () => {
    const feed = await fetch(`${http.url}/api/stories?feed=latest&limit=2`);
    expect(feed.status).toBe(200);
    const body = (await feed.json()) as { items: { slug: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.nextCursor).toEqual(expect.any(String));

    const story = await fetch(`${http.url}/api/stories/${body.items[0]?.slug}`);
    expect(story.status).toBe(200);
    expect(await story.json()).toMatchObject({ slug: body.items[0]?.slug });

    const missing = await fetch(`${http.url}/api/stories/no-such-story`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });

    const post = await fetch(`${http.url}/api/newsletter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reader@example.com' }),
    });
    expect(post.status).toBe(202);
    await post.text();
  });

  test('JSON over 1 kB is gzipped when the client accepts it, like a production API', async () => {
    const url = `${http.url}/api/stories/update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const plainLength = Number(plain.headers.get('content-length'));
    const plainBody = await plain.json();

    const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(plainLength / 2);
    expect(await gzipped.json()).toEqual(plainBody);
  });

  test('a status fault with once applies to the first matching request only', async () => {
    await setFaults({ rules: [{ match: '/stories?feed=trending', status: 500 }], once: true });
    const untouched = await fetch(`${http.url}/api/stories?feed=latest`);
    expect(untouched.status).toBe(200);
    await untouched.text();

    const failed = await fetch(`${http.url}/api/stories?feed=trending&limit=3`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { code: 'injected_fault' } });

    const recovered = await fetch(`${http.url}/api/stories?feed=trending&limit=3`);
    expect(recovered.status).toBe(200);
    await recovered.text();
  });

  test('raw body, JSON body, delay and drop faults; DELETE clears them', async () => {
    await setFaults({
      rules: [
        { match: '/stories/raw', body: '{"not json', contentType: 'application/json' },
        { match: '/stories/json', json: { slug: 42 }, status: 200 },
        { match: '/taxonomy', delayMs: 150 },
        { match: '/stories/dropped', drop: true },
      ],
    });
    const raw = await fetch(`${http.url}/api/stories/raw`);
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(await raw.text()).toBe('{"not json');

    const json = await fetch(`${http.url}/api/stories/json`);
    expect(await json.json()).toEqual({ slug: 42 });

    const started = performance.now();
    const slow = await fetch(`${http.url}/api/taxonomy`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.status).toBe(200);
    await slow.json();

    await expect(fetch(`${http.url}/api/stories/dropped`)).rejects.toThrow();

    const cleared = await fetch(`${http.url}/__faults`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    const after = await fetch(`${http.url}/api/stories/raw`);
    expect(after.status).toBe(404);
    await after.text();
  });

  test('invalid fault settings are rejected', async () => {
    const response = await fetch(`${http.url}/__faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ match: '/x', status: 'teapot' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_faults' } });
    expect(() => http.server.setFaults([{ match: '/x', delayMs: -1 }])).toThrow(/delayMs/);
  });
});
