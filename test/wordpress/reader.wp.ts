/**
 * The reader in Chromium on a real WordPress, through the production server
 * (`node dist-server/main.js` with CONTENT_SOURCE=wordpress: pages rendered on the
 * server, `/api` answered by the WordPress source, the WordPress origin in the CSP's
 * img-src). What a reader sees: decoded headlines, the typed body, pictures that load,
 * nothing from a post's scripts, non-Latin stories by their own address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableSlug } from '../../server/content/wordpress/map.ts';
import { browserForFile, openPage, poll, waitForSettled } from '../e2e/browser.ts';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import { buildIfMissing } from '../server/build.ts';
import { TEST_OPTIONS } from './scenarios.ts';
import { startWordPress, type WordPress } from './wordpress.ts';

let wordpress: WordPress;
let reader: ProductionServer;
const browser = browserForFile();

beforeAll(async () => {
  const started = Date.now();
  await buildIfMissing();
  wordpress = await startWordPress();
  reader = await startProductionServer({
    CONTENT_SOURCE: 'wordpress',
    WORDPRESS_URL: wordpress.url,
    WORDPRESS_EDITION_PARENT: TEST_OPTIONS.editionParent,
  });
  console.log(`reader on WordPress: build and start ${Date.now() - started} ms`, wordpress.timings);
});
afterAll(async () => {
  await reader?.close();
  await wordpress?.stop();
});

describe('the reader on a real WordPress', () => {
  it('shows the latest WordPress posts with decoded headlines and loaded pictures', async () => {
    const opened = await openPage(browser.browser, reader.url);
    try {
      await opened.page.goto('/latest');
      await opened.page.getByText('What’s next for India’s farmers & lenders').first().waitFor();
      await opened.page.getByText('भारत में छतों पर सौर ऊर्जा का तेज़ी से विस्तार').first().waitFor();
      await waitForSettled(opened.page);
      const text = await opened.page.locator('main').innerText();
      expect(text).not.toMatch(/&#\d+;|&amp;|<p>/);
      // The featured images come from WordPress: the CSP lets them in, and they are the card size.
      const pictures = await opened.page
        .locator(`main img[src^="${wordpress.url}"]`)
        .evaluateAll((images) =>
          (images as HTMLImageElement[]).map((image) => ({ src: image.src, loaded: image.naturalWidth > 0 })),
        );
      expect(pictures.length).toBeGreaterThan(0);
      await poll(() =>
        opened.page
          .locator(`main img[src^="${wordpress.url}"]`)
          .evaluateAll((images) => (images as HTMLImageElement[]).every((image) => image.naturalWidth > 0)),
      ).toBe(true);
      expect(pictures.every((picture) => /-768x\d+\.png$/.test(picture.src))).toBe(true);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });

  it('renders the Gutenberg post as headings, a quote, a list, a table, pictures and a card for the embed', async () => {
    const opened = await openPage(browser.browser, reader.url);
    try {
      await opened.page.goto(`/article/${wordpress.slugs.gutenberg}`);
      const article = opened.page.locator('article');
      await opened.page
        .getByRole('heading', { level: 1, name: 'Chip output hits a record as new fabs open' })
        .waitFor();
      await article.getByRole('heading', { name: 'Where the new capacity is' }).waitFor();
      await expect(article.locator('blockquote').innerText()).resolves.toContain(
        'We are building as fast as the equipment arrives.',
      );
      await expect(article.getByRole('link', { name: /View on YouTube/ }).getAttribute('href')).resolves.toBe(
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      );
      await article.getByText('The plant’s opening, on video.').waitFor();
      // The paragraph's link is kept, in its sentence.
      await expect(article.getByRole('link', { name: 'three new fabs' }).getAttribute('href')).resolves.toBe(
        'https://example.org/report',
      );
      await article.getByRole('table').getByRole('cell', { name: 'Q3' }).waitFor();
      await article.getByRole('listitem').filter({ hasText: 'Memory prices' }).waitFor();
      await article.getByRole('listitem').filter({ hasText: 'Export rules' }).waitFor();
      expect(await opened.page.locator('iframe').count()).toBe(0);
      // Body images load lazily: bring the last one into view first.
      await article.getByAltText('A silicon wafer').scrollIntoViewIfNeeded();
      await poll(() =>
        article
          .getByAltText('A silicon wafer')
          .evaluate((image) => (image as HTMLImageElement).naturalWidth > 0)
          .catch(() => false),
      ).toBe(true);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });

  it('runs nothing from a post with script and onerror', async () => {
    const opened = await openPage(browser.browser, reader.url);
    try {
      await opened.page.goto(`/article/${wordpress.slugs.unsafe}`);
      await opened.page.getByText('Readers can comment until May.', { exact: true }).waitFor();
      await waitForSettled(opened.page);
      expect(await opened.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(
        await opened.page.locator('article script, article iframe, article [onerror], article [onclick]').count(),
      ).toBe(0);
      const { pageErrors, cspViolations } = await opened.problems();
      expect({ pageErrors, cspViolations }).toEqual({ pageErrors: [], cspViolations: [] });
    } finally {
      await opened.close();
    }
  });

  it('opens an Arabic story by its Arabic address', async () => {
    const opened = await openPage(browser.browser, reader.url);
    try {
      const slug = readableSlug(wordpress.slugs.arabic ?? '');
      await opened.page.goto(`/article/${encodeURIComponent(slug)}`);
      await opened.page
        .getByRole('heading', { level: 1, name: 'المغرب يوسّع محطات الطاقة الشمسية في الصحراء' })
        .waitFor();
      await opened.page
        .locator('article')
        .getByText('أعلنت الحكومة المغربية عن مرحلة جديدة من مشروع نور للطاقة الشمسية.', { exact: true })
        .waitFor();
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });
});
