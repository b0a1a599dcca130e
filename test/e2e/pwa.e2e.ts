/**
 * The Progressive Web App in real Chromium against the production build: the manifest
 * and its icons, the service worker taking control, reading offline (home and opened
 * stories after a reload, saved stories, a never-opened story), the connection
 * notice, the update prompt, and every route with the worker in charge.
 *
 * Offline is `context.setOffline(true)`, which in Chromium also cuts the service
 * worker's own network. The API runs on the test server (`api: true`), so requests
 * really go over the network; the demo build (no API) answers from the built-in mock
 * data in-process, so it works offline as a whole.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_ROOT, PROJECT_ROOT, startServer, type TestServer } from '../server/server.ts';
import {
  browserForFile,
  openPage,
  poll,
  productionServerForFile,
  serverForFile,
  waitForSettled,
  type OpenedPage,
  waitForServiceWorker,
} from './browser.ts';

const OFFLINE_MESSAGE = 'You are offline — showing saved and cached stories';
const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const headlineOf = (slug: string) =>
  (JSON.parse(readFileSync(path.join(PROJECT_ROOT, `mocks/stories/${slug}.json`), 'utf8')) as { headline: string })
    .headline;

const allStoryPaths = readdirSync(path.join(PROJECT_ROOT, 'mocks/stories')).map(
  (file) => `/article/${file.replace(/\.json$/, '')}`,
);

const ctx = browserForFile();
const api = serverForFile({ api: true });
const demo = serverForFile();
// The same offline reading against `npm start`: its pages are rendered on the server, its /api its own.
const production = productionServerForFile();

let opened: OpenedPage | null = null;
async function open(baseUrl: string): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, baseUrl);
  return opened;
}
afterEach(async () => {
  await opened?.close();
  opened = null;
});

async function expectH1(page: Page, text: string): Promise<void> {
  await poll(() => page.locator('h1').allTextContents(), 'the h1').toEqual([text]);
}

/** The service worker controls the page and (api mode) has config.json, so an offline start finds its API. */
async function waitForOfflineReady(page: Page, { config = true } = {}): Promise<void> {
  await waitForServiceWorker(page);
  if (config) {
    await poll(
      () => page.evaluate(async () => (await (await caches.open('app-config')).keys()).length),
      'config.json in the worker cache',
    ).toBeGreaterThan(0);
  }
}

/** Unique article paths linked from <main>, in page order. */
async function articleLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href^="/article/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs)];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface Manifest {
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe('installable', () => {
  test('the manifest is linked, valid, and its icons are real PNGs of the stated sizes', async () => {
    const { page, context, expectNoProblems } = await open(demo.url);
    await page.goto('/');
    await expectH1(page, 'Top stories');

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await context.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Devdiscourse Reader',
      short_name: 'Devdiscourse',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0f3b66',
      background_color: '#ffffff',
    });
    expect(manifest.description.length).toBeGreaterThan(10);
    // The theme colour the page declares is the manifest's.
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);

    const icons = [
      ...manifest.icons,
      {
        src: (await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')) ?? 'missing',
        sizes: '180x180',
        type: 'image/png',
      },
    ];
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const image = await context.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(await image.body()), icon.src).toEqual({ width, height });
    }

    const worker = await context.request.get('/sw.js');
    expect(worker.status()).toBe(200);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    await expectNoProblems();
  });

  test('the service worker takes control, and the demo build (mock data) works offline on every route', async () => {
    const { page, context, expectNoProblems, problems } = await open(demo.url);
    await page.goto('/');
    await expectH1(page, 'Top stories');
    await waitForOfflineReady(page, { config: false });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${demo.url}/sw.js`);
    // Chromium's own verdict: the manifest parses cleanly and the app can be installed.
    const cdp = await context.newCDPSession(page);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are off-the-record profiles, where Chromium never installs; nothing else may be wrong.
    expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);
    await cdp.detach();
    await expectNoProblems();

    await context.setOffline(true);
    const routes: [string, string][] = [
      ['/', 'Top stories'],
      ['/latest', 'Latest News'],
      ['/sector/technology', 'Technology'],
      ['/saved', 'Saved stories'],
      [`/article/${REFERENCE_SLUG}`, headlineOf(REFERENCE_SLUG)],
      ['/no-such-page', 'Page not found'],
    ];
    for (const [route, h1] of routes) {
      const response = await page.goto(route);
      expect(response?.fromServiceWorker(), route).toBe(true);
      await expectH1(page, h1);
    }
    const { cspViolations, pageErrors } = await problems();
    expect({ cspViolations, pageErrors }).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('client-side routing across every route, /saved included, with the worker in charge', async () => {
    const { page, expectNoProblems } = await open(demo.url);
    await page.goto('/');
    await waitForOfflineReady(page, { config: false });
    await page.evaluate(() => (window.__marker = 1));
    const nav = page.getByRole('navigation', { name: 'Primary' });
    const steps: [string, string][] = [
      ['Latest', 'Latest News'],
      ['Trending', 'Trending'],
      ['Opinion', 'Opinion / Blog / Interview'],
      ['DevShots', 'DevShots'],
      ['Saved', 'Saved stories'],
      ['Home', 'Top stories'],
    ];
    for (const [link, h1] of steps) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expectH1(page, h1);
    }
    const [story] = await articleLinks(page);
    await page.locator(`main a[href="${story}"]`).first().click();
    await poll(() => page.url()).toBe(`${demo.url}${story}`);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    await page.getByRole('link', { name: 'Technology' }).first().click();
    await expectH1(page, 'Technology');
    await page.getByRole('searchbox').first().fill('WhatsApp');
    await page.getByRole('button', { name: 'Search', exact: true }).first().click();
    await expectH1(page, 'Search');
    // Every step was a client-side navigation: the document never reloaded.
    expect(await page.evaluate(() => window.__marker)).toBe(1);
    await expectNoProblems();
  });
});

describe.each([
  ['the static build', () => api.url],
  ['the production server', () => production.url],
])('offline reading (API over the network), %s', (_name, baseUrl) => {
  test('the home page and three opened stories render offline after a reload', async () => {
    const { page, context, problems } = await open(baseUrl());
    await page.goto('/');
    await waitForOfflineReady(page);
    await page.reload(); // now every request of the home page goes through the worker
    await expectH1(page, 'Top stories');
    await waitForSettled(page);
    const stories = (await articleLinks(page)).slice(0, 3);
    expect(stories).toHaveLength(3);

    const headlines: string[] = [];
    for (const story of stories) {
      await page.locator(`main a[href="${story}"]`).first().click();
      const headline = page.locator('h1#article-headline');
      await headline.waitFor();
      headlines.push((await headline.textContent()) ?? '');
      await page.goBack();
      await expectH1(page, 'Top stories');
    }
    // Both offline stores have all three stories before the connection goes.
    await poll(
      () =>
        page.evaluate(async (paths) => {
          const cached = (await (await caches.open('api')).keys()).map((request) => new URL(request.url).pathname);
          return paths.filter((storyPath) => cached.includes(`/api/stories/${storyPath.split('/').pop()}`)).length;
        }, stories),
      'stories in the API cache',
    ).toBe(3);

    await context.setOffline(true);
    await page.reload();
    await expectH1(page, 'Top stories');
    await poll(() => articleLinks(page), 'stories listed offline').toEqual(expect.arrayContaining(stories));
    for (const [index, story] of stories.entries()) {
      await page.goto(story);
      await expectH1(page, headlines[index]!);
      await poll(() => page.locator('article p').count(), 'paragraphs of the story').toBeGreaterThan(1);
    }
    const { cspViolations, pageErrors } = await problems();
    expect({ cspViolations, pageErrors }).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('a saved story shows as saved in another tab and is readable offline from the reading list alone', async () => {
    const { page, context } = await open(baseUrl());
    await page.goto('/');
    await waitForOfflineReady(page);
    await waitForSettled(page);
    const [story] = await articleLinks(page);
    const slug = story!.split('/').pop()!;
    const headline = headlineOf(slug);

    // A second tab of the app, to see the saved state shared.
    const otherTab = await context.newPage();
    await otherTab.goto('/');
    const otherTabButton = otherTab.getByRole('button', { name: `: ${headline}` }).first();
    expect(await otherTabButton.getAttribute('aria-pressed')).toBe('false');

    const save = page.getByRole('button', { name: `Save: ${headline}` }).first();
    await expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await poll(() =>
      page
        .getByRole('button', { name: `Saved: ${headline}` })
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await poll(() => otherTabButton.getAttribute('aria-pressed'), 'the saved state in the other tab').toBe('true');
    await otherTab.close();
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Saved' }).click();
    await expectH1(page, 'Saved stories');
    await expect(await page.getByRole('list', { name: 'Saved stories' }).getByRole('link').allTextContents()).toEqual([
      headline,
    ]);

    // Offline, with the worker's API cache and the persisted query cache gone: only the reading list is left.
    await context.setOffline(true);
    await page.evaluate(async () => {
      await caches.delete('api');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('devdiscourse-query-cache');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('cache', 'readwrite');
          transaction.objectStore('cache').clear();
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      });
    });
    await page.reload();
    await expectH1(page, 'Saved stories');
    await page.getByRole('link', { name: headline }).click();
    await expectH1(page, headline);
    await poll(() => page.locator('article p').count(), 'paragraphs of the saved story').toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: `Saved: ${headline}` }).getAttribute('aria-pressed')).toBe('true');
  });

  test('the connection notice, feeds refreshing when it is back, and a never-opened story offline', async () => {
    const { page, context } = await open(baseUrl());
    await page.goto('/');
    await waitForOfflineReady(page);
    await page.reload();
    await expectH1(page, 'Top stories');
    await waitForSettled(page);
    const status = page.getByRole('status').filter({ hasText: /offline|online/ });

    await context.setOffline(true);
    await poll(() => status.textContent()).toBe(OFFLINE_MESSAGE);

    // A story that was never opened (nor saved, nor even listed): a clear message and the way to the reading list.
    const listed = await articleLinks(page);
    const unseen = allStoryPaths.find((storyPath) => !listed.includes(storyPath))!;
    await page.goto(unseen);
    await expectH1(page, 'This story is not available offline');
    await poll(() => status.textContent()).toBe(OFFLINE_MESSAGE);
    await page.getByRole('link', { name: 'Open your reading list' }).click();
    await expectH1(page, 'Saved stories');
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Home' }).click();
    await expectH1(page, 'Top stories');

    const feedRefetch = page.waitForRequest((request) => request.url().includes('/api/stories?feed='));
    await context.setOffline(false);
    await poll(() => status.textContent()).toBe('Back online');
    await feedRefetch;
  });
});

describe('updates', () => {
  let copy: { dir: string; server: TestServer } | null = null;
  afterEach(async () => {
    await copy?.server.close();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
    copy = null;
  });

  test('a waiting new service worker shows "A new version is available"; Reload swaps it in', async () => {
    // A copy of the build, so the test can deploy a "new version" of sw.js.
    const dir = mkdtempSync(path.join(tmpdir(), 'pwa-update-'));
    cpSync(DEFAULT_ROOT, dir, { recursive: true });
    copy = { dir, server: await startServer({ port: 0, root: dir }) };
    const { page, expectNoProblems } = await open(copy.server.url);
    await page.goto('/');
    await waitForOfflineReady(page, { config: false });
    await page.evaluate(() => (window.__marker = 1));
    const prompt = page.getByRole('region', { name: 'App update' });
    expect(await prompt.count()).toBe(0);

    appendFileSync(path.join(dir, 'sw.js'), '\n// a new deployment\n');
    // The build's precompressed copies would still serve the old worker.
    for (const copyOfOld of ['sw.js.br', 'sw.js.gz']) rmSync(path.join(dir, copyOfOld), { force: true });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect
      .poll(
        () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null),
        {
          timeout: 20_000,
          message: 'the new worker installed and waiting',
        },
      )
      .toBe('installed');
    await prompt.getByText('A new version is available.').waitFor();
    // Nothing was swapped under the reader: same document, old worker still in charge.
    expect(await page.evaluate(() => window.__marker)).toBe(1);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
      true,
    );

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await poll(() => page.evaluate(() => window.__marker ?? null), 'the page reloaded').toBe(null);
    await expectH1(page, 'Top stories');
    await poll(() =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
      }),
    ).toEqual({ waiting: false, controlled: true });
    expect(await prompt.count()).toBe(0);
    await expectNoProblems();
  });
});
