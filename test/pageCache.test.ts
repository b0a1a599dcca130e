// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PageCache, type CachedPage } from '../server/pageCache';

const page = (status: number, body: string, renderedAt = 0): CachedPage => ({
  status,
  body: Buffer.from(body),
  brotli: () => Promise.resolve(Buffer.alloc(0)),
  gzip: () => Buffer.alloc(0),
  etag: `"${body}"`,
  renderedAt,
});
const options = { freshMs: 1000, lastGoodMs: 60_000, maxEntries: 2, maxBytes: 1024 };

describe('PageCache', () => {
  it('shares one render between concurrent requests for a URL, and reuses it while fresh', async () => {
    const cache = new PageCache(options);
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return page(200, 'a', 0);
    };
    const results = await Promise.all([
      cache.get('/a', render, 0),
      cache.get('/a', render, 0),
      cache.get('/a', render, 0),
    ]);
    expect(renders).toBe(1);
    expect(results.every((result) => result === results[0])).toBe(true);
    await cache.get('/a', render, 500);
    expect(renders).toBe(1);
    await cache.get('/a', render, 1500);
    expect(renders).toBe(2);
  });

  it('answers the last good copy when a new render fails, and never keeps a failure', async () => {
    const cache = new PageCache(options);
    await cache.get('/a', async () => page(200, 'good', 0), 0);
    const failed = await cache.get('/a', async () => page(503, 'down', 5000), 5000);
    expect(failed.body.toString()).toBe('good');
    let renders = 0;
    const miss = await cache.get('/b', async () => (renders++, page(503, 'down', 0)), 0);
    expect(miss.status).toBe(503);
    await cache.get('/b', async () => (renders++, page(200, 'up', 0)), 0);
    expect(renders).toBe(2);
  });

  it('stays within its bounds, least recently used out first', async () => {
    const cache = new PageCache(options);
    await cache.get('/a', async () => page(200, 'a'), 0);
    await cache.get('/b', async () => page(200, 'b'), 0);
    await cache.get('/a', async () => page(200, 'a2'), 0); // fresh: touches /a
    await cache.get('/c', async () => page(200, 'c'), 0);
    expect(cache.size).toBe(2);
    let renders = 0;
    await cache.get('/b', async () => (renders++, page(200, 'b')), 0);
    expect(renders).toBe(1); // /b was the least recently used, so it went
    const big = new PageCache({ ...options, maxEntries: 100, maxBytes: 20 });
    await big.get('/x', async () => page(200, 'x'.repeat(8)), 0);
    await big.get('/y', async () => page(200, 'y'.repeat(8)), 0);
    expect(big.size).toBe(1);
  });
});
