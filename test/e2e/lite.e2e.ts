/**
 * Lite mode against `npm start`: a Save-Data request gets the article as text with no script,
 * under 15 KB transferred in all; the footer's switch turns it on and off without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, test } from 'vitest';
import { REFERENCE_SLUG } from '../renderApp';
import {
  browserForFile,
  openPage,
  poll,
  productionServerForFile,
  waitForServiceWorker,
  type OpenedPage,
} from './browser';

const ctx = browserForFile();
const production = productionServerForFile();

let opened: OpenedPage | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

const LITE_BUDGET_BYTES = 15 * 1024;

describe('lite mode', () => {
  test('a Save-Data article is text only, no script, pictures on tap, under 15 KB in all', async () => {
    opened = await openPage(ctx.browser, production.url);
    const { page, context } = opened;
    await context.setExtraHTTPHeaders({ 'Save-Data': 'on' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const transferred = new Map<string, number>();
    cdp.on('Network.loadingFinished', (event) => transferred.set(event.requestId, event.encodedDataLength));
    const response = await page.goto(`/article/${REFERENCE_SLUG}`, { waitUntil: 'load' });
    expect(response?.headers()['vary']).toMatch(/Save-Data/);
    expect(response?.headers()['content-security-policy']).not.toMatch(/script-src/);
    expect(await page.locator('h1').allTextContents()).toEqual([
      'UPDATE 3-WhatsApp says Russia tried to fully block service to push state app',
    ]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // Nothing but the document itself: no script, style sheet, picture or icon.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))).toEqual([]);
    await poll(() => transferred.size, 'the document finished').toBe(1);
    const total = [...transferred.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.log(`lite article: ${total} bytes transferred in all`);
    expect(total).toBeLessThan(LITE_BUDGET_BYTES);
    expect(await page.getByRole('link', { name: /^Picture: / }).count()).toBe(1);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .setLegacyMode(true)
          .analyze();
        expect(
          results.violations.map((violation) => violation.id),
          `${colorScheme} ${width}px`,
        ).toEqual([]);
      }
    }
    await opened.expectNoProblems();
  });

  test('the footer switch turns lite on and off, remembered in a cookie; both answers cacheable', async () => {
    opened = await openPage(ctx.browser, production.url);
    const { page, context } = opened;
    const full = await page.goto('/latest');
    expect(full?.headers()['vary']).toMatch(/Save-Data/);
    expect(full?.headers()['cache-control']).toMatch(/^public/);
    expect(await page.evaluate(() => document.scripts.length)).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Lite version: text only, less data' }).click();
    await page.waitForURL(`${production.url}/latest`);
    await poll(() => page.evaluate(() => document.scripts.length), 'no scripts in lite').toBe(0);
    expect(await page.locator('h1').allTextContents()).toEqual(['Latest News']);
    expect((await context.cookies()).find((cookie) => cookie.name === 'reader-lite')?.value).toBe('on');
    const lite = await page.reload();
    expect(lite?.headers()['cache-control']).toMatch(/^public/);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);

    await page.getByRole('button', { name: 'Full version, with pictures' }).click();
    await poll(
      () => page.evaluate(() => document.querySelectorAll('script[src]').length),
      'the app again',
    ).toBeGreaterThan(0);
    expect((await context.cookies()).find((cookie) => cookie.name === 'reader-lite')?.value).toBe('off');
  });

  test('with the service worker in control, the switch still reaches the lite pages, and the worker is gone', async () => {
    opened = await openPage(ctx.browser, production.url);
    const { page } = opened;
    await page.goto('/latest');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Lite version: text only, less data' }).click();
    await page.waitForURL(`${production.url}/latest`);
    await poll(() => page.evaluate(() => document.scripts.length), 'no scripts in lite').toBe(0);
    await page.getByRole('link', { name: 'Trending' }).click();
    await poll(() => page.locator('h1').allTextContents(), 'the next lite page').toEqual(['Trending']);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});
