/**
 * The WordPress source against a real WordPress (Debian's package on PHP's built-in
 * server with its own MariaDB, seeded by install.php): every contract endpoint
 * answers schema-valid data, through both REST URL styles, with few and small
 * upstream requests. Fails, never skips, when the packages are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storySchema } from '../../src/features/article/api/story';
import { feedNames, feedPageSchema } from '../../src/features/feeds/api/feed';
import { taxonomySchema } from '../../src/features/site/api/taxonomy';
import { apiErrorSchema } from '../../src/lib/api/schemas';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { readableSlug } from '../../server/content/wordpress/map.ts';
import { TEST_OPTIONS } from './scenarios.ts';
import { startWordPress, type WordPress } from './wordpress.ts';

let wordpress: WordPress;

beforeAll(async () => {
  wordpress = await startWordPress();
  console.log(`WordPress ${wordpress.version} at ${wordpress.url}, ready in`, wordpress.timings);
});
afterAll(() => wordpress?.stop());

interface Traffic {
  requests: number;
  bytes: number;
}

/** The global fetch, counting upstream requests and body bytes. */
function countingFetch(traffic: Traffic): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    traffic.requests += 1;
    traffic.bytes += body.byteLength;
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

function source(style: 'pretty' | 'query' = 'pretty', traffic: Traffic = { requests: 0, bytes: 0 }) {
  return createWordPressSource({
    url: style === 'query' ? `${wordpress.url}/?rest_route=/` : wordpress.url,
    restStyle: style,
    fetch: countingFetch(traffic),
    ...TEST_OPTIONS,
  });
}

async function get(from: ReturnType<typeof source>, path: string, init?: RequestInit) {
  const response = await from(new Request(`http://reader.test${path}`, init));
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('WordPress source on a real WordPress', () => {
  it('answers every feed with schema-valid pages, in both REST URL styles', async () => {
    for (const style of ['pretty', 'query'] as const) {
      const from = source(style);
      for (const feed of feedNames) {
        const { status, body } = await get(from, `/stories?feed=${feed}`);
        expect(status, `${style} ${feed}`).toBe(200);
        const page = feedPageSchema.parse(body);
        expect(page.items.length, `${style} ${feed}`).toBe((body as { items: unknown[] }).items.length);
        expect(page.items.length, `${style} ${feed}`).toBeGreaterThan(0);
      }
    }
  });

  it('answers the same through ?rest_route= as through /wp-json/', async () => {
    const pretty = await get(source('pretty'), '/stories?feed=latest&limit=5');
    const query = await get(source('query'), '/stories?feed=latest&limit=5');
    expect(query).toEqual(pretty);
  });

  it('answers every seeded story with a valid Story, and 404 not_found for an unknown slug', async () => {
    const from = source();
    for (const [name, slug] of Object.entries(wordpress.slugs).filter(([name]) => name !== 'protected')) {
      const { status, body } = await get(from, `/stories/${encodeURIComponent(readableSlug(slug))}`);
      expect(status, name).toBe(200);
      const story = storySchema.parse(body);
      expect(story.body.length, name).toBe((body as { body: unknown[] }).body.length);
      expect(story.body.length, name).toBeGreaterThan(0);
    }
    for (const path of ['/stories/no-such-story', `/stories/${wordpress.slugs.protected}`]) {
      const missing = await get(from, path);
      expect(missing.status, path).toBe(404);
      expect(apiErrorSchema.parse(missing.body).error.code).toBe('not_found');
    }
  });

  it('answers a valid taxonomy whose every sector and edition filters the feed', async () => {
    const from = source();
    const { status, body } = await get(from, '/taxonomy');
    expect(status).toBe(200);
    const taxonomy = taxonomySchema.parse(body);
    expect(taxonomy.sectors.length).toBeGreaterThan(3);
    expect(taxonomy.editions[0]).toEqual({ slug: 'global', name: 'Global' });
    for (const sector of taxonomy.sectors) {
      const page = feedPageSchema.parse((await get(from, `/stories?feed=latest&sector=${sector.slug}`)).body);
      expect(page.items.length, sector.slug).toBeGreaterThan(0);
    }
    for (const edition of taxonomy.editions) {
      const page = feedPageSchema.parse((await get(from, `/stories?feed=latest&edition=${edition.slug}`)).body);
      expect(page.items.length, edition.slug).toBeGreaterThan(0);
      expect(page.items.every((card) => card.edition.slug === edition.slug)).toBe(true);
    }
  });

  it('filters a feed by a tag name, and answers an unknown tag with no stories', async () => {
    const from = source();
    const page = feedPageSchema.parse((await get(from, '/stories?feed=latest&tag=Climate&limit=50')).body);
    expect(page.items.length).toBeGreaterThan(1);
    for (const card of page.items) {
      const story = storySchema.parse((await get(from, `/stories/${encodeURIComponent(card.slug)}`)).body);
      expect(story.tags, card.slug).toContain('Climate');
    }
    const latest = feedPageSchema.parse((await get(from, '/stories?feed=latest&limit=50')).body);
    expect(page.items.length).toBeLessThan(latest.items.length);
    expect(feedPageSchema.parse((await get(from, '/stories?feed=latest&tag=No%20such%20tag')).body).items).toEqual([]);
  });

  it('pages through all published posts, and finds a Hindi word', async () => {
    const from = source();
    const slugs: string[] = [];
    let path: string | null = '/stories?feed=latest&limit=12';
    while (path) {
      const page = feedPageSchema.parse((await get(from, path)).body);
      slugs.push(...page.items.map((card) => card.slug));
      path = page.nextCursor ? `/stories?feed=latest&limit=12&cursor=${encodeURIComponent(page.nextCursor)}` : null;
    }
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toHaveLength(35);
    const found = feedPageSchema.parse((await get(from, `/stories?feed=latest&q=${encodeURIComponent('सौर')}`)).body);
    expect(found.items.map((card) => card.slug)).toEqual([wordpress.slugs.hindi]);
  });

  it('answers 502 upstream_forbidden while a security plugin locks the REST API', async () => {
    await wordpress.lockRestApi(true);
    try {
      const locked = await get(source(), '/stories?feed=latest');
      expect(locked.status).toBe(502);
      expect(apiErrorSchema.parse(locked.body).error.code).toBe('upstream_forbidden');
    } finally {
      await wordpress.lockRestApi(false);
    }
    expect((await get(source(), '/stories?feed=latest')).status).toBe(200);
  });

  it('answers the forms 501 not_available (WordPress has no such endpoints)', async () => {
    const from = source();
    for (const path of ['/newsletter', '/feedback']) {
      const { status, body } = await get(from, path, { method: 'POST', body: '{"email":"a@example.com"}' });
      expect(status).toBe(501);
      expect(apiErrorSchema.parse(body).error.code).toBe('not_available');
    }
  });

  it('reads a page of 20 cards in one small WordPress request, a fraction of the default answer', async () => {
    const ours: Traffic = { requests: 0, bytes: 0 };
    const from = source('pretty', ours);
    await get(from, '/taxonomy'); // the categories, read once per cache period
    const categories = { ...ours };
    await get(from, '/stories?feed=latest&limit=20');
    const page = { requests: ours.requests - categories.requests, bytes: ours.bytes - categories.bytes };
    await get(from, '/stories?feed=latest&limit=20');
    expect(ours.requests - categories.requests, 'the second identical page comes from the cache').toBe(1);

    // Without `_fields`: what a straightforward client asks for, without and with the full `_embed`.
    const plain = await fetch(`${wordpress.url}/wp-json/wp/v2/posts?per_page=20`).then((r) => r.arrayBuffer());
    const embedded = await fetch(`${wordpress.url}/wp-json/wp/v2/posts?per_page=20&_embed`).then((r) =>
      r.arrayBuffer(),
    );
    const storyTraffic: Traffic = { requests: 0, bytes: 0 };
    const storySource = source('pretty', storyTraffic);
    await get(storySource, '/taxonomy');
    const before = { ...storyTraffic };
    await get(storySource, `/stories/${wordpress.slugs.gutenberg}`);
    const storyDefault = await fetch(
      `${wordpress.url}/wp-json/wp/v2/posts?slug=${wordpress.slugs.gutenberg}&_embed`,
    ).then((r) => r.arrayBuffer());
    console.log(
      [
        'WordPress traffic for one page of 20 cards:',
        `  default /wp/v2/posts?per_page=20: 1 request, ${plain.byteLength} bytes (no author names or images: +N requests)`,
        `  default /wp/v2/posts?per_page=20&_embed: 1 request, ${embedded.byteLength} bytes`,
        `  this source: ${page.requests} request, ${page.bytes} bytes (${Math.round((100 * page.bytes) / embedded.byteLength)}% of _embed)`,
        `  categories (shared, once per TTL): ${categories.requests} request, ${categories.bytes} bytes`,
        `  a story: ${storyTraffic.requests - before.requests} requests (post + related), ${storyTraffic.bytes - before.bytes} bytes` +
          ` (the post alone with the default _embed: ${storyDefault.byteLength} bytes)`,
      ].join('\n'),
    );
    expect(page.requests).toBe(1);
    expect(page.bytes).toBeLessThan(embedded.byteLength * 0.5);
    expect(storyTraffic.requests - before.requests).toBeLessThanOrEqual(2);
  });
});
