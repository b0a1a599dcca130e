/**
 * The built app against the content API over real HTTP (the test server's /api, picked
 * up through /config.json), with faults injected on the server.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { openPage, poll, browserForFile, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/server.ts';

const SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const { headline } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, `mocks/stories/${SLUG}.json`), 'utf8')) as {
  headline: string;
};

const ctx = browserForFile();
const http = serverForFile({ api: true });

let opened: OpenedPage | null = null;
async function open(): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, http.url);
  return opened;
}
afterEach(async () => {
  http.server.clearFaults();
  await opened?.close();
  opened = null;
});

const h1Texts = (page: OpenedPage['page']) => page.locator('h1').allTextContents();

describe('api mode', () => {
  test('the article comes from /api over HTTP', async () => {
    const { page, expectNoProblems } = await open();
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiRequests.push(url.pathname);
    });
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([headline]);
    expect(apiRequests).toContain(`/api/stories/${SLUG}`);
    await waitForSettled(page);
    await expectNoProblems();
  });

  test("the app's code downloads once per chunk, the mock API not at all", async () => {
    const { page, expectNoProblems } = await open();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) scripts.push(pathname);
    });
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([headline]);
    await waitForSettled(page);
    expect(scripts).toContainEqual(expect.stringMatching(/^\/assets\/boot-[^/]+\.js$/));
    // Preloaded and imported all the same: one download each.
    expect(scripts.filter((script, index) => scripts.indexOf(script) !== index)).toEqual([]);
    expect(scripts.filter((script) => script.includes('mockTransport'))).toEqual([]);
    await expectNoProblems();
  });

  test('a slow story shows the loading skeleton, then the story', async () => {
    // Longer than the first page waits for its data (FIRST_PAGE_DATA_WAIT_MS): the
    // static shell's skeleton first, then the article's own.
    http.server.setFaults([{ match: `/stories/${SLUG}`, delayMs: 5000 }]);
    const { page, expectNoProblems } = await open();
    await page.goto(`/article/${SLUG}`);
    await page.getByRole('status').filter({ hasText: 'Loading the page' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Loading the story' }).waitFor();
    expect(await h1Texts(page)).toEqual([]);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([headline]);
    await waitForSettled(page);
    await expectNoProblems();
  });

  test('a story the server garbles shows a readable error, not a crash', async () => {
    http.server.setFaults([{ match: `/stories/${SLUG}`, body: '{"slug": "trunc', contentType: 'application/json' }]);
    const { page, problems } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual(['This story could not be read']);
    expect((await problems()).pageErrors).toEqual([]);
  });
});
