/**
 * What other sites and programs get from the production server (`npm start`): link
 * previews read by an Open Graph scraper (open-graph-scraper) whose pictures must be
 * rasters of at least 1200×630 that load, feeds found from a page's head and the footer's
 * RSS link and read by a feed parser (rss-parser), and the small files crawlers ask for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import ogs from 'open-graph-scraper';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/server.ts';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';

interface Fixture {
  slug: string;
  headline: string;
  updatedAt: string;
  image: { src: string; alt: string; width: number; height: number } | null;
}
const fixture = (slug: string) =>
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'mocks/stories', `${slug}.json`), 'utf8')) as Fixture;

const RASTER = fixture('ethiopia-expands-irrigated-wheat-scheme-to-cut-import-bill');
const SVG = fixture('update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app');
const SMALL_RASTER = fixture('nigerias-central-bank-holds-rates-as-inflation-eases-for-fourth-month');
const NO_PICTURE = fixture('a-public-health-veteran-on-rebuilding-trust-in-vaccines');

let server: ProductionServer;
beforeAll(async () => {
  server = await startProductionServer({
    SITE_LOCALE: 'en_IN',
    TWITTER_SITE: '@devdiscourse',
    SECURITY_CONTACT: 'mailto:security@example.com',
  });
});
afterAll(async () => {
  await server?.close();
});

/** The preview a network builds: the scraper's reading of the page, and the picture's own bytes. */
async function preview(pagePath: string) {
  const { result, error } = await ogs({ url: `${server.url}${pagePath}`, timeout: 10 });
  expect(error).toBe(false);
  const image = result.ogImage?.[0];
  expect(image?.url).toBeTruthy();
  const response = await fetch(new URL(image!.url, server.url));
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { result, image: image!, response, size: imageSize(bytes), bytes };
}

function expectShareable(size: { width: number; height: number; type?: string }) {
  expect(['jpg', 'png']).toContain(size.type);
  expect(size.width).toBeGreaterThanOrEqual(1200);
  expect(size.height).toBeGreaterThanOrEqual(630);
}

describe('share cards as an Open Graph scraper reads them', () => {
  it("shows a story's own raster picture when it is large enough, with its size, type and alt", async () => {
    const { result, image, size, response } = await preview(`/article/${RASTER.slug}`);
    expect(image.url).toBe(`${server.url}${RASTER.image!.src}`);
    expect([image.width, image.height, image.type]).toEqual([
      String(RASTER.image!.width),
      String(RASTER.image!.height),
      'image/jpeg',
    ]);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expectShareable(size);
    expect([size.width, size.height]).toEqual([RASTER.image!.width, RASTER.image!.height]);
    expect(result.twitterImage?.[0]?.url).toBe(image.url);
    expect(result.twitterImage?.[0]?.alt).toBe(RASTER.image!.alt);
    expect(result.ogLocale).toBe('en_IN');
    expect(result.twitterSite).toBe('@devdiscourse');
  });

  it.each([
    ['an SVG picture', SVG],
    ['a raster picture under 1200×630', SMALL_RASTER],
    ['no picture', NO_PICTURE],
  ])('draws a 1200×630 PNG card for a story with %s, cached until the story changes', async (_what, story) => {
    const { result, image, size, response, bytes } = await preview(`/article/${story.slug}`);
    expect(image.url).toMatch(new RegExp(`/cards/${story.slug}\\.png\\?v=[0-9a-z]+$`));
    expect([image.width, image.height, image.type]).toEqual(['1200', '630', 'image/png']);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectShareable(size);
    expect([size.width, size.height]).toEqual([1200, 630]);
    expect(result.twitterImage?.[0]?.url).toBe(image.url);
    expect(result.twitterImage?.[0]?.alt).toBe(story.headline);
    const again = new Uint8Array(await (await fetch(image.url)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it("gives every other page the site's 1200×630 card", async () => {
    const { image, size } = await preview('/latest');
    expect(image.url).toBe(`${server.url}/icons/share-card.png`);
    expectShareable(size);
  });

  it('keeps the pictures within the page CSP: cards come from the site itself', async () => {
    const response = await fetch(`${server.url}/article/${SVG.slug}`);
    expect(response.headers.get('content-security-policy')).toMatch(/img-src 'self'/);
  });
});

const parser = new Parser();

describe('feeds a reader finds and subscribes to', () => {
  it("finds each page's own feed in its head, and the feed's stories open", async () => {
    const html = await (await fetch(`${server.url}/sector/agriculture`)).text();
    const href = /<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBe(`${server.url}/feeds/sector/agriculture.xml`);
    const response = await fetch(href!);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const feed = await parser.parseString(await response.text());
    expect(feed.items.length).toBeGreaterThan(0);
    const first = feed.items[0]!;
    const story = await fetch(first.link!);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain(`>${first.title}</h1>`);
  });

  it("follows the footer band's RSS link to a page listing every feed, each one valid", async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toMatch(/<a[^>]+href="\/feeds"[^>]*>RSS<\/a>/);
    const list = await (await fetch(`${server.url}/feeds`)).text();
    const links = [...list.matchAll(/href="(\/feeds\/[^"]+\.(?:xml|atom))"/g)].map((match) => match[1]!);
    expect(links).toContain('/feeds/latest.xml');
    expect(links).toContain('/feeds/sector/agriculture.atom');
    for (const link of links) {
      const response = await fetch(`${server.url}${link}`);
      expect(response.status, link).toBe(200);
      const feed = await parser.parseString(await response.text());
      expect(feed.title, link).toMatch(/\| Devdiscourse Reader$/);
    }
    // An old address a reader may have subscribed to.
    const old = await fetch(`${server.url}/rss.xml`, { redirect: 'manual' });
    expect([old.status, old.headers.get('location')]).toEqual([301, '/feeds/latest.xml']);
  });
});

describe('small files answer small', () => {
  it('serves /favicon.ico as an icon', async () => {
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(imageSize(new Uint8Array(await response.arrayBuffer())).type).toBe('ico');
  });

  it.each(['/missing.png', '/nothing-here.txt', '/old/sitemap_index.xml', '/wp-login.php'])(
    'answers %s with a short 404, not the app',
    async (missing) => {
      const response = await fetch(`${server.url}${missing}`);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body.length).toBeLessThan(100);
      expect(body).not.toContain('<div id="root">');
    },
  );

  it('answers robots.txt, the sitemap index and security.txt', async () => {
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    const index = await fetch(`${server.url}/sitemap.xml`);
    expect([index.status, index.headers.get('content-type')]).toEqual([200, 'application/xml; charset=utf-8']);
    expect(await index.text()).toContain(`<loc>${server.url}/sitemaps/stories-1.xml</loc>`);
    const security = await (await fetch(`${server.url}/.well-known/security.txt`)).text();
    expect(security).toMatch(/^Contact: mailto:security@example.com\nExpires: \d{4}-/);
  });
});
