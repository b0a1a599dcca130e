/**
 * The built app in a real browser, served like production (SPA fallback, strict CSP),
 * on the built-in mock API: every route loads by deep link and shows its h1, links
 * navigate on the client, and nothing logs an error or breaks the CSP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/csp.ts';
import { PROJECT_ROOT } from '../server/server.ts';
import { openPage, poll, browserForFile, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';

const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, relativePath), 'utf8')) as T;
}

interface Term {
  slug: string;
  name: string;
}
const reference = readJson<{ headline: string }>(`mocks/stories/${REFERENCE_SLUG}.json`);
const taxonomy = readJson<{ sectors: Term[]; editions: Term[] }>('mocks/taxonomy.json');
const termName = (terms: Term[], slug: string) => terms.find((term) => term.slug === slug)?.name ?? slug;

const SITE_NAME = 'Devdiscourse Reader';

interface RouteCase {
  path: string;
  h1: string;
  /** The page lists stories (links to articles) in <main>. */
  lists: boolean;
  /** document.title, when the route sets a specific one. */
  title?: string;
  /** A link that must be in <main> once loaded. */
  link?: string;
  /** Script chunks (file name prefix in /assets/) the page must not download. */
  unusedChunks?: string[];
}

const routes: RouteCase[] = [
  { path: '/', h1: 'Top stories', lists: true, title: SITE_NAME },
  {
    path: `/article/${REFERENCE_SLUG}`,
    h1: reference.headline,
    lists: false,
    title: `${reference.headline} | ${SITE_NAME}`,
    // The reference story has no html block, so DOMPurify (the sanitize chunk) is not needed.
    unusedChunks: ['sanitize-'],
  },
  { path: '/latest', h1: 'Latest News', lists: true },
  { path: '/trending', h1: 'Trending', lists: true },
  { path: '/opinion', h1: 'Opinion / Blog / Interview', lists: true },
  { path: '/devshots', h1: 'DevShots', lists: true },
  { path: '/sector/technology', h1: termName(taxonomy.sectors, 'technology'), lists: true },
  { path: '/edition/india', h1: termName(taxonomy.editions, 'india'), lists: true },
  { path: '/search?q=WhatsApp', h1: 'Search', lists: true, link: `/article/${REFERENCE_SLUG}` },
  { path: '/feeds', h1: 'RSS feeds', lists: false },
  { path: '/tag/EU', h1: 'EU', lists: true },
  { path: '/following', h1: 'Following', lists: false },
  { path: '/no-such-page', h1: 'Page not found', lists: false, title: `Page not found | ${SITE_NAME}` },
];

const ctx = browserForFile();
const http = serverForFile();

let opened: OpenedPage | null = null;
async function open(): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, http.url);
  return opened;
}
afterEach(async () => {
  await opened?.close();
  opened = null;
});

/** The page's single h1, once it says `text`. */
async function expectHeading(page: OpenedPage['page'], text: string): Promise<void> {
  const h1 = page.locator('h1');
  await poll(() => h1.allTextContents(), 'the h1 elements').toEqual([text]);
}

describe('deep links load through the SPA fallback', () => {
  test.each(routes)('$path shows its h1 with no errors or CSP violations', async (route) => {
    const { page, expectNoProblems } = await open();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const response = await page.goto(route.path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    await expectHeading(page, route.h1);
    if (route.lists) await page.locator('main a[href^="/article/"]').first().waitFor();
    if (route.link) await page.locator(`main a[href="${route.link}"]`).first().waitFor();
    if (route.title) await poll(() => page.title(), 'document.title').toBe(route.title);
    await waitForSettled(page);
    await expectNoProblems();
    for (const prefix of route.unusedChunks ?? []) {
      expect(scripts, `scripts loaded by ${route.path}`).not.toContainEqual(
        expect.stringMatching(`^/assets/${prefix}`),
      );
    }
  });
});

describe('client-side navigation', () => {
  test('links change the URL and the page without a full reload', async () => {
    const { page, expectNoProblems } = await open();
    const documentLoads: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.resourceType() === 'document') documentLoads.push(request.url());
    });

    await page.goto('/');
    await expectHeading(page, 'Top stories');
    await waitForSettled(page);
    await page.evaluate(() => {
      window.__marker = 1;
    });

    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Latest', exact: true }).click();
    await page.waitForURL('**/latest');
    await expectHeading(page, 'Latest News');

    const firstStory = page.locator('main a[href^="/article/"]').first();
    await firstStory.waitFor();
    const headline = (await firstStory.textContent())?.trim() ?? '';
    const href = (await firstStory.getAttribute('href')) ?? '';
    expect(headline).not.toBe('');
    await firstStory.click();
    await page.waitForURL((url) => url.pathname === href);
    await expectHeading(page, headline);

    await page.goBack();
    await page.waitForURL('**/latest');
    await expectHeading(page, 'Latest News');

    expect(await page.evaluate(() => window.__marker)).toBe(1);
    expect(documentLoads, 'only the first page load should fetch a document').toHaveLength(1);
    await waitForSettled(page);
    await expectNoProblems();
  });
});

describe('security headers', () => {
  test('/ is served with the strict CSP and the other security headers', async () => {
    const response = await fetch(`${http.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  test('the CSP is enforced and a violation would be caught', async () => {
    // Guards the guard: if the policy or the violation recording broke, the
    // "no CSP violations" checks above would pass vacuously.
    const { page, problems } = await open();
    await page.goto('/no-such-page');
    await expectHeading(page, 'Page not found');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__marker = 42;';
      document.body.append(script);
    });
    await poll(async () => (await problems()).cspViolations.map((v) => v.effectiveDirective)).toContain(
      'script-src-elem',
    );
    expect(await page.evaluate(() => window.__marker)).toBeUndefined();
  });
});
