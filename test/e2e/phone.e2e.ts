/**
 * What only a real browser shows of the phone layout and the home page's moving parts:
 * the compact masthead at 360x640 (and the static build's HTML painting the same header), the
 * sections row scrolling sideways to the current section, the search button, the
 * breaking-news ticker's motion and its pause, sector blocks loading as they come near,
 * and Back to top (appearing two screens down, focus and scroll back to the top).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import {
  browserForFile,
  layoutShifts,
  openPage,
  poll,
  productionServerForFile,
  serverForFile,
  waitForSettled,
  type OpenedPage,
} from './browser.ts';

const ctx = browserForFile();
const http = serverForFile();
const production = productionServerForFile();

let opened: OpenedPage | null = null;
async function open(width: number, height: number, baseUrl = http.url): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, baseUrl);
  await opened.page.setViewportSize({ width, height });
  return opened;
}
afterEach(async () => {
  await opened?.close();
  opened = null;
});

async function goAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await poll(() => page.locator('#root h1').count(), 'the h1').toBeGreaterThan(0);
  await waitForSettled(page);
}

const rect = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { top, bottom, height, left, right } = element.getBoundingClientRect();
      return { top, bottom, height, left, right };
    });

describe('phone masthead at 360x640', () => {
  test('is at most 112 px tall, and the lead story starts within the top 200 px', async () => {
    const { page, expectNoProblems } = await open(360, 640);
    await goAndSettle(page, '/');
    const header = await rect(page, '#root header');
    expect(header.top).toBe(0);
    expect(header.height).toBeLessThanOrEqual(112);
    const lead = page.getByRole('region', { name: 'Lead story' });
    const kicker = await lead.locator('p').first().boundingBox();
    const headline = await lead.getByRole('heading', { level: 3 }).boundingBox();
    expect(kicker!.y).toBeGreaterThan(header.bottom);
    expect(kicker!.y).toBeLessThan(200);
    expect(headline!.y).toBeLessThan(200);
    // One bar: menu, title and the search button side by side; date and theme are not in it.
    const menu = await page.getByRole('button', { name: 'Menu' }).boundingBox();
    const title = await page.getByRole('banner').getByRole('link', { name: 'Devdiscourse Reader' }).boundingBox();
    const search = await page.getByRole('button', { name: 'Open search' }).boundingBox();
    expect(Math.abs(menu!.y + menu!.height / 2 - (title!.y + title!.height / 2))).toBeLessThan(4);
    expect(Math.abs(search!.y + search!.height / 2 - (title!.y + title!.height / 2))).toBeLessThan(4);
    expect(await page.getByRole('banner').locator('time').isVisible()).toBe(false);
    expect(
      await page
        .getByRole('banner')
        .getByRole('button', { name: /^Theme/ })
        .isVisible(),
    ).toBe(false);
    expect(await page.getByRole('banner').getByRole('searchbox').isVisible()).toBe(false);
    await expectNoProblems();
  });

  test.each([
    [360, 640],
    [1280, 800],
  ])(
    "the static build's HTML paints the app's own masthead at %i px: nothing moves when the app takes over",
    async (width, height) => {
      const { page } = await open(width, height);
      const masthead = async () => ({
        header: await rect(page, '#root header'),
        title: await rect(page, '#root header a[href="/"]'),
        nav: await rect(page, '#root nav[aria-label="Primary"]'),
        links: await page.locator('#root nav[aria-label="Primary"] a').allTextContents(),
      });
      // The HTML alone: no app code.
      await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
      await page.goto('/');
      const shell = await masthead();
      expect(shell.links).toEqual(['Home', 'Latest', 'Trending', 'Opinion', 'DevShots', 'Saved']);
      await page.unroute(/\/assets\/.*\.js$/);
      await goAndSettle(page, '/');
      expect(await masthead()).toEqual(shell);
    },
  );

  test('the sections scroll sideways in one row, the current one brought into view', async () => {
    const { page } = await open(360, 640);
    await goAndSettle(page, '/saved');
    const nav = page.getByRole('navigation', { name: 'Primary' });
    const list = nav.getByRole('list');
    expect(await list.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    const tops = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const current = await nav.getByRole('link', { name: 'Saved' }).boundingBox();
    expect(current!.x).toBeGreaterThanOrEqual(0);
    expect(current!.x + current!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  });

  test('the search button folds the field out, focused, below the bar', async () => {
    const { page } = await open(360, 640);
    await goAndSettle(page, '/');
    const toggle = page.getByRole('button', { name: 'Open search' });
    await toggle.click();
    const field = page.getByRole('banner').getByRole('searchbox', { name: 'Search stories' });
    expect(await field.isVisible()).toBe(true);
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    const fieldBox = await field.boundingBox();
    expect(fieldBox!.y).toBeGreaterThan((await toggle.boundingBox())!.y);
    await page.keyboard.type('solar');
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).pathname).toBe('/search');
  });

  test('the date and the theme control are in the menu drawer', async () => {
    const { page } = await open(360, 640);
    await goAndSettle(page, '/');
    await page.getByRole('button', { name: 'Menu' }).click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    expect(await drawer.locator('time').isVisible()).toBe(true);
    expect(await drawer.getByRole('button', { name: /^Theme/ }).isVisible()).toBe(true);
  });

  test('the desktop masthead keeps the date, search, title, shortcuts and theme', async () => {
    const { page } = await open(1280, 800);
    await goAndSettle(page, '/');
    const banner = page.getByRole('banner');
    for (const locator of [
      banner.locator('time'),
      banner.getByRole('searchbox', { name: 'Search stories' }),
      banner.getByRole('button', { name: 'Keyboard shortcuts' }),
      banner.getByRole('button', { name: /^Theme/ }),
    ]) {
      expect(await locator.isVisible()).toBe(true);
    }
    expect(await banner.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await banner.getByRole('button', { name: 'Open search' }).isVisible()).toBe(false);
  });
});

describe('breaking-news ticker', () => {
  const track = (page: Page) =>
    page
      .getByRole('region', { name: 'Breaking news' })
      .getByRole('list')
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return { name: style.animationName, state: style.animationPlayState, transform: style.transform };
      });

  test('moves, stops when paused, and its links are all reachable', async () => {
    const { page, expectNoProblems } = await open(360, 640);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await goAndSettle(page, '/');
    const bar = page.getByRole('region', { name: 'Breaking news' });
    expect((await track(page)).name).toBe('ticker-scroll');
    const first = (await track(page)).transform;
    await poll(async () => (await track(page)).transform).not.toBe(first);

    await bar.getByRole('button', { name: 'Pause breaking news' }).click();
    expect((await track(page)).name).toBe('none');
    expect(await bar.locator('[aria-live]').count()).toBe(0);
    await bar.getByRole('button', { name: 'Play breaking news' }).click();
    expect((await track(page)).name).toBe('ticker-scroll');

    // A link that takes focus stops the motion and its start is scrolled into the bar's view.
    const links = bar.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(1);
    const last = links.nth(count - 1);
    await last.focus();
    expect((await track(page)).name).toBe('none');
    const barBox = await bar.boundingBox();
    const lastBox = await last.boundingBox();
    expect(lastBox!.x).toBeGreaterThanOrEqual(barBox!.x);
    expect(lastBox!.x).toBeLessThan(barBox!.x + barBox!.width);
    await expectNoProblems();
  });

  test('stands still under reduced motion, with no pause button to offer', async () => {
    const { page } = await open(360, 640);
    await goAndSettle(page, '/');
    const bar = page.getByRole('region', { name: 'Breaking news' });
    expect((await track(page)).name).toBe('none');
    expect(await bar.getByRole('button').isVisible()).toBe(false);
    const firstLink = await bar.getByRole('link').first().boundingBox();
    const barBox = await bar.boundingBox();
    expect(firstLink!.x).toBeGreaterThan(barBox!.x);
    expect(firstLink!.x).toBeLessThan(barBox!.x + barBox!.width);
  });
});

describe('sector blocks', () => {
  test('load only as they come near the viewport', async () => {
    const { page, expectNoProblems } = await open(360, 640);
    const sectorRequests: string[] = [];
    page.on('request', (request) => {
      const sector = new URL(request.url()).searchParams.get('sector');
      if (sector) sectorRequests.push(sector);
    });
    await goAndSettle(page, '/');
    const placeholders = page.locator('[data-sector-placeholder]');
    await poll(() => placeholders.count(), 'sector placeholders').toBeGreaterThan(3);
    const all = await placeholders.count();
    const firstSlug = await placeholders.first().getAttribute('data-sector-placeholder');
    const lastSlug = await placeholders.last().getAttribute('data-sector-placeholder');
    // Reserved boxes of about a block's height, nothing in them yet.
    expect((await placeholders.first().boundingBox())!.height).toBeGreaterThan(300);
    expect(
      await page.getByRole('link', { name: /^More / }).evaluateAll((links) => links.map((l) => l.textContent)),
    ).toEqual(['More latest news', 'More trending stories', 'More opinion', 'More DevShots']);

    await placeholders.first().scrollIntoViewIfNeeded();
    await poll(() => page.locator(`[data-sector-placeholder="${firstSlug}"]`).count(), 'the first block').toBe(0);
    await poll(
      () => page.getByRole('link', { name: /^More / }).count(),
      "the first blocks' More links",
    ).toBeGreaterThan(4);
    // Far below, the last one still waits.
    expect(await page.locator(`[data-sector-placeholder="${lastSlug}"]`).count()).toBe(1);
    expect(await placeholders.count()).toBeLessThan(all);
    await expectNoProblems();
  });
});

describe('back to top', () => {
  test('appears two screens down, clear of the reading tools, and takes focus and the page back up', async () => {
    const { page, expectNoProblems } = await open(320, 640);
    await goAndSettle(page, '/');
    const button = page.getByRole('button', { name: 'Back to top' });
    expect(await button.count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2 + 50));
    await poll(() => button.count(), 'the button').toBe(1);
    const box = await button.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    // At the very end of the page it sits over its own strip, not over the footer.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.getByRole('contentinfo').boundingBox();
    const atEnd = await button.boundingBox();
    expect(atEnd!.y).toBeGreaterThanOrEqual(footer!.y + footer!.height);

    await button.click();
    await poll(() => page.evaluate(() => window.scrollY), 'scrolled to the top').toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await poll(() => button.count(), 'the button gone at the top').toBe(0);
    await expectNoProblems();
  });

  test('on an article, never over the reading tools', async () => {
    const { page } = await open(320, 640);
    await goAndSettle(page, '/article/update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app');
    await page.evaluate(() => window.scrollTo(0, window.innerHeight * 2 + 50));
    const button = page.getByRole('button', { name: 'Back to top' });
    await poll(() => button.count(), 'the button').toBe(1);
    const box = (await button.boundingBox())!;
    const progress = (await page.getByTestId('reading-progress').boundingBox())!;
    expect(box.y).toBeGreaterThan(progress.y + progress.height);
    await button.click();
    await poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The tools are at the top now, the button gone: nothing covers them. The button leaves on
    // the scroll event after the jump, a frame or two after scrollY reads 0, hence the poll.
    await poll(() => button.count(), 'the button').toBe(0);
  });
});

describe('a story whose body starts on the first screen of a phone', () => {
  // A one-line summary and no picture: the body, and the syndication note below it, are in
  // view at Lighthouse's phone size (412x823) while the page loads.
  const SLUG = 'imd-forecasts-above-normal-monsoon-for-second-year';

  test.each([
    ['the static build', () => http.url],
    ['the production server', () => production.url],
  ])('loads without moving what is on screen (%s)', async (_name, baseUrl) => {
    const { page, expectNoProblems } = await open(412, 823, baseUrl());
    await goAndSettle(page, `/article/${SLUG}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { total, shifts } = await layoutShifts(page);
    // The bench's target for CLS.
    expect(total, `layout shifts: ${shifts.join(' | ')}`).toBeLessThan(0.01);
    await expectNoProblems();
  });
});
