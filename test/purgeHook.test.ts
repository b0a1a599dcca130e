// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { purgeEverywhere, onPurge } from '../server/cluster';
import { PageCache, type CachedPage } from '../server/pageCache';
import { createWordPressPoller } from '../server/poller';
import { sign, verifyHook } from '../server/purge';
import {
  apiKeys,
  isValidKey,
  keyHeadersFor,
  normaliseKey,
  pageKeys,
  parseKeyHeaderNames,
} from '../server/surrogateKeys';
import { createLogger } from '../server/observability';

const SECRET = 'unit-secret';
const NOW = 1_800_000_000_000;
const signed = (body: string, timestamp = Math.floor(NOW / 1000)) => ({
  timestamp: String(timestamp),
  signature: sign(SECRET, timestamp, body),
});

describe('the purge hook’s signature', () => {
  const body = JSON.stringify({ keys: ['story:a-story', 'feed:latest'] });

  it('accepts a request signed with the secret, within the window', () => {
    expect(verifyHook(SECRET, signed(body), body, NOW)).toMatchObject({
      ok: true,
      keys: ['story:a-story', 'feed:latest'],
    });
  });

  it('refuses unsigned, badly signed, tampered and stale requests with 401', () => {
    const cases = [
      verifyHook(SECRET, { timestamp: null, signature: null }, body, NOW),
      verifyHook(SECRET, { ...signed(body), signature: sign('other-secret', NOW / 1000, body) }, body, NOW),
      verifyHook(SECRET, signed(body), body.replace('a-story', 'b-story'), NOW),
      verifyHook(SECRET, signed(body, NOW / 1000 - 301), body, NOW),
      verifyHook(SECRET, signed(body, NOW / 1000 + 301), body, NOW),
      verifyHook(SECRET, { timestamp: 'yesterday', signature: 'sha256=00' }, body, NOW),
    ];
    expect(cases.map((verdict) => (verdict.ok ? 200 : verdict.status))).toEqual([401, 401, 401, 401, 401, 401]);
  });

  it('refuses unknown, malformed and missing keys with 400', () => {
    for (const keys of [['colour:blue'], ['story:Upper Case'], [], 'story:x', [42]]) {
      const text = JSON.stringify({ keys });
      const verdict = verifyHook(SECRET, signed(text), text, NOW);
      expect({ keys, status: verdict.ok ? 200 : verdict.status }).toEqual({ keys, status: 400 });
    }
    expect(verifyHook(SECRET, signed('not json'), 'not json', NOW)).toMatchObject({ ok: false, status: 400 });
  });

  it('purges once per signature: a replay changes nothing', async () => {
    const purged: string[][] = [];
    onPurge((keys) => (purged.push(keys), keys.length));
    const verdict = verifyHook(SECRET, signed(body), body, NOW);
    if (!verdict.ok) throw new Error('not accepted');
    const first = await purgeEverywhere(verdict.keys, verdict.nonce, Date.now() + 300_000);
    const again = await purgeEverywhere(verdict.keys, verdict.nonce, Date.now() + 300_000);
    expect(first).toMatchObject({ replay: false, processes: 1 });
    expect(again).toMatchObject({ replay: true, dropped: 0 });
    expect(purged).toEqual([verdict.keys]);
  });
});

describe('surrogate keys', () => {
  it('name the story, the lists and their cards, sidebar boxes apart', () => {
    const card = (slug: string) => ({ slug, headline: slug });
    const queries = [
      { queryKey: ['taxonomy'], state: { data: { sectors: [] } } },
      { queryKey: ['story', 'main-story'], state: { data: { ...card('main-story'), related: [card('related-one')] } } },
      { queryKey: ['feed', 'page', { feed: 'latest', limit: 5 }], state: { data: { items: [card('box-card')] } } },
    ] as unknown as Parameters<typeof pageKeys>[1];
    expect(pageKeys('/article/main-story', queries).sort()).toEqual(
      ['all', 'taxonomy', 'story:main-story', 'story:related-one', 'box:latest', 'story:box-card'].sort(),
    );
    const home = [
      { queryKey: ['feed', 'page', { feed: 'latest' }], state: { data: { items: [card('a')] } } },
      {
        queryKey: ['feed', 'infinite', { feed: 'latest', sector: 'health' }],
        state: { data: { pages: [{ items: [card('b')] }] } },
      },
    ] as unknown as Parameters<typeof pageKeys>[1];
    expect(pageKeys('/', home).sort()).toEqual(['all', 'feed:latest', 'sector:health', 'story:a', 'story:b'].sort());
    expect(
      apiKeys('/stories', new URLSearchParams('feed=latest&edition=india'), { items: [card('c')] }).sort(),
    ).toEqual(['all', 'edition:india', 'story:c'].sort());
  });

  it('go in the headers the cache reads: xkey unless told, any of three, nothing else', () => {
    expect(parseKeyHeaderNames(undefined)).toEqual(['xkey']);
    expect(parseKeyHeaderNames('surrogate-key, Cache-Tag xkey')).toEqual(['Surrogate-Key', 'Cache-Tag', 'xkey']);
    expect(parseKeyHeaderNames('')).toEqual([]);
    expect(parseKeyHeaderNames('xkey set-cookie')).toBeNull();
    expect(keyHeadersFor(['xkey'])(['all', 'story:a'])).toEqual({ xkey: 'all story:a' });
    expect(keyHeadersFor(['Surrogate-Key', 'Cache-Tag'])(['all', 'story:a'])).toEqual({
      'Surrogate-Key': 'all story:a',
      'Cache-Tag': 'all,story:a',
    });
  });

  it('write a non-Latin slug as WordPress stores it, lower-case percent-encoded', () => {
    expect(normaliseKey('story:مرحبا')).toBe('story:%d9%85%d8%b1%d8%ad%d8%a8%d8%a7');
    expect(normaliseKey('story:%D9%85%D8%B1')).toBe('story:%d9%85%d8%b1');
    expect(isValidKey('story:%d9%85')).toBe(true);
    expect(isValidKey('story:%D9%85')).toBe(false);
  });
});

describe('the page cache’s purge', () => {
  const page = (keys: string[], body = 'x'): CachedPage => ({
    status: 200,
    body: Buffer.from(body),
    brotli: () => Promise.resolve(Buffer.alloc(0)),
    gzip: () => Buffer.alloc(0),
    etag: 'e',
    renderedAt: 0,
    keys,
  });
  const options = { freshMs: 60_000, lastGoodMs: 60_000, maxEntries: 10, maxBytes: 1 << 20 };

  it('drops exactly the pages carrying a key', async () => {
    const cache = new PageCache(options);
    await cache.get('/a', async () => page(['story:a', 'feed:latest']), 0);
    await cache.get('/b', async () => page(['story:b']), 0);
    expect(cache.purge(['story:a'])).toBe(1);
    let renders = 0;
    await cache.get('/b', async () => (renders++, page(['story:b'])), 1);
    await cache.get('/a', async () => (renders++, page(['story:a'])), 1);
    expect(renders).toBe(1);
    expect(cache.purge(['all'])).toBe(2);
  });

  it('neither keeps nor shares a render that started before a purge', async () => {
    const cache = new PageCache(options);
    let finish!: (page: CachedPage) => void;
    const old = cache.get('/a', () => new Promise<CachedPage>((resolve) => (finish = resolve)), 0);
    cache.purge(['story:a']);
    const fresh = cache.get('/a', async () => page(['story:a'], 'new'), 0);
    finish(page(['story:a'], 'old'));
    expect((await old).body.toString()).toBe('old');
    expect((await fresh).body.toString()).toBe('new');
    expect((await cache.get('/a', async () => page([], 'third'), 1)).body.toString()).toBe('new');
  });

  it('keeps unknown addresses in a pool of their own', async () => {
    const cache = new PageCache({ ...options, maxEntries: 10, maxMissing: 2 });
    await cache.get('/real', async () => page(['story:real']), 0);
    for (let index = 0; index < 50; index++) {
      await cache.get(`/missing-${index}`, async () => ({ ...page([]), status: 404 }), 0);
    }
    expect(cache.size).toBe(3);
    let renders = 0;
    await cache.get('/real', async () => (renders++, page([])), 1);
    expect(renders).toBe(0);
  });
});

describe('the WordPress poller', () => {
  it('purges what changed or left the newest posts, after learning the state', async () => {
    const categories = [{ id: 3, slug: 'technology', name: 'Technology', parent: 0 }];
    let posts = [
      { id: 1, slug: 'one', date_gmt: '2026-01-02T00:00:00', modified_gmt: '2026-01-02T00:00:00', categories: [3] },
      { id: 2, slug: 'two', date_gmt: '2026-01-01T00:00:00', modified_gmt: '2026-01-01T00:00:00', categories: [3] },
    ];
    const fakeFetch = (async (url: string) => {
      const route = new URL(url).searchParams.get('rest_route');
      return Response.json(route === '/wp/v2/categories' ? categories : posts);
    }) as typeof fetch;
    const purged: string[][] = [];
    const poller = createWordPressPoller({
      wordpressUrl: 'http://wp.invalid',
      intervalMs: 1000,
      logger: createLogger('silent'),
      fetch: fakeFetch,
      purge: async (keys) => purged.push(keys),
    });
    expect(await poller.poll()).toEqual([]);
    posts = [{ ...posts[0]!, modified_gmt: '2026-01-03T00:00:00' }, posts[1]!];
    expect(await poller.poll()).toEqual(expect.arrayContaining(['story:one', 'sector:technology', 'feed:latest']));
    posts = [posts[1]!];
    expect(await poller.poll()).toEqual(expect.arrayContaining(['story:one']));
    expect(await poller.poll()).toEqual([]);
    expect(purged).toHaveLength(2);
  });
});
