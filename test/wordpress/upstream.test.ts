/**
 * How the WordPress source behaves when WordPress (or the host in front of it)
 * misbehaves, how it caches, and its settings: a fake fetch plays WordPress.
 * (The default jsdom environment: test/setup.ts needs a window; the source runs the same.)
 */
import { describe, expect, it, vi } from 'vitest';
import { feedPageSchema } from '../../src/features/feeds/api/feed';
import { createWordPressSource, wordPressOptionsFromEnv } from '../../server/content/wordpress/index.ts';
import { restUrl } from '../../server/content/wordpress/upstream.ts';
import { loadRecording, replayFetch } from './replay.ts';
import { SITE } from './scenarios.ts';

type Handler = (url: URL, init?: RequestInit) => Response | Promise<Response>;

function fakeWordPress(handler: Handler) {
  const calls: URL[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push(url);
    return handler(url, init);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const CATEGORIES = [{ id: 1, name: 'Uncategorized', slug: 'uncategorized', parent: 0, count: 1 }];

function post(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    slug: `post-${id}`,
    title: { rendered: `Post ${id}` },
    excerpt: { rendered: `<p>Summary ${id}</p>` },
    date_gmt: '2026-01-0' + (id % 9 || 1) + 'T10:00:00',
    modified_gmt: '2026-01-09T10:00:00',
    categories: [1],
    tags: [],
    format: 'standard',
    ...extra,
  };
}

function jsonResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...(init.headers ?? {}) },
  });
}

/** A WordPress whose categories answer normally and whose posts answer with `posts`. */
function siteWith(posts: Handler) {
  return fakeWordPress((url, init) =>
    (url.searchParams.get('rest_route') ?? url.pathname).endsWith('/categories')
      ? jsonResponse(CATEGORIES, { headers: { 'x-wp-totalpages': '1' } })
      : posts(url, init),
  );
}

async function get(source: ReturnType<typeof createWordPressSource>, path: string, init?: RequestInit) {
  const response = await source(new Request(`http://reader.test${path}`, init));
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

describe('WordPress source: upstream failures', () => {
  it('answers 502 upstream_forbidden when the REST API is locked (401/403)', async () => {
    for (const status of [401, 403]) {
      const wp = fakeWordPress(() => jsonResponse({ code: 'rest_forbidden', message: 'no' }, { status }));
      const answer = await get(createWordPressSource({ url: SITE, fetch: wp.fetch }), '/stories?feed=latest');
      expect(answer).toMatchObject({ status: 502, body: { error: { code: 'upstream_forbidden' } } });
    }
  });

  it('passes Retry-After on as 503 when WordPress rate-limits (429)', async () => {
    const wp = fakeWordPress(() => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } }));
    const answer = await get(createWordPressSource({ url: SITE, fetch: wp.fetch }), '/taxonomy');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('120');
    expect(answer.body).toMatchObject({ error: { code: 'upstream_rate_limited' } });
  });

  it('answers 502 upstream_not_json when an HTML page comes back instead of JSON', async () => {
    const wp = fakeWordPress(
      () => new Response('<!doctype html><title>Maintenance</title>', { headers: { 'content-type': 'text/html' } }),
    );
    const answer = await get(createWordPressSource({ url: SITE, fetch: wp.fetch }), '/stories/any');
    expect(answer).toMatchObject({ status: 502, body: { error: { code: 'upstream_not_json' } } });
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/text\/html/);
  });

  it('answers 504 upstream_timeout when WordPress does not answer in time', async () => {
    const wp = fakeWordPress(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const started = Date.now();
    const answer = await get(createWordPressSource({ url: SITE, fetch: wp.fetch, timeoutMs: 50 }), '/taxonomy');
    expect(answer).toMatchObject({ status: 504, body: { error: { code: 'upstream_timeout' } } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers a bad parameter 400 without asking WordPress, even when it is down', async () => {
    const down = fakeWordPress(() => Promise.reject(new TypeError('fetch failed')));
    const source = createWordPressSource({ url: SITE, fetch: down.fetch });
    expect(await get(source, '/stories?feed=latest&limit=500')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_parameter' } },
    });
    expect(down.calls).toHaveLength(0);
  });

  it('answers 502 upstream_unavailable when WordPress cannot be reached, and 502 on a 500', async () => {
    const down = fakeWordPress(() => Promise.reject(new TypeError('fetch failed')));
    expect(await get(createWordPressSource({ url: SITE, fetch: down.fetch }), '/taxonomy')).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_unavailable' } },
    });
    const broken = fakeWordPress(() => jsonResponse({ code: 'internal_server_error' }, { status: 500 }));
    expect(await get(createWordPressSource({ url: SITE, fetch: broken.fetch }), '/taxonomy')).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_error' } },
    });
  });

  it('drops posts with missing or broken fields from a list, and keeps the rest (untitled ones too)', async () => {
    const wp = siteWith(() =>
      jsonResponse(
        [
          post(1),
          { id: 2, slug: 'no-title', date_gmt: '2026-01-01T00:00:00' },
          post(3, { title: { rendered: '' } }),
          post(4, { date_gmt: null }),
          'not a post',
          post(5, { _embedded: { author: [{ code: 'rest_user_invalid_id' }], 'wp:featuredmedia': [{ code: 'x' }] } }),
        ],
        { headers: { 'x-wp-totalpages': '1' } },
      ),
    );
    const answer = await get(createWordPressSource({ url: SITE, fetch: wp.fetch }), '/stories?feed=latest');
    expect(answer.status).toBe(200);
    const page = feedPageSchema.parse(answer.body);
    // An empty title is WordPress's untitled post, listed as "(no title)"; a post without the field is broken.
    expect(page.items.map((card) => [card.slug, card.headline])).toEqual([
      ['post-1', expect.any(String)],
      ['post-3', '(no title)'],
      ['post-5', expect.any(String)],
    ]);
    expect(page.items[2]).toMatchObject({ byline: null, image: null, sector: null, edition: { slug: 'global' } });
  });

  it('answers an empty last page when the cursor is past the end (WordPress answers 400 there)', async () => {
    const wp = siteWith(() =>
      jsonResponse({ code: 'rest_post_invalid_page_number', message: 'too far' }, { status: 400 }),
    );
    const cursor = Buffer.from(JSON.stringify({ p: 9, n: 20 })).toString('base64url');
    const answer = await get(
      createWordPressSource({ url: SITE, fetch: wp.fetch }),
      `/stories?feed=latest&cursor=${cursor}`,
    );
    expect(answer).toEqual({ status: 200, headers: expect.anything(), body: { items: [], nextCursor: null } });
  });

  it('falls back to latest for trending on a site without sticky posts, and its cursor stays on latest', async () => {
    const wp = siteWith((url) =>
      url.searchParams.get('sticky') === 'true'
        ? jsonResponse([], { headers: { 'x-wp-totalpages': '0' } })
        : jsonResponse([post(Number(url.searchParams.get('page')))], { headers: { 'x-wp-totalpages': '2' } }),
    );
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch });
    const first = feedPageSchema.parse((await get(source, '/stories?feed=trending')).body);
    expect(first.items.map((card) => card.slug)).toEqual(['post-1']);
    const second = feedPageSchema.parse(
      (await get(source, `/stories?feed=trending&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).body,
    );
    expect(second).toEqual({ items: [expect.objectContaining({ slug: 'post-2' })], nextCursor: null });
    expect(wp.calls.filter((url) => url.searchParams.get('sticky') === 'true')).toHaveLength(1);
  });
});

describe('WordPress source: settings that change the feeds', () => {
  it('reads trending from the trending category when one is set, and falls back to latest when it is empty', async () => {
    let trendingPosts = [post(7)];
    const wp = fakeWordPress((url) => {
      if (url.pathname.endsWith('/categories')) {
        return jsonResponse([...CATEGORIES, { id: 9, name: 'Trending', slug: 'hot', parent: 0, count: 1 }]);
      }
      return jsonResponse(url.searchParams.get('categories') === '9' ? trendingPosts : [post(1), post(2)]);
    });
    let now = 0;
    const source = createWordPressSource({
      url: SITE,
      fetch: wp.fetch,
      trendingCategory: 'hot',
      cacheTtlMs: 1,
      now: () => now,
    });
    const slugs = async () =>
      feedPageSchema.parse((await get(source, '/stories?feed=trending')).body).items.map((card) => card.slug);
    expect(await slugs()).toEqual(['post-7']);
    expect(wp.calls.some((url) => url.searchParams.has('sticky'))).toBe(false);
    trendingPosts = [];
    now += 5; // past the cache's time
    expect(await slugs()).toEqual(['post-1', 'post-2']);
    // The trending category is not a sector.
    const taxonomy = (await get(source, '/taxonomy')).body as { sectors: { slug: string }[] };
    expect(taxonomy.sectors.map((term) => term.slug)).not.toContain('hot');
  });

  it('reads editions from tags with a prefix when told to', async () => {
    const tags = [
      { id: 31, name: 'India', slug: 'edition-india' },
      { id: 32, name: 'Markets', slug: 'markets' },
    ];
    const wp = fakeWordPress((url) => {
      if (url.pathname.endsWith('/categories')) return jsonResponse(CATEGORIES);
      if (url.pathname.endsWith('/tags')) return jsonResponse(tags);
      const tagged = post(1, {
        tags: [31, 32],
        _embedded: {
          'wp:term': [[], tags.map((tag) => ({ ...tag, taxonomy: 'post_tag' }))],
        },
      });
      if (url.searchParams.get('slug') === 'post-1') return jsonResponse([tagged]);
      return jsonResponse(url.searchParams.get('tags') === '31' ? [tagged] : [post(2)]);
    });
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch, editionTagPrefix: 'edition-' });
    const taxonomy = (await get(source, '/taxonomy')).body;
    expect(taxonomy).toMatchObject({ editions: [{ slug: 'global' }, { slug: 'india', name: 'India' }] });
    const india = feedPageSchema.parse((await get(source, '/stories?feed=latest&edition=india')).body);
    expect(india.items).toEqual([
      expect.objectContaining({ slug: 'post-1', edition: { slug: 'india', name: 'India' } }),
    ]);
    const story = (await get(source, '/stories/post-1')).body;
    expect(story).toMatchObject({ edition: { slug: 'india' }, tags: ['Markets'] });
    const global = (await get(source, '/stories?feed=latest&edition=global')).body;
    expect(global).toMatchObject({ items: [{ slug: 'post-2', edition: { slug: 'global' } }] });
    expect(wp.calls.some((url) => url.searchParams.get('tags_exclude') === '31')).toBe(true);
  });
});

describe('WordPress source: requests and cache', () => {
  it('asks for only the fields a card needs and a targeted embed', async () => {
    const wp = siteWith(() => jsonResponse([post(1)], { headers: { 'x-wp-totalpages': '1' } }));
    await get(createWordPressSource({ url: SITE, fetch: wp.fetch }), '/stories?feed=latest&limit=5');
    const posts = wp.calls.find((url) => url.pathname.endsWith('/posts'));
    expect(posts?.searchParams.get('_embed')).toBe('author,wp:featuredmedia');
    expect(posts?.searchParams.get('_fields')?.split(',')).not.toContain('content');
    expect(posts?.searchParams.get('per_page')).toBe('5');
  });

  it('shares one upstream request between identical concurrent requests, and reuses it until the TTL ends', async () => {
    let now = 1_000_000;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const wp = siteWith(async () => {
      await gate;
      return jsonResponse([post(1)], { headers: { 'x-wp-totalpages': '1' } });
    });
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch, cacheTtlMs: 30_000, now: () => now });
    const answers = Promise.all([1, 2, 3].map(() => get(source, '/stories?feed=latest')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    expect((await answers).map((answer) => answer.status)).toEqual([200, 200, 200]);
    const postCalls = () => wp.calls.filter((url) => url.pathname.endsWith('/posts')).length;
    expect(postCalls()).toBe(1);
    now += 29_000;
    await get(source, '/stories?feed=latest');
    expect(postCalls()).toBe(1);
    now += 2_000;
    await get(source, '/stories?feed=latest');
    expect(postCalls()).toBe(2);
  });

  it('keeps at most cacheMaxEntries answers, forgetting the least recently used', async () => {
    const wp = siteWith((url) => jsonResponse([post(Number(url.searchParams.get('per_page')))]));
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch, cacheMaxEntries: 3 });
    const postCalls = () => wp.calls.filter((url) => url.pathname.endsWith('/posts')).length;
    await get(source, '/stories?feed=latest&limit=1'); // cache: categories, 1
    await get(source, '/stories?feed=latest&limit=2'); // categories, 1, 2
    await get(source, '/stories?feed=latest&limit=1'); // 1 is used again: categories, 2, 1
    await get(source, '/stories?feed=latest&limit=3'); // 2 goes: categories, 1, 3
    expect(postCalls()).toBe(3);
    await get(source, '/stories?feed=latest&limit=1');
    expect(postCalls()).toBe(3);
    await get(source, '/stories?feed=latest&limit=2');
    expect(postCalls()).toBe(4);
  });

  it('serves the last good answer while WordPress fails, for at most staleIfErrorMs', async () => {
    let now = 0;
    let status = 200;
    const wp = siteWith(() => (status === 200 ? jsonResponse([post(1)]) : jsonResponse({}, { status })));
    const source = createWordPressSource({
      url: SITE,
      fetch: wp.fetch,
      cacheTtlMs: 1000,
      staleIfErrorMs: 60_000,
      now: () => now,
    });
    expect((await get(source, '/stories?feed=latest')).status).toBe(200);
    status = 503;
    now = 30_000;
    const during = await get(source, '/stories?feed=latest');
    expect(during.status).toBe(200);
    expect(feedPageSchema.parse(during.body).items.map((card) => card.slug)).toEqual(['post-1']);
    // A 404 is an answer, not an outage: never covered up (here the API route is gone).
    status = 404;
    now = 32_000;
    expect((await get(source, '/stories?feed=latest')).status).toBe(502);
    status = 500;
    now = 61_000;
    expect((await get(source, '/stories?feed=latest')).status).toBe(502);
  });

  it('does not keep a failure: the next request asks WordPress again', async () => {
    let fail = true;
    const wp = siteWith(() => (fail ? jsonResponse({}, { status: 500 }) : jsonResponse([post(1)])));
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch, staleIfErrorMs: 0 });
    expect((await get(source, '/stories?feed=latest')).status).toBe(502);
    fail = false;
    expect((await get(source, '/stories?feed=latest')).status).toBe(200);
  });

  it('speaks both REST URL styles', () => {
    expect(
      restUrl({ url: 'https://news.example.com/blog', restStyle: 'pretty' }, '/wp/v2/posts', { per_page: 2 }),
    ).toBe('https://news.example.com/blog/wp-json/wp/v2/posts?per_page=2');
    expect(restUrl({ url: 'http://127.0.0.1:8080', restStyle: 'query' }, '/wp/v2/posts', { slug: 'a b' })).toBe(
      'http://127.0.0.1:8080/?rest_route=%2Fwp%2Fv2%2Fposts&slug=a+b',
    );
  });

  it('switches to ?rest_route= for good when /wp-json/ answers HTML (plain permalinks)', async () => {
    const wp = fakeWordPress((url) => {
      const route = url.searchParams.get('rest_route');
      if (route === null) return new Response('<!doctype html><h1>Not found</h1>', { status: 404 });
      return route.endsWith('/categories') ? jsonResponse(CATEGORIES) : jsonResponse([post(1)]);
    });
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch });
    const page = feedPageSchema.parse((await get(source, '/stories?feed=latest')).body);
    expect(page.items.map((card) => card.slug)).toEqual(['post-1']);
    const before = wp.calls.length;
    await get(source, '/stories?feed=opinion&limit=3');
    expect(wp.calls.slice(before).every((url) => url.searchParams.has('rest_route'))).toBe(true);
    // Told "pretty", it does not second-guess the setting.
    const pretty = createWordPressSource({ url: SITE, fetch: wp.fetch, restStyle: 'pretty' });
    expect(await get(pretty, '/taxonomy')).toMatchObject({
      status: 502,
      body: { error: { code: 'upstream_not_json' } },
    });
  });

  it('gives the same answers through ?rest_route= as through /wp-json/', async () => {
    const recording = loadRecording();
    const pretty = createWordPressSource({ url: SITE, fetch: replayFetch(recording) });
    // The query style's requests map onto the recorded pretty ones.
    const query = createWordPressSource({
      url: `${SITE}/?rest_route=/`,
      fetch: (input, init) => {
        const url = new URL(String(input));
        const route = url.searchParams.get('rest_route') ?? '/';
        url.searchParams.delete('rest_route');
        url.pathname = `/wp-json${route}`;
        return replayFetch(recording)(url.toString(), init);
      },
    });
    const a = await get(pretty, '/taxonomy');
    const b = await get(query, '/taxonomy');
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });
});

describe('WordPress source: forms and settings', () => {
  it('answers 501 not_available for the forms when no forwarding address is set', async () => {
    const wp = fakeWordPress(() => jsonResponse({}));
    const source = createWordPressSource({ url: SITE, fetch: wp.fetch });
    for (const path of ['/newsletter', '/feedback']) {
      const answer = await get(source, path, { method: 'POST', body: JSON.stringify({ email: 'a@example.com' }) });
      expect(answer).toMatchObject({ status: 501, body: { error: { code: 'not_available' } } });
    }
    expect(wp.calls).toHaveLength(0);
  });

  it('forwards a form to the configured address and answers 202, passing field errors back', async () => {
    const wp = fakeWordPress((url, init) => {
      const body = JSON.parse(String(init?.body)) as { email?: string };
      if (url.href !== 'https://forms.example.com/subscribe') return new Response('no', { status: 404 });
      return body.email === 'bad'
        ? jsonResponse(
            { error: { code: 'invalid_email', message: 'no', fields: { email: 'Enter an email' } } },
            { status: 422 },
          )
        : new Response(null, { status: 200 });
    });
    const source = createWordPressSource({
      url: SITE,
      fetch: wp.fetch,
      newsletterUrl: 'https://forms.example.com/subscribe',
    });
    const post = (email: string) => get(source, '/newsletter', { method: 'POST', body: JSON.stringify({ email }) });
    expect(await post('reader@example.com')).toMatchObject({ status: 202, body: { ok: true } });
    expect(await post('bad')).toMatchObject({
      status: 422,
      body: { error: { code: 'invalid_email', fields: { email: 'Enter an email' } } },
    });
  });

  it('reads its settings from the environment, and says which variable is wrong', () => {
    expect(() => wordPressOptionsFromEnv({})).toThrow(/WORDPRESS_URL/);
    expect(() => wordPressOptionsFromEnv({ WORDPRESS_URL: 'https://x.test', WORDPRESS_TIMEOUT_MS: 'soon' })).toThrow(
      /WORDPRESS_TIMEOUT_MS/,
    );
    expect(
      wordPressOptionsFromEnv({
        WORDPRESS_URL: 'https://news.example.com',
        WORDPRESS_TIMEOUT_MS: '3000',
        WORDPRESS_REST_STYLE: 'query',
        WORDPRESS_EDITION_PARENT: 'editions',
        WORDPRESS_FEEDBACK_URL: 'https://forms.example.com/feedback',
      }),
    ).toMatchObject({
      url: 'https://news.example.com',
      timeoutMs: 3000,
      restStyle: 'query',
      editionParent: 'editions',
      feedbackUrl: 'https://forms.example.com/feedback',
      newsletterUrl: null,
    });
    expect(() => createWordPressSource({ url: 'not a url' })).toThrow(/WORDPRESS_URL/);
  });
});
