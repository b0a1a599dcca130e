/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every
 * route, in the light and the dark theme, at a phone (360 px) and a desktop (1280 px)
 * width, with zero violations allowed. One page per theme visits every route (both widths);
 * a summary line per route, theme and width is printed. Home and article screenshots for each combination
 * go to test-results/screenshots/ (not committed). Also: no flash of the wrong theme.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../server/server.ts';
import { browserForFile, openPage, poll, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';

const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

const VIDEO_SLUG = 'rwandas-drone-network-delivers-its-100-000th-blood-supply';

/** `scrollThrough`: what renders only as it comes near the viewport (the home page's sector blocks) is audited too. */
const routes: { path: string; name: string; screenshot?: string; scrollThrough?: boolean }[] = [
  { path: '/', name: 'home', screenshot: 'home', scrollThrough: true },
  { path: `/article/${REFERENCE_SLUG}`, name: 'article', screenshot: 'article' },
  { path: `/article/${VIDEO_SLUG}`, name: 'video' },
  // Rich text, a table, a separator, details, a list and a MathML html block.
  { path: '/article/future-of-newsrooms-interactive-explainer', name: 'table' },
  { path: '/article/satellite-method-tracks-coral-bleaching-on-the-great-barrier-reef', name: 'math' },
  { path: '/latest', name: 'latest' },
  { path: '/trending', name: 'trending' },
  { path: '/opinion', name: 'opinion' },
  { path: '/devshots', name: 'devshots' },
  { path: '/sector/technology', name: 'sector' },
  { path: '/edition/india', name: 'edition' },
  { path: '/search?q=WhatsApp', name: 'search' },
  { path: '/saved', name: 'saved' },
  { path: '/feeds', name: 'feeds' },
  { path: '/tag/EU', name: 'tag' },
  { path: '/following', name: 'following' },
];
routes.push({ path: '/no-such-page', name: '404' });

const ctx = browserForFile();
const http = serverForFile();

let opened: OpenedPage | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

/** Loaded: one non-empty h1 (other than `previous`), nothing busy, eager images in. */
async function loaded(page: Page, previous = ''): Promise<string> {
  let heading = '';
  await poll(async () => {
    const texts = await page.locator('h1').allTextContents();
    heading = texts[0]?.trim() ?? '';
    return texts.length === 1 && heading !== '' && heading !== previous;
  }, 'one new h1 with text').toBe(true);
  await waitForSettled(page);
  return heading;
}

/** axe-core in the page, WCAG A/AA rules only, violations only. */
function runAxe(page: Page, tags: string[]): Promise<AxeResults> {
  return page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    tags,
  );
}

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

type ViolationSummary = Record<string, string[]>;

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
];

function describeViolations(results: AxeResults): string[] {
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join(', ')}${violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : ''}`,
  );
}

/**
 * One page per theme visits every route, each audited at both widths (the window is resized
 * in place). The first audit goes through AxeBuilder, which leaves axe-core in the page; the
 * other routes are reached by client-side navigation (a history entry and a popstate, as the
 * back button does), which saves injecting axe's 500 kB for every audit: several times faster.
 */
async function auditAllRoutes(theme: 'light' | 'dark'): Promise<ViolationSummary> {
  const opened = await openPage(ctx.browser, http.url);
  try {
    const { page } = opened;
    // The dark run uses the stored choice over a light system theme: the remembered setting wins.
    await page.goto('/no-such-page');
    await page.evaluate((value) => localStorage.setItem('reader.theme', value), theme);
    // A returning reader, so the "New" marks and their count are audited too.
    await page.evaluate(
      (lastActiveAt) => localStorage.setItem('devdiscourse-visit', JSON.stringify({ since: null, lastActiveAt })),
      Date.parse('2026-02-11T00:00:00Z'),
    );
    // Following a sector and a tag, so /following shows its stories and the sections bar its link.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('devdiscourse-following');
          request.onupgradeneeded = () => request.result.createObjectStore('topics');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const transaction = request.result.transaction('topics', 'readwrite');
            const topics = transaction.objectStore('topics');
            topics.put({ kind: 'sector', slug: 'technology', name: 'Technology', followedAt: 1 }, 'sector:technology');
            topics.put({ kind: 'tag', slug: 'EU', name: 'EU', followedAt: 2 }, 'tag:EU');
            transaction.oncomplete = () => {
              request.result.close();
              resolve();
            };
          };
        }),
    );
    await page.goto('/following');
    await page.getByRole('list', { name: 'Newest stories' }).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const found: ViolationSummary = {};
    let heading = '';
    for (const [index, route] of routes.entries()) {
      const started = Date.now();
      await page.setViewportSize(WIDTHS[0]!);
      if (index === 0) {
        await page.goto(route.path);
      } else {
        await page.evaluate((to) => {
          history.pushState(null, '', to);
          dispatchEvent(new PopStateEvent('popstate'));
        }, route.path);
      }
      heading = await loaded(page, heading);
      if (route.scrollThrough) {
        await page.evaluate(async () => {
          const frame = () => new Promise((resolve) => setTimeout(resolve, 100));
          for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
            window.scrollTo(0, y);
            await frame();
          }
          window.scrollTo(0, 0);
        });
        await poll(() => page.locator('[data-sector-placeholder]').count(), 'every sector block rendered').toBe(0);
        await waitForSettled(page);
      }
      const loadMs = Date.now() - started;
      expect(await page.evaluate(() => document.documentElement.dataset.theme), `theme on ${route.path}`).toBe(theme);
      for (const viewport of WIDTHS) {
        await page.setViewportSize(viewport);
        await poll(() => page.evaluate(() => document.documentElement.clientWidth), 'resized').toBe(viewport.width);
        const axeStarted = Date.now();
        const results =
          index === 0 && viewport === WIDTHS[0]
            ? await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze()
            : await runAxe(page, WCAG_TAGS);
        const violations = describeViolations(results);
        console.log(
          `axe ${route.name.padEnd(8)} ${route.path.slice(0, 28).padEnd(28)} ${theme.padEnd(5)} ${String(viewport.width).padStart(4)}px: ${violations.length} violations (load ${loadMs} ms, axe ${Date.now() - axeStarted} ms)`,
        );
        if (violations.length > 0) found[`${route.path} at ${viewport.width}px`] = violations;
        if (route.screenshot) {
          const shotStarted = Date.now();
          await page.evaluate(async () => {
            (document.activeElement as HTMLElement | null)?.blur(); // no focus ring in the picture
            window.scrollTo(0, 0);
            // A full-page picture shows what a reader would see on scrolling: lazy images loaded.
            const lazy = [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')];
            for (const img of lazy) img.loading = 'eager';
            await Promise.all(
              lazy.map((img) =>
                img.complete
                  ? null
                  : new Promise((resolve) => {
                      img.addEventListener('load', resolve, { once: true });
                      img.addEventListener('error', resolve, { once: true });
                    }),
              ),
            );
          });
          await page.screenshot({
            path: path.join(SCREENSHOT_DIR, `${route.screenshot}-${theme}-${viewport.width}.png`),
            fullPage: true,
          });
          console.log(`screenshot ${route.screenshot}-${theme}-${viewport.width}.png: ${Date.now() - shotStarted} ms`);
        }
      }
    }
    await opened.expectNoProblems();
    return found;
  } finally {
    await opened.close();
  }
}

describe('axe finds no WCAG 2.2 AA violations on any route, at 1280 and 360 px', () => {
  test.each(['light', 'dark'] as const)(
    '%s theme',
    async (theme) => {
      expect(await auditAllRoutes(theme), 'axe violations per route and width').toEqual({});
    },
    150_000, // generous: the machine may be shared; on its own each theme takes far less
  );
});

describe('themes', () => {
  test('a stored dark theme is on <html> before the app runs: no flash of the light theme', async () => {
    opened = await openPage(ctx.browser, http.url);
    const { page } = opened;
    await page.goto('/no-such-page');
    await page.evaluate(() => localStorage.setItem('reader.theme', 'dark'));
    // Block the app's scripts: whatever theme shows now comes from <head> alone.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(
      await page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        dark: document.documentElement.classList.contains('dark'),
        background: getComputedStyle(document.body).backgroundColor,
      })),
    ).toEqual({
      theme: 'dark',
      dark: true,
      background: expect.not.stringMatching(/rgb\(255, 255, 255\)|oklch\(1 0 0\)/),
    });
  });

  test('the system theme is followed when the reader has not chosen, and the choice is remembered', async () => {
    opened = await openPage(ctx.browser, http.url);
    const { page, expectNoProblems } = opened;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await loaded(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await poll(() => page.evaluate(() => document.documentElement.dataset.theme), 'follows the system').toBe('light');

    await page.getByRole('button', { name: /^Theme/ }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await loaded(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expectNoProblems();
  });
});
