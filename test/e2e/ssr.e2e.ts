/**
 * The production server (`npm start`): what link previews, search engines and readers
 * with JavaScript off get (HTTP level), and what a browser does with it (hydration
 * without a flash, a shift or a second request; client-side navigation; no console
 * error or CSP violation). Hostile stories come from a small upstream API of the
 * test's own, so every field's escaping is checked where it lands.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/server.ts';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import type { Page } from 'playwright-core';
import { browserForFile, layoutShifts, openPage, poll, serverForFile, waitForSettled } from './browser.ts';

/** The app has taken over once its entry has run and React owns #root; then nothing loads and the fonts are in. */
async function hydrated(page: Page): Promise<void> {
  await poll(() =>
    page.evaluate(() => Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__react'))),
  ).toBe(true);
  await waitForSettled(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const REFERENCE = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const story = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'mocks/stories', `${REFERENCE}.json`), 'utf8')) as {
  headline: string;
  summary: string;
  publishedAt: string;
  updatedAt: string;
  sector: { name: string; slug: string };
  tags: string[];
  source: string;
  image: { src: string; width: number; height: number };
  body: { type: string; text?: string }[];
};
const CRAWLERS = {
  facebook: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  twitter: 'Twitterbot/1.0',
  whatsapp: 'WhatsApp/2.23.20.0 A',
  slack: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
};

/** A tiny HTML reader for the head: enough to check tags without a DOM library. */
function metaContent(html: string, key: 'name' | 'property', name: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(/<meta ([^>]*)>/g)) {
    const attributes = match[1]!;
    if (!attributes.includes(`${key}="${name}"`)) continue;
    const content = /content="([^"]*)"/.exec(attributes)?.[1];
    if (content !== undefined) values.push(decode(content));
  }
  return values;
}
function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
}
/** A GET as it goes over the wire: the status line, headers and compressed body, counted in bytes. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string>; bytes: number }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n\r\n`.length;
      for (let i = 0; i < response.rawHeaders.length; i += 2) {
        bytes += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length;
      }
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers as Record<string, string>, bytes }),
      );
    }).on('error', reject);
  });
}
const titleOf = (html: string) => decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');

let server: ProductionServer;
beforeAll(async () => {
  server = await startProductionServer({ SITE_URL: 'https://news.example.com' });
});
afterAll(async () => {
  await server?.close();
});

describe('pages as crawlers and readers without JavaScript get them', () => {
  it('an article carries its own title, description, canonical, Open Graph, Twitter card and JSON-LD', async () => {
    const response = await fetch(`${server.url}/article/${REFERENCE}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const canonical = `https://news.example.com/article/${REFERENCE}`;
    expect(titleOf(html)).toBe(`${story.headline} | Devdiscourse Reader`);
    expect(metaContent(html, 'name', 'description')).toEqual([story.summary]);
    expect(html).toContain(`<link rel="canonical" href="${canonical}"`);
    expect(metaContent(html, 'property', 'og:type')).toEqual(['article']);
    expect(metaContent(html, 'property', 'og:title')).toEqual([story.headline]);
    expect(metaContent(html, 'property', 'og:url')).toEqual([canonical]);
    // Its picture is SVG, which networks do not show: the preview is the card the server draws.
    const card = `https://news.example.com/cards/${REFERENCE}.png?v=${Date.parse(story.updatedAt).toString(36)}`;
    expect(metaContent(html, 'property', 'og:image')).toEqual([card]);
    expect(metaContent(html, 'property', 'og:image:width')).toEqual(['1200']);
    expect(metaContent(html, 'property', 'og:image:height')).toEqual(['630']);
    expect(metaContent(html, 'property', 'og:image:type')).toEqual(['image/png']);
    expect(metaContent(html, 'name', 'twitter:image')).toEqual([card]);
    expect(metaContent(html, 'name', 'twitter:image:alt')).toEqual([story.headline]);
    expect(metaContent(html, 'property', 'og:site_name')).toEqual(['Devdiscourse Reader']);
    expect(metaContent(html, 'property', 'article:published_time')).toEqual([story.publishedAt]);
    expect(metaContent(html, 'property', 'article:modified_time')).toEqual([story.updatedAt]);
    expect(metaContent(html, 'property', 'article:section')).toEqual([story.sector.name]);
    expect(metaContent(html, 'property', 'article:tag')).toEqual(story.tags);
    expect(metaContent(html, 'name', 'twitter:card')).toEqual(['summary_large_image']);

    const [article, breadcrumb] = jsonLd(html);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: story.headline,
      description: story.summary,
      image: [card, `https://news.example.com${story.image.src}`],
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      author: { name: story.source },
      publisher: { '@type': 'Organization', logo: { '@type': 'ImageObject' } },
      mainEntityOfPage: { '@id': canonical },
    });
    expect(breadcrumb).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Home', item: 'https://news.example.com/' },
        { position: 2, name: story.sector.name, item: `https://news.example.com/sector/${story.sector.slug}` },
        { position: 3, name: story.headline, item: canonical },
      ],
    });
  });

  it('the article body, byline line and tags are in the HTML itself', async () => {
    const html = await (await fetch(`${server.url}/article/${REFERENCE}`)).text();
    const body = html.slice(html.indexOf('<div id="root">'));
    expect(body).toContain(`>${story.headline}</h1>`);
    const firstParagraph = story.body.find((block) => block.type === 'paragraph')!.text!;
    expect(decode(body)).toContain(firstParagraph);
    for (const tag of story.tags) expect(decode(body)).toContain(tag);
    expect(body).toContain('Trending');
  });

  it('crawlers get the same card whatever their user agent', async () => {
    for (const [name, agent] of Object.entries(CRAWLERS)) {
      const response = await fetch(`${server.url}/article/${REFERENCE}`, { headers: { 'user-agent': agent } });
      expect(response.status, name).toBe(200);
      const html = await response.text();
      expect(metaContent(html, 'property', 'og:title'), name).toEqual([story.headline]);
      expect(jsonLd(html)[0]?.['@type'], name).toBe('NewsArticle');
    }
  });

  it('home has a WebSite with a SearchAction; feeds, sectors, search and saved their own titles', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(titleOf(home)).toBe('Devdiscourse Reader');
    expect(jsonLd(home)[0]).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'https://news.example.com/search?q={search_term_string}' },
      },
    });
    const pages: [string, string][] = [
      ['/latest', 'Latest News'],
      ['/sector/technology', 'Technology'],
      ['/edition/global', 'Global'],
      ['/search?q=WhatsApp', 'Search: WhatsApp'],
      ['/saved', 'Saved stories'],
    ];
    for (const [address, title] of pages) {
      const response = await fetch(`${server.url}${address}`);
      expect(response.status, address).toBe(200);
      const html = await response.text();
      expect(titleOf(html), address).toBe(`${title} | Devdiscourse Reader`);
      expect(html, address).toContain(`<link rel="canonical" href="https://news.example.com${address.split('?')[0]}"`);
    }
    const search = await (await fetch(`${server.url}/search?q=WhatsApp`)).text();
    expect(search).toContain(story.headline);
  });

  it('an unknown story, sector, edition or address answers 404 with the not-found page', async () => {
    for (const address of ['/article/no-such-story', '/sector/no-such-sector', '/edition/nowhere', '/no/such/page']) {
      const response = await fetch(`${server.url}${address}`);
      expect(response.status, address).toBe(404);
      expect(await response.text(), address).toMatch(/not found|could not find/i);
    }
  });

  it('hostile addresses and methods get 4xx, and the server keeps answering', async () => {
    const hostile = [
      '/article/%E0%A4%A',
      '/..%2f..%2fetc%2fpasswd',
      '/%00',
      '/article/a%00b',
      `/search?q=${'x'.repeat(12 * 1024)}`,
    ];
    for (const address of hostile) {
      const response = await fetch(`${server.url}${address}`);
      expect(response.status, address).toBeGreaterThanOrEqual(400);
      expect(response.status, address).toBeLessThan(500);
      expect(await response.text(), address).not.toMatch(/at .*\.js:\d+|root:/);
    }
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      expect((await fetch(`${server.url}/`, { method })).status, method).toBe(405);
    }
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('the CSP allows exactly the inline scripts the page carries, by hash', async () => {
    const response = await fetch(`${server.url}/article/${REFERENCE}`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'))!;
    const allowed = [...scriptSrc.matchAll(/'sha256-([^']+)'/g)].map((match) => match[1]).sort();
    const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
      .filter((match) => !/src=|type="application\/(ld\+)?json"/.test(match[1] ?? ''))
      .map((match) => createHash('sha256').update(match[2]!).digest('base64'))
      .sort();
    expect(inline.length).toBeGreaterThan(0);
    expect(allowed).toEqual(inline);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('caches: hashed assets immutable, pages short-lived for a CDN, ETag and 304, brotli and gzip', async () => {
    const page = await fetch(`${server.url}/article/${REFERENCE}`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(page.headers.get('cache-control')).toMatch(/stale-while-revalidate=\d+/);
    expect(page.headers.get('content-encoding')).toBe('br');
    const etag = page.headers.get('etag')!;
    // One ETag per encoding: the brotli copy's revalidates as brotli, and not as gzip.
    const again = await fetch(`${server.url}/article/${REFERENCE}`, {
      headers: { 'if-none-match': etag, 'accept-encoding': 'br' },
    });
    expect(again.status).toBe(304);
    const otherEncoding = await fetch(`${server.url}/article/${REFERENCE}`, {
      headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' },
    });
    expect(otherEncoding.status).toBe(200);
    const html = await (await fetch(`${server.url}/`)).text();
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1]!;
    const css = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${server.url}/article/no-such-story`)).headers.get('cache-control')).not.toMatch(/immutable/);
  });

  it('a page, headers and all, fits in TCP’s first round trip; its surrogate keys go in xkey alone', async () => {
    // A response past the first congestion window (10 segments of 1,460 bytes) waits one round trip more.
    for (const pathname of [
      '/',
      `/article/${REFERENCE}`,
      '/article/imd-forecasts-above-normal-monsoon-for-second-year',
    ]) {
      const { status, headers, bytes } = await rawGet(`${server.url}${pathname}`, { 'accept-encoding': 'br' });
      expect(status).toBe(200);
      expect(headers['content-encoding']).toBe('br');
      expect(headers['xkey']).toContain('all');
      expect(Object.keys(headers).filter((name) => /surrogate-key|cache-tag/.test(name))).toEqual([]);
      expect(bytes, pathname).toBeLessThan(14_600);
    }
  });
});

/** An upstream API that speaks the contract, with a story whose every field is hostile. */
const HOSTILE = `</script><script>window.__pwned=1</script>" onerror="window.__pwned=2" '<img src=x onerror=alert(1)>`;
function hostileStory(slug: string) {
  return {
    slug,
    headline: `Headline ${HOSTILE}`,
    summary: `Summary ${HOSTILE}`,
    kind: 'news',
    source: `Source ${HOSTILE}`,
    byline: null,
    edition: { slug: 'global', name: `Global ${HOSTILE}` },
    sector: { slug: 'tech', name: `Tech ${HOSTILE}` },
    publishedAt: '2026-02-12T07:18:00+05:30',
    updatedAt: '2026-02-12T07:18:00+05:30',
    image: { src: `/x.png" onerror="window.__pwned=3`, alt: `Alt ${HOSTILE}`, width: 10, height: 10 },
    body: [
      { type: 'paragraph', text: `Paragraph ${HOSTILE}` },
      { type: 'html', html: `<p>ok</p><script>window.__pwned=4</script><img src=x onerror="window.__pwned=5">` },
      { type: 'paragraph', text: 'Between the two html blocks.' },
      { type: 'html', html: `<ul><li>second</li></ul><a href="javascript:window.__pwned=6">link</a>` },
    ],
    syndicated: false,
    tags: [`Tag ${HOSTILE}`],
    related: [],
  };
}

describe('a hostile or failing upstream API', () => {
  let upstream: Server;
  let upstreamUrl = '';
  let storyRequests = 0;
  let hostileServer: ProductionServer;
  beforeAll(async () => {
    upstream = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://upstream');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (url.pathname === '/taxonomy') return send(200, { sectors: [], editions: [] });
      if (url.pathname === '/stories') return send(200, { items: [], nextCursor: null });
      if (url.pathname.startsWith('/stories/hostile')) {
        storyRequests++;
        return setTimeout(() => send(200, hostileStory(url.pathname.slice('/stories/'.length))), 200);
      }
      if (url.pathname === '/stories/broken') return send(500, { error: { code: 'boom', message: 'down' } });
      if (url.pathname === '/stories/slow') return; // never answers
      send(404, { error: { code: 'not_found', message: 'none' } });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    hostileServer = await startProductionServer({
      API_BASE_URL: upstreamUrl,
      REQUEST_TIMEOUT_MS: '1000',
      PAGE_TIMEOUT_MS: '3000',
    });
  });
  afterAll(async () => {
    await hostileServer?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('puts nothing executable into the HTML, the meta attributes or the JSON-LD', async () => {
    const html = await (await fetch(`${hostileServer.url}/article/hostile`)).text();
    // The only <script> elements are the page's own: the inline theme script, the JSON-LD and the state.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    const own = (tag: string) => tag === '<script>' || /type="application\/(ld\+)?json"/.test(tag);
    expect(scripts.filter((tag) => !own(tag))).toEqual([]);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>window.__pwned');
    // Parsed as a browser would: no element carries an event handler, every script is ours.
    const { document } = new JSDOM(html).window;
    const handlers = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => attribute.name),
    );
    expect(handlers).toEqual([]);
    expect(
      [...document.querySelectorAll('script')]
        .filter((script) => !script.type.startsWith('application/'))
        .map((script) => script.getAttribute('src')),
    ).toEqual([null]);
    // Every meta attribute still reads back as the hostile text, whole.
    expect(metaContent(html, 'property', 'og:title')).toEqual([`Headline ${HOSTILE}`]);
    expect(metaContent(html, 'property', 'article:tag')).toEqual([`Tag ${HOSTILE}`]);
    const [article] = jsonLd(html);
    expect(article?.headline).toBe(`Headline ${HOSTILE}`);
    // The state script holds the same text, escaped so it cannot end the element.
    const state = /<script type="application\/json" id="server-state">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(state).not.toContain('</');
    expect(JSON.stringify(JSON.parse(state))).toContain('window.__pwned');
  });

  it('runs none of it in a browser either', async () => {
    const opened = await openPage(browser.browser, hostileServer.url);
    try {
      const dialogs: string[] = [];
      opened.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await opened.page.goto('/article/hostile');
      await poll(() => opened.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Headline ${HOSTILE}`);
      // Hydrated and settled: anything the page would run has run.
      await hydrated(opened.page);
      expect(await opened.page.evaluate(() => (window as { __pwned?: number }).__pwned ?? null)).toBeNull();
      expect(dialogs).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('concurrent requests for one page share one render and one upstream request', async () => {
    storyRequests = 0;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${hostileServer.url}/article/hostile-shared`)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(storyRequests).toBe(1);
    // Tracking codes on a shared link are the same page: one render, one upstream request.
    storyRequests = 0;
    for (const source of ['whatsapp', 'twitter', 'newsletter']) {
      expect((await fetch(`${hostileServer.url}/article/hostile-utm?utm_source=${source}`)).status).toBe(200);
    }
    expect(storyRequests).toBe(1);
  });

  it('an API failure is a 5xx page with a retry, never a 200; a dead API never holds a response past the timeout', async () => {
    const broken = await fetch(`${hostileServer.url}/article/broken`);
    expect(broken.status).toBeGreaterThanOrEqual(500);
    expect(await broken.text()).toMatch(/try again/i);
    const started = Date.now();
    const slow = await fetch(`${hostileServer.url}/article/slow`);
    expect(slow.status).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(4000);
    expect((await fetch(`${hostileServer.url}/article/hostile`)).status).toBe(200);
  });
});

const browser = browserForFile();
const staticBuild = serverForFile();

describe('in a browser', () => {
  it('reads with JavaScript off: the story, its links and the page furniture', async () => {
    const context = await browser.browser.newContext({ javaScriptEnabled: false, baseURL: server.url });
    try {
      const page = await context.newPage();
      await page.goto(`/article/${REFERENCE}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.headline);
      expect(await page.getByText(story.body.find((block) => block.type === 'paragraph')!.text!).isVisible()).toBe(
        true,
      );
      expect(await page.getByRole('link', { name: 'Latest', exact: true }).first().getAttribute('href')).toBe(
        '/latest',
      );
      expect(await page.getByRole('contentinfo').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('takes over without a shift, a console error, a CSP violation or a second request, then navigates on the client', async () => {
    const opened = await openPage(browser.browser, server.url);
    try {
      const apiRequests: string[] = [];
      opened.page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
      });
      await opened.page.goto(`/article/${REFERENCE}`);
      await hydrated(opened.page);
      const { total, shifts } = await layoutShifts(opened.page);
      // At most a trace: under heavy CPU load a 3 px move of the article's Save button was seen
      // (0.001 and 0.00003, twice in about ten runs, not reproduced alone); a real shift scores far more.
      expect(total, `layout shifts: ${shifts.join(' | ')}`).toBeLessThan(0.002);
      expect(apiRequests).toEqual([]);
      await opened.page.evaluate(() => (window.__marker = 1));
      await opened.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Latest' }).click();
      await poll(() => opened.page.getByRole('heading', { level: 1 }).textContent()).toBe('Latest News');
      expect(await opened.page.title()).toBe('Latest News | Devdiscourse Reader');
      // The head follows the reader: the new page's Open Graph title and canonical URL, the story's JSON-LD gone.
      expect(
        await opened.page.evaluate(() => [
          document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
          document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
          document.querySelectorAll('meta[property="og:title"]').length,
          document.querySelectorAll('script[type="application/ld+json"]').length,
        ]),
      ).toEqual(['Latest News', 'https://news.example.com/latest', 1, 0]);
      expect(await opened.page.evaluate(() => window.__marker)).toBe(1);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });

  it('routes a link of a region kept as the server sent it, and renders the next story in full', async () => {
    const opened = await openPage(browser.browser, server.url);
    try {
      await opened.page.goto(`/article/${REFERENCE}`);
      await hydrated(opened.page);
      await opened.page.evaluate(() => (window.__marker = 1));
      const link = opened.page
        .getByRole('complementary', { name: 'More news' })
        .getByRole('listitem')
        .getByRole('link');
      const slug = (await link.first().getAttribute('href'))!.split('/').pop()!;
      const next = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'mocks/stories', `${slug}.json`), 'utf8')) as {
        headline: string;
        body: { type: string; text?: string }[];
      };
      await link.first().click();
      await poll(() => opened.page.getByRole('heading', { level: 1 }).textContent()).toBe(next.headline);
      const paragraph = next.body.find((block) => block.type === 'paragraph')!.text!;
      expect(await opened.page.getByText(paragraph).isVisible()).toBe(true);
      expect(await opened.page.evaluate(() => window.__marker)).toBe(1);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });

  it('starts under a static host CSP that allows no inline script at all', async () => {
    const opened = await openPage(browser.browser, staticBuild.url);
    try {
      // A host's plain `script-src 'self'`: the page's hashes taken out of its CSP.
      await opened.context.route('**/*', async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = (headers['content-security-policy'] ?? '').replace(/ 'sha256-[^']+'/g, '');
        expect(headers['content-security-policy']).toContain("script-src 'self';");
        await route.fulfill({ response, headers });
      });
      await opened.page.goto('/latest');
      await poll(() => opened.page.locator('h1').allTextContents()).toEqual(['Latest News']);
      await poll(() =>
        opened.page.evaluate(() =>
          Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__react')),
        ),
      ).toBe(true);
      await opened.page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Trending' }).click();
      await poll(() => opened.page.locator('h1').allTextContents()).toEqual(['Trending']);
      // The one thing blocked is the inline theme script; nothing else is refused.
      const { cspViolations, pageErrors } = await opened.problems();
      expect(pageErrors).toEqual([]);
      expect(cspViolations.map((violation) => violation.blockedURI)).toEqual(['inline']);
    } finally {
      await opened.close();
    }
  });
});
