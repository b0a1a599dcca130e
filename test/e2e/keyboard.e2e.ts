/**
 * Keyboard-only reading in a real browser: the skip link, the menu drawer's focus trap,
 * following a story from the home page, the shortcuts (`?`, `/`, `j`, `k`, `o`, `s`),
 * share (Copy link), text size and reading progress, scroll restoration on
 * back, and no horizontal scrolling at 320 px (what 400 % zoom of a 1280 px window gives).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { browserForFile, openPage, poll, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';

const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const ARTICLE = `/article/${REFERENCE_SLUG}`;

const ctx = browserForFile();
const http = serverForFile();

let opened: OpenedPage | null = null;
async function open(width = 1280, height = 900): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, http.url);
  await opened.page.setViewportSize({ width, height });
  return opened;
}
afterEach(async () => {
  await opened?.close();
  opened = null;
});

/** What has focus: tag, id, text, href and whether it is inside the drawer / a dialog. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 120),
      href: el?.getAttribute('href') ?? null,
      inDialog: !!el?.closest('[role="dialog"], dialog'),
    };
  });
}

async function goAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await poll(() => page.locator('h1').count(), 'the h1').toBe(1);
  await waitForSettled(page);
}

describe('keyboard-only use', () => {
  test('skip link first, into the content, Tab to a story, Enter: focus lands on the article h1', async () => {
    const { page, expectNoProblems } = await open();
    await goAndSettle(page, '/');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content' });
    const box = await page.locator('a', { hasText: 'Skip to content' }).boundingBox();
    expect(box && box.width > 40 && box.height > 16, 'skip link visible when focused').toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });

    // Tab goes on from the content (not back to the header) and reaches a story.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      reached = ((await focused(page)).href ?? '').startsWith('/article/');
    }
    expect(reached, 'a story link reached with Tab').toBe(true);
    const { text: headline } = await focused(page);
    await page.keyboard.press('Enter');
    await poll(() => focused(page), 'focus on the new page h1').toMatchObject({ tag: 'h1', text: headline });
    await poll(
      () => page.locator('[aria-live="polite"]', { hasText: headline }).count(),
      'new title announced',
    ).toBeGreaterThan(0);
    // The article's tools follow: reading time, Save, Share, text size.
    expect(await page.getByText(/^\d+ min read$/).count()).toBe(1);
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(
      ['Save', 'Share'].some((name) => next.text.startsWith(name)),
      `after the h1: ${next.text}`,
    ).toBe(true);
    await expectNoProblems();
  });

  test('the menu drawer opens by keyboard, keeps Tab off the page, closes on Escape and returns focus', async () => {
    const { page, expectNoProblems } = await open(360, 780);
    await goAndSettle(page, '/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // Menu button
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Menu' });
    await page.keyboard.press('Enter');
    await poll(() => focused(page), 'focus in the drawer').toMatchObject({ text: 'Close menu', inDialog: true });
    await poll(
      () => page.getByRole('dialog', { name: 'Menu' }).getByRole('link').count(),
      'drawer links',
    ).toBeGreaterThan(3);
    const count = await page.getByRole('dialog', { name: 'Menu' }).locator('a[href], button').count();
    // A native modal dialog: past its last control, Tab goes to the browser's own UI (the
    // body here), then back to its first; never to the page behind.
    const stops: boolean[] = [];
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab');
      const where = await focused(page);
      expect(where.inDialog || where.tag === 'body', `Tab ${i + 1}: ${where.text}`).toBe(true);
      stops.push(where.inDialog);
    }
    expect(stops.filter(Boolean).length).toBeGreaterThanOrEqual(count);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog', { name: 'Menu' }).isHidden(), 'drawer closed').toBe(true);
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Menu' });
    await expectNoProblems();
  });

  test('shortcuts: ? help, j/k between stories, o opens, / searches, s saves; none fire while typing', async () => {
    const { page, expectNoProblems } = await open();
    await goAndSettle(page, '/');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await poll(() => help.isVisible(), 'help dialog open').toBe(true);
    expect(await help.locator('kbd').allTextContents()).toEqual(expect.arrayContaining(['?', '/', 'j', 'k', 'o', 's']));
    await page.keyboard.press('j'); // ignored while the dialog is open
    await page.keyboard.press('Escape');
    await poll(() => help.isVisible(), 'help dialog closed').toBe(false);

    const links = await page
      .locator('main a[href^="/article/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.keyboard.press('j');
    expect((await focused(page)).href).toBe(links[0]);
    await page.keyboard.press('j');
    expect((await focused(page)).href).toBe(links[1]);
    await page.keyboard.press('k');
    expect((await focused(page)).href).toBe(links[0]);
    await page.keyboard.press('Control+j'); // modifiers: not a shortcut
    expect((await focused(page)).href).toBe(links[0]);

    await page.keyboard.press('o');
    await poll(() => page.evaluate(() => location.pathname), 'opened').toBe(links[0]);
    await poll(() => focused(page), 'article h1 focused').toMatchObject({ tag: 'h1' });

    // s: the loose-coupled save event carries the story being read.
    await page.evaluate(() => {
      document.addEventListener(
        'reader:save-story',
        (event) => {
          (window as unknown as { savedSlug: string }).savedSlug = (event as CustomEvent<{ slug: string }>).detail.slug;
          event.preventDefault();
        },
        { once: true },
      );
    });
    await page.keyboard.press('s');
    expect(await page.evaluate(() => (window as unknown as { savedSlug?: string }).savedSlug)).toBe(
      decodeURIComponent(links[0]!.replace('/article/', '')),
    );
    // Unhandled, s clicks the story's own Save button.
    const save = page.locator('main article').getByRole('button', { name: /^Save/ });
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('s');
    await poll(() => save.getAttribute('aria-pressed'), 'saved').toBe('true');

    await page.keyboard.press('/');
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.type('jks?');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('jks?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
    await expectNoProblems();
  });
});

describe('article comforts', () => {
  test('Copy link copies the canonical link; text size is remembered; the progress bar follows', async () => {
    const { page, context, expectNoProblems } = await open(1280, 800);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: http.url });
    await goAndSettle(page, ARTICLE);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count(), 'confirmation').toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${http.url}${ARTICLE}`);

    const paragraph = page.locator('.article-text p').first();
    const size = () => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const before = await size();
    await page.getByLabel('Text size').selectOption('x-large');
    await poll(() => page.evaluate(() => document.documentElement.dataset.textSize), 'text size applied').toBe(
      'x-large',
    );
    await poll(size, 'larger text').toBeGreaterThan(before);
    await page.reload();
    await poll(() => page.locator('.article-text p').count(), 'body').toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
    expect(await size()).toBe(24);
    expect(await page.getByLabel('Text size').inputValue()).toBe('x-large');

    const bar = page.getByTestId('reading-progress');
    const scale = () => bar.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await scale()).toBe(0);
    await page.evaluate(() => {
      const article = document.querySelector('main article')!;
      window.scrollTo(0, article.getBoundingClientRect().bottom + window.scrollY - window.innerHeight);
    });
    await poll(scale, 'progress at the end of the article').toBeGreaterThan(0.95);
    await expectNoProblems();
  });

  test('back restores the list’s scroll position', async () => {
    const { page, expectNoProblems } = await open(1280, 700);
    await goAndSettle(page, '/latest');
    const link = page.locator('main li a[href^="/article/"]').nth(6);
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(300);
    await link.click();
    await poll(() => page.evaluate(() => location.pathname.startsWith('/article/')), 'on the article').toBe(true);
    await poll(() => page.evaluate(() => window.scrollY), 'article starts at the top').toBe(0);
    await page.goBack();
    await poll(() => page.evaluate(() => window.scrollY), 'scroll restored').toBe(y);
    await expectNoProblems();
  });
});

describe('reflow', () => {
  test('no horizontal scrolling at 320 px on the main routes, even with the largest text', async () => {
    const { page, expectNoProblems } = await open(320, 700);
    await page.goto('/no-such-page');
    await page.evaluate(() => localStorage.setItem('reader.textSize', 'x-large'));
    const overflowing: string[] = [];
    await goAndSettle(page, '/');
    let previousTitle = '';
    for (const path of ['/', ARTICLE, '/latest', '/trending', '/search?q=WhatsApp', '/saved', '/no-such-page']) {
      if (path !== '/') {
        // Client-side, as the reader gets there (and faster than reloading).
        await page.evaluate((to) => {
          history.pushState(null, '', to);
          dispatchEvent(new PopStateEvent('popstate'));
        }, path);
        await poll(() => page.evaluate(() => document.title), 'the new page').not.toBe(previousTitle);
        await waitForSettled(page);
      }
      previousTitle = await page.evaluate(() => document.title);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) overflowing.push(`${path}: ${scrollWidth} > ${clientWidth}`);
    }
    // The Theme panel (in the menu drawer at this width) opens within the window too.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('dialog', { name: 'Menu' })
      .getByRole('button', { name: /^Theme/ })
      .click();
    const panel = await page.getByRole('group', { name: 'Theme' }).boundingBox();
    if (!panel || panel.x < 0 || panel.x + panel.width > 320) overflowing.push(`Theme panel: ${JSON.stringify(panel)}`);
    expect(overflowing).toEqual([]);
    await expectNoProblems();
  });
});
