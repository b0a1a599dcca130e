// @vitest-environment node
/**
 * Feeds and sitemaps as their readers see them: every feed parsed by a real feed parser
 * (rss-parser) and compared with the content API's own answers, sitemaps checked with an
 * XML validator and against the protocol's and Google News's rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Hono } from 'hono';
import { JSDOM } from 'jsdom';
import { getResponse } from 'msw';
import { imageSize } from 'image-size';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../mocks/api';
import { createDb, toCard, type StoryFixture } from '../mocks/db';
import { mockData } from '../mocks/fixtures';
import type { ContentSource } from '../server/content/types';
import { createContentReader, type StoryIndexEntry } from '../server/syndication/content';
import { registerSyndication, type SyndicationOptions } from '../server/syndication/routes';
import { cardVersion, shareImage } from '../src/features/article/articleHead';
import type { StoryCard } from '../src/lib/api/schemas';

const ORIGIN = 'https://news.example.com';
const HOSTILE_HEADLINE = 'Bonds & "yields" &amp; ]]> <script>alert(1)</script> ]]> end';

function hostileStory(base: StoryFixture): StoryFixture {
  return {
    ...base,
    slug: 'hostile-headline-story',
    headline: `${HOSTILE_HEADLINE}\u0001\u000b`,
    summary: 'Summary with <b>tags</b> & ]]> inside',
    publishedAt: '2026-12-31T23:00:00+00:00',
    updatedAt: '2026-12-31T23:30:00+00:00',
    tags: ['A&B', '<script>'],
    body: [
      { type: 'paragraph', text: 'Body text with ]]> and <em>markup</em> as text.' },
      // An attribute keeps `>` as is in HTML: the one place a `]]>` reaches the feed's CDATA.
      { type: 'image', src: '/mock-images/energy-solar.jpg', alt: 'alt ]]> one ]]> two', width: 1200, height: 675 },
    ],
  };
}

const firstNews = mockData.stories.find((story) => story.kind === 'news' && story.sector)!;
const stories = [...mockData.stories, hostileStory(firstNews)];
const db = createDb({ ...mockData, stories });
const handlers = createApiHandlers(db);

function countingSource() {
  const counter = { requests: 0 };
  const source: ContentSource = async (request) => {
    counter.requests++;
    return (await getResponse(handlers, request)) ?? Response.json({}, { status: 404 });
  };
  return { source, counter };
}

function server(
  options: { fullContent?: boolean; now?: () => number; listAll?: () => Promise<StoryIndexEntry[]> } = {},
) {
  const { source, counter } = countingSource();
  const app = new Hono();
  registerSyndication(app, {
    reader: createContentReader({
      source,
      timeoutMs: 5000,
      indexTtlMs: 60_000,
      listAll: options.listAll,
      now: options.now,
    }),
    originOf: () => ORIGIN,
    distDir: path.resolve('public'),
    fullContent: options.fullContent ?? false,
    allowRobots: true,
    securityTxt: 'Contact: mailto:security@example.com\n',
    language: 'en',
    cacheMs: 60_000,
    now: options.now,
    headers: {},
  });
  return { app, counter };
}

/** The settings every test here starts from: no full text, robots allowed, nothing cached, no security.txt. */
function settings(reader: SyndicationOptions['reader'], more: Partial<SyndicationOptions> = {}): SyndicationOptions {
  return {
    reader,
    originOf: () => ORIGIN,
    distDir: 'public',
    fullContent: false,
    allowRobots: true,
    securityTxt: null,
    language: 'en',
    cacheMs: 0,
    headers: {},
    ...more,
  };
}

async function apiFeed(query: string): Promise<StoryCard[]> {
  const response = await getResponse(handlers, new Request(`http://api.invalid/stories?${query}&limit=50`));
  return ((await response!.json()) as { items: StoryCard[] }).items;
}

const parser = new Parser({
  customFields: { item: [['media:content', 'media'], ['dc:creator', 'creator'], 'updated', 'id'] },
});
const storyUrl = (slug: string) => `${ORIGIN}/article/${slug}`;
/** rss-parser gives a category with attributes as { _: text, $: attributes }. */
const names = (categories: unknown[] | undefined) =>
  (categories ?? []).map((category) => (typeof category === 'string' ? category : (category as { _: string })._));
// eslint-disable-next-line no-control-regex -- what the feeds must have removed
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const taxonomy = db.taxonomy();
const FEEDS: { path: string; query: string }[] = [
  { path: '/feeds/latest', query: 'feed=latest' },
  { path: '/feeds/opinion', query: 'feed=opinion' },
  { path: '/feeds/devshots', query: 'feed=devshots' },
  ...taxonomy.sectors.map((term) => ({ path: `/feeds/sector/${term.slug}`, query: `feed=latest&sector=${term.slug}` })),
  ...taxonomy.editions.map((term) => ({
    path: `/feeds/edition/${term.slug}`,
    query: `feed=latest&edition=${term.slug}`,
  })),
];

describe('feeds', () => {
  const { app } = server();

  it.each(FEEDS)(
    "$path in RSS, Atom and JSON Feed lists the API's stories in order",
    async ({ path: feedPath, query }) => {
      const expected = await apiFeed(query);
      for (const extension of ['xml', 'atom'] as const) {
        const response = await app.request(`${feedPath}.${extension}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(
          extension === 'xml' ? /application\/rss\+xml/ : /application\/atom\+xml/,
        );
        const xml = await response.text();
        expect(XMLValidator.validate(xml)).toBe(true);
        const feed = await parser.parseString(xml);
        expect(feed.items.map((item) => item.link)).toEqual(expected.map((story) => storyUrl(story.slug)));
        // Atom titles are type="html": the text is the title once its HTML is decoded.
        const titles = feed.items.map((item) => (extension === 'xml' ? item.title : decodeHtml(item.title!)));
        expect(titles).toEqual(expected.map((story) => clean(story.headline)));
        for (const [index, item] of feed.items.entries()) {
          const story = expected[index]!;
          expect(Date.parse(item.isoDate!)).toBe(Date.parse(story.publishedAt));
          if (extension === 'atom')
            expect(Date.parse((item as { updated?: string }).updated!)).toBe(Date.parse(story.updatedAt));
          if (extension === 'xml') {
            expect(names(item.categories)).toEqual(
              expect.arrayContaining([story.edition.name, ...(story.sector ? [story.sector.name] : [])]),
            );
            expect(item.guid).toBe(storyUrl(story.slug));
            const categories = names(item.categories).map((name) => name.toLowerCase());
            expect(new Set(categories).size).toBe(categories.length);
          } else {
            expect(item.id).toBe(storyUrl(story.slug));
          }
        }
      }
      const json = (await (await app.request(`${feedPath}.json`)).json()) as {
        items: { url: string; title: string }[];
      };
      expect(json.items.map((item) => item.url)).toEqual(expected.map((story) => storyUrl(story.slug)));
    },
  );

  it('keeps a hostile headline as text in every format, without control characters', async () => {
    for (const extension of ['xml', 'atom'] as const) {
      const xml = await (await app.request(`/feeds/latest.${extension}`)).text();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain('\u0001');
      const feed = await parser.parseString(xml);
      const item = feed.items.find((entry) => entry.link === storyUrl('hostile-headline-story'))!;
      const title = extension === 'xml' ? item.title : decodeHtml(item.title!);
      expect(title).toBe(HOSTILE_HEADLINE);
    }
    const rss = await parser.parseString(await (await app.request('/feeds/latest.xml')).text());
    const item = rss.items.find((entry) => entry.link === storyUrl('hostile-headline-story'))!;
    expect(names(item.categories)).toEqual(expect.arrayContaining(['A&B', '<script>']));
    expect(decodeHtml(item.content!)).toBe('Summary with <b>tags</b> & ]]> inside');
    const json = (await (await app.request('/feeds/latest.json')).json()) as {
      items: { title: string; summary: string }[];
    };
    expect(json.items[0]!.title).toBe(HOSTILE_HEADLINE);
    expect(json.items[0]!.summary).toBe('Summary with <b>tags</b> & ]]> inside');
  });

  it('carries the lead picture with its type, size in bytes and dimensions', async () => {
    const xml = await (await app.request('/feeds/latest.xml')).text();
    const feed = await parser.parseString(xml);
    const expected = await apiFeed('feed=latest');
    const withImage = expected.find((story) => story.image)!;
    const item = feed.items.find((entry) => entry.link === storyUrl(withImage.slug))! as Parser.Item & {
      media: { $: Record<string, string> };
    };
    const file = path.join('public', withImage.image!.src);
    expect(item.enclosure).toEqual({
      url: `${ORIGIN}${withImage.image!.src}`,
      type: withImage.image!.src.endsWith('.svg') ? 'image/svg+xml' : expect.stringMatching(/^image\/(png|jpeg)$/),
      length: String(readFileSync(file).length),
    });
    expect(item.media.$).toMatchObject({
      url: `${ORIGIN}${withImage.image!.src}`,
      medium: 'image',
      width: String(withImage.image!.width),
      height: String(withImage.image!.height),
      fileSize: String(readFileSync(file).length),
    });
  });

  it('has the full body only when the setting is on', async () => {
    const off = await parser.parseString(await (await server().app.request('/feeds/latest.xml')).text());
    expect(off.items.every((item) => item['content:encoded' as keyof typeof item] === undefined)).toBe(true);
    const onXml = await (await server({ fullContent: true }).app.request('/feeds/latest.xml')).text();
    expect(XMLValidator.validate(onXml)).toBe(true);
    const on = await parser.parseString(onXml);
    const hostile = on.items.find((entry) => entry.link === storyUrl('hostile-headline-story'))!;
    const encoded = hostile['content:encoded' as keyof typeof hostile] as string;
    expect(encoded).toMatch(/^<p>Body text with \]\]&gt; and &lt;em&gt;markup&lt;\/em&gt; as text.<\/p>/);
    const alt = new JSDOM(encoded).window.document.querySelector('img')!;
    expect([alt.getAttribute('alt'), alt.getAttribute('src')]).toEqual([
      'alt ]]> one ]]> two',
      `${ORIGIN}/mock-images/energy-solar.jpg`,
    ]);
    const atom = await parser.parseString(
      await (await server({ fullContent: true }).app.request('/feeds/latest.atom')).text(),
    );
    expect(atom.items.find((entry) => entry.id === storyUrl('hostile-headline-story'))!.content).toContain(
      'Body text with',
    );
    // Relative picture addresses in a body become absolute: the reader shows them on another site.
    expect(onXml).not.toMatch(/src="\/mock-images/);
  });

  it('answers 304 to a reader that has the current copy, with CDN-friendly caching', async () => {
    const first = await app.request('/feeds/latest.xml');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(first.headers.get('cache-control')).toMatch(/public.*s-maxage=\d+/);
    expect(new Date(lastModified).toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect((await app.request('/feeds/latest.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await app.request('/feeds/latest.xml', { headers: { 'if-modified-since': lastModified } })).status).toBe(
      304,
    );
    expect((await app.request('/feeds/latest.xml', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('compresses for readers that accept it, the same bytes underneath', async () => {
    const plain = await (await app.request('/feeds/latest.atom')).text();
    for (const [accepted, encoding, decode] of [
      ['br, deflate', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['br;q=0, gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await app.request('/feeds/latest.atom', { headers: { 'accept-encoding': accepted } });
      expect([response.headers.get('content-encoding'), response.headers.get('vary')]).toEqual([
        encoding,
        'Accept-Encoding',
      ]);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBeLessThan(plain.length / 4);
      expect(decode(bytes).toString('utf8')).toBe(plain);
    }
  });

  it('caps a feed at the newest 50 and asks the source again only for changed stories', async () => {
    const many = Array.from({ length: 70 }, (_, index) => ({
      ...firstNews,
      slug: `story-${index}`,
      headline: `Story ${index}`,
      publishedAt: new Date(Date.UTC(2026, 5, 1) - index * 60_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 5, 1) - index * 60_000).toISOString(),
    }));
    const big = createApiHandlers(createDb({ ...mockData, stories: many }));
    let requests = 0;
    const source: ContentSource = async (request) => {
      requests++;
      return (await getResponse(big, request))!;
    };
    let clock = 0;
    const app = new Hono();
    const reader = createContentReader({ source, timeoutMs: 5000, indexTtlMs: 0 });
    registerSyndication(app, settings(reader, { cacheMs: 1000, now: () => clock }));
    const feed = await parser.parseString(await (await app.request('/feeds/latest.xml')).text());
    expect(feed.items).toHaveLength(50);
    expect(feed.items[0]!.title).toBe('Story 0');
    expect(requests).toBe(1 + 50);
    clock = 2000;
    await app.request('/feeds/latest.atom');
    // The list again, and no story: none changed.
    expect(requests).toBe(1 + 50 + 1);
  });

  it('answers 404 for an unknown sector, edition or feed', async () => {
    expect((await app.request('/feeds/sector/no-such-sector.xml')).status).toBe(404);
    expect((await app.request('/feeds/edition/no-such-edition.atom')).status).toBe(404);
    expect((await app.request('/feeds/trending.rdf')).status).toBe(404);
  });

  it('leaves /feeds, the page listing the feeds, to the pages', async () => {
    const { app: fresh } = server();
    fresh.get('*', (c) => c.text('page'));
    expect(await (await fresh.request('/feeds')).text()).toBe('page');
  });
});

function decodeHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('sitemaps and robots.txt', () => {
  it('indexes paged story sitemaps holding every story with its lastmod, and the pages', async () => {
    const { app, counter } = server();
    const index = await (await app.request('/sitemap.xml')).text();
    expect(XMLValidator.validate(index)).toBe(true);
    const locs = (xml.parse(index).sitemapindex.sitemap as { loc: string }[]).map((entry) => entry.loc);
    expect(locs).toEqual([
      `${ORIGIN}/sitemaps/stories-1.xml`,
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/news.xml`,
    ]);
    const requestsForIndex = counter.requests;
    const page = await (await app.request('/sitemaps/stories-1.xml')).text();
    expect(XMLValidator.validate(page)).toBe(true);
    // The story list is reused: the page costs no new request to the source.
    expect(counter.requests).toBe(requestsForIndex);
    const urls = xml.parse(page).urlset.url as { loc: string; lastmod: string }[];
    expect(urls.map((url) => url.loc).sort()).toEqual(stories.map((story) => storyUrl(story.slug)).sort());
    for (const url of urls) {
      const story = stories.find((candidate) => storyUrl(candidate.slug) === url.loc)!;
      expect(Date.parse(url.lastmod)).toBe(Date.parse(story.updatedAt));
    }
    const pages = xml.parse(await (await app.request('/sitemaps/pages.xml')).text()).urlset.url as { loc: string }[];
    expect(pages.map((url) => url.loc)).toEqual(
      expect.arrayContaining([
        `${ORIGIN}/`,
        `${ORIGIN}/feeds`,
        `${ORIGIN}/sector/${taxonomy.sectors[0]!.slug}`,
        `${ORIGIN}/edition/${taxonomy.editions[0]!.slug}`,
      ]),
    );
    expect((await app.request('/sitemaps/stories-2.xml')).status).toBe(404);
  });

  it('splits the stories into files of 50,000 at most', async () => {
    const entries = Array.from({ length: 50_001 }, (_, index) => ({
      slug: `s-${index}`,
      headline: `S ${index}`,
      publishedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }));
    const { app } = server({ listAll: async () => entries });
    const locs = xml
      .parse(await (await app.request('/sitemap.xml')).text())
      .sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(locs.slice(0, 2)).toEqual([`${ORIGIN}/sitemaps/stories-1.xml`, `${ORIGIN}/sitemaps/stories-2.xml`]);
    const first = xml.parse(await (await app.request('/sitemaps/stories-1.xml')).text()).urlset.url;
    const second = xml.parse(await (await app.request('/sitemaps/stories-2.xml')).text()).urlset.url;
    expect([first.length, second.length]).toEqual([50_000, 1]);
  });

  it('lists in the news sitemap only the last 48 hours, newest first, with the required news fields', async () => {
    const now = Date.parse('2027-01-01T12:00:00Z');
    const { app } = server({ now: () => now });
    const body = await (await app.request('/sitemaps/news.xml')).text();
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const urls = xml.parse(body).urlset.url as {
      loc: string;
      'news:news': {
        'news:publication': { 'news:name': string; 'news:language': string };
        'news:publication_date': string;
        'news:title': string;
      };
    }[];
    const fresh = stories.filter((story) => now - Date.parse(story.publishedAt) <= 48 * 3600_000);
    expect(fresh.length).toBeGreaterThan(0);
    expect(urls.map((url) => url.loc)).toEqual(fresh.map((story) => storyUrl(story.slug)));
    for (const url of urls) {
      expect(url['news:news']['news:publication']).toEqual({
        'news:name': 'Devdiscourse Reader',
        'news:language': 'en',
      });
      expect(now - Date.parse(url['news:news']['news:publication_date'])).toBeLessThanOrEqual(48 * 3600_000);
      expect(url['news:news']['news:title']).toBe(HOSTILE_HEADLINE);
    }
  });

  it('holds the news sitemap to 1,000 stories', async () => {
    const now = Date.parse('2026-06-02T00:00:00Z');
    const many = Array.from({ length: 1200 }, (_, index) => ({
      ...firstNews,
      slug: `fresh-${index}`,
      publishedAt: new Date(now - index * 60_000).toISOString(),
      updatedAt: new Date(now - index * 60_000).toISOString(),
    }));
    const big = createApiHandlers(createDb({ ...mockData, stories: many }));
    const app = new Hono();
    const reader = createContentReader({
      source: async (r) => (await getResponse(big, r))!,
      timeoutMs: 5000,
      indexTtlMs: 0,
    });
    registerSyndication(app, settings(reader, { now: () => now }));
    const urls = xml.parse(await (await app.request('/sitemaps/news.xml')).text()).urlset.url as { loc: string }[];
    expect(urls).toHaveLength(1000);
    expect(urls[0]!.loc).toBe(storyUrl('fresh-0'));
  });

  it('names the sitemaps in robots.txt, and serves security.txt from its setting', async () => {
    const { app } = server();
    const robots = await (await app.request('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemaps/news.xml`);
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(await (await app.request('/.well-known/security.txt')).text()).toBe(
      'Contact: mailto:security@example.com\n',
    );
    const staging = new Hono();
    registerSyndication(
      staging,
      settings(createContentReader({ source: countingSource().source, timeoutMs: 5000, indexTtlMs: 0 }), {
        allowRobots: false,
      }),
    );
    expect(await (await staging.request('/robots.txt')).text()).toBe('User-agent: *\nDisallow: /\n');
    expect((await staging.request('/.well-known/security.txt')).status).toBe(404);
  });
});

describe('share cards', () => {
  it('draws a 1200×630 PNG per story version, and draws it again when the story changes', async () => {
    const story = { ...firstNews, slug: 'card-story', updatedAt: '2026-03-01T10:00:00Z' };
    const cardSource: ContentSource = async (request) => {
      const current = createApiHandlers(createDb({ ...mockData, stories: [story] }));
      return (await getResponse(current, request))!;
    };
    const app = new Hono();
    registerSyndication(app, settings(createContentReader({ source: cardSource, timeoutMs: 5000, indexTtlMs: 0 })));
    const first = await app.request(`/cards/card-story.png?v=${cardVersion(story.updatedAt)}`);
    expect([first.status, first.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const size = imageSize(new Uint8Array(await first.arrayBuffer()));
    expect([size.type, size.width, size.height]).toEqual(['png', 1200, 630]);
    const oldVersion = cardVersion(story.updatedAt);
    story.updatedAt = '2026-03-02T10:00:00Z';
    story.headline = 'A new headline';
    const stale = await app.request(`/cards/card-story.png?v=${oldVersion}`);
    // An old address gets the new card, but no cache keeps it for good.
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
    expect(stale.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect((await app.request('/cards/no-such-story.png')).status).toBe(404);
  });

  it("uses a story's own picture only when it is a raster of 1200×630 or more", () => {
    const base = { ...toCard(firstNews), body: [], syndicated: false, tags: [], related: [], versions: [] };
    const image = (src: string, width: number, height: number) => ({ src, alt: 'A', width, height });
    expect(shareImage({ ...base, image: image('/a.jpg', 1200, 675) })).toMatchObject({
      src: '/a.jpg',
      type: 'image/jpeg',
    });
    expect(shareImage({ ...base, image: image('/a.webp?w=2', 1600, 900) })).toMatchObject({ type: 'image/webp' });
    for (const picture of [image('/a.svg', 1200, 675), image('/a.png', 800, 450), image('/a.jpg', 1200, 600), null]) {
      expect(shareImage({ ...base, image: picture })).toMatchObject({
        src: `/cards/${base.slug}.png?v=${cardVersion(base.updatedAt)}`,
        width: 1200,
        height: 630,
        type: 'image/png',
        alt: base.headline,
      });
    }
  });
});
