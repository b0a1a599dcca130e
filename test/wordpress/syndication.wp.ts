/**
 * Feeds and sitemaps of a real, seeded WordPress: parsed by a feed parser and an XML
 * validator and compared with what the WordPress source answers, counting the requests
 * that reach WordPress (a crawl must not cost one per post, a repeat must cost almost none).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Hono } from 'hono';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFromEnv } from '../../server/content/index.ts';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { createWordPressStoryIndex } from '../../server/content/wordpress/storyIndex.ts';
import { createContentReader } from '../../server/syndication/content.ts';
import { registerSyndication } from '../../server/syndication/routes.ts';
import { feedPageSchema } from '../../src/features/feeds/api/feed';
import { TEST_OPTIONS } from './scenarios.ts';
import { startWordPress, type WordPress } from './wordpress.ts';

const ORIGIN = 'https://reader.example.com';
let wordpress: WordPress;

beforeAll(async () => {
  wordpress = await startWordPress();
});
afterAll(() => wordpress?.stop());

/** Requests that reach WordPress, by REST route. */
function countingFetch(seen: string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(url.searchParams.get('rest_route') ?? url.pathname.replace(/^.*\/wp-json/, ''));
    return fetch(input, init);
  };
}

function reader(options: { now?: () => number; fullContent?: boolean } = {}) {
  const seen: string[] = [];
  let clock = 0;
  const now = options.now ?? (() => clock);
  const settings = { url: wordpress.url, fetch: countingFetch(seen), now, ...TEST_OPTIONS };
  const source = createWordPressSource(settings);
  const app = new Hono();
  registerSyndication(app, {
    reader: createContentReader({
      source,
      timeoutMs: 10_000,
      indexTtlMs: 60_000,
      listAll: createWordPressStoryIndex(settings),
      now,
    }),
    originOf: () => ORIGIN,
    distDir: 'dist',
    fullContent: options.fullContent ?? false,
    allowRobots: true,
    securityTxt: null,
    language: 'en',
    cacheMs: 60_000,
    now,
    headers: {},
  });
  return { app, source, seen, tick: (ms: number) => (clock += ms) };
}

const parser = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('feeds and sitemaps of a real WordPress', () => {
  it('lists the latest posts in RSS and Atom in the order and with the titles the source gives', async () => {
    const { app, source, seen } = reader();
    const response = await source(new Request('http://reader.test/stories?feed=latest&limit=50'));
    const expected = feedPageSchema.parse(await response.json()).items;
    expect(expected.length).toBeGreaterThan(20);
    for (const extension of ['xml', 'atom']) {
      const body = await (await app.request(`/feeds/latest.${extension}`)).text();
      expect(XMLValidator.validate(body)).toBe(true);
      const feed = await parser.parseString(body);
      expect(feed.items.map((item) => item.link)).toEqual(
        expected.map((story) => `${ORIGIN}/article/${encodeURIComponent(story.slug)}`),
      );
      const titles = feed.items.map((item) =>
        extension === 'xml' ? item.title : item.title!.replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
      );
      expect(titles).toEqual(expected.map((story) => story.headline));
    }
    expect(seen.length).toBeGreaterThan(0);
    // Decoded entities and non-Latin headlines arrive as text.
    const rss = await (await app.request('/feeds/latest.xml')).text();
    expect(rss).toContain('<title>What’s next for India’s farmers &amp; lenders</title>');
    expect(rss).toContain('भारत में छतों पर सौर ऊर्जा का तेज़ी से विस्तार');
  });

  it('rebuilds a feed with one request when no post changed', async () => {
    const { app, seen, tick } = reader();
    await app.request('/feeds/latest.xml');
    const first = seen.length;
    tick(61_000);
    await app.request('/feeds/latest.atom');
    // The WordPress source's own cache (30 s) has expired too: one list request, no post read again.
    expect(seen.length - first).toBeLessThanOrEqual(2);
    expect(seen.slice(first).every((route) => route === '/wp/v2/posts' || route === '/wp/v2/categories')).toBe(true);
  });

  it('leaves the full body out by default on WordPress, and puts it in when the setting is on', async () => {
    expect(
      contentFromEnv({ CONTENT_SOURCE: 'wordpress', WORDPRESS_URL: wordpress.url }, 5000).fullContentByDefault,
    ).toBe(false);
    const off = await (await reader().app.request('/feeds/latest.xml')).text();
    expect(off).not.toContain('<content:encoded>');
    const on = await (await reader({ fullContent: true }).app.request('/feeds/latest.xml')).text();
    expect(XMLValidator.validate(on)).toBe(true);
    const item = (await parser.parseString(on)).items.find((entry) => entry.link?.endsWith(wordpress.slugs.entities!))!;
    expect(item['content:encoded' as keyof typeof item]).toMatch(/^<p>Lenders say the monsoon.* late arrival/);
  });

  it('lists every post in the sitemap with a hundred posts per request, and a repeat crawl costs none', async () => {
    const { app, seen, tick } = reader();
    const index = await (await app.request('/sitemap.xml')).text();
    expect(XMLValidator.validate(index)).toBe(true);
    const page = await (await app.request('/sitemaps/stories-1.xml')).text();
    expect(XMLValidator.validate(page)).toBe(true);
    const urls = xml.parse(page).urlset.url as { loc: string; lastmod: string }[];
    const posts = (await (
      await fetch(`${wordpress.url}/wp-json/wp/v2/posts?per_page=1&_fields=id`)
    ).headers.get('x-wp-total'))!;
    // Every published post but the password-protected one: it has nothing to read.
    expect(urls).toHaveLength(Number(posts) - 1);
    expect(urls.map((url) => url.loc)).not.toContain(`${ORIGIN}/article/members-only-protected`);
    expect(urls.map((url) => url.loc)).toContain(`${ORIGIN}/article/${wordpress.slugs.entities}`);
    expect(urls.every((url) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(url.lastmod))).toBe(true);
    const postRequests = seen.filter((route) => route === '/wp/v2/posts').length;
    expect(postRequests).toBe(Math.ceil(Number(posts) / 100));
    const before = seen.length;
    await app.request('/sitemap.xml');
    await app.request('/sitemaps/stories-1.xml');
    expect(seen.length).toBe(before);
    // Past the list's lifetime: only what changed since the newest post seen is asked for.
    tick(16 * 60_000);
    await app.request('/sitemaps/stories-1.xml');
    expect(seen.length - before).toBe(1);
  });

  it("lists the last 48 hours' posts in the news sitemap with the news fields", async () => {
    const { app } = reader({ now: () => Date.now() });
    const body = await (await app.request('/sitemaps/news.xml')).text();
    expect(XMLValidator.validate(body)).toBe(true);
    const urls = xml.parse(body).urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls.map((url) => url.loc)).toContain(`${ORIGIN}/article/${wordpress.slugs.entities}`);
    // The seeded briefings are four days old and more.
    expect(urls.some((url) => url.loc.includes('/briefing-'))).toBe(false);
    for (const url of urls) {
      const news = url['news:news'] as {
        'news:publication': Record<string, string>;
        'news:publication_date': string;
        'news:title': string;
      };
      expect(news['news:publication']).toEqual({ 'news:name': 'Devdiscourse Reader', 'news:language': 'en' });
      expect(Date.now() - Date.parse(news['news:publication_date'])).toBeLessThanOrEqual(48 * 3600_000);
      expect(news['news:title']).toBeTruthy();
    }
  });
});
