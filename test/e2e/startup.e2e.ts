/**
 * A story's body never blinks while the app starts: from the first frame until the page is
 * idle, the body's text only grows, for server-rendered pages (hydration keeps the server's
 * markup: html blocks, tables, lists, players) and for the static build (rendered once).
 */
import { describe, expect, it } from 'vitest';
import {
  bodyTextDrops,
  browserForFile,
  openPage,
  productionServerForFile,
  recordBodyTextPerFrame,
  waitUntilAppIdle,
  serverForFile,
  waitForSettled,
} from './browser.ts';

// Rich text and every kind of block in the fixtures: MathML in an html block, a table with
// details, a list, a video, and the reference story.
const STORIES = [
  'satellite-method-tracks-coral-bleaching-on-the-great-barrier-reef',
  'future-of-newsrooms-interactive-explainer',
  'five-lessons-from-two-decades-of-conditional-cash-transfers',
  'solar-mini-grids-now-power-3-000-clinics-in-sub-saharan-africa',
  'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app',
];

const chromium = browserForFile();
const production = productionServerForFile();
const staticSite = serverForFile();

describe.each([
  ['server-rendered (npm start)', () => production.url],
  ['static build', () => staticSite.url],
])('%s', (_name, baseUrl) => {
  it.each(STORIES)('%s: no body text lost in any frame while the page starts', async (slug) => {
    const opened = await openPage(chromium.browser, baseUrl());
    try {
      await recordBodyTextPerFrame(opened.page);
      await opened.page.goto(`/article/${slug}`);
      await waitForSettled(opened.page);
      await waitUntilAppIdle(opened.page);
      const { frames, drops } = await bodyTextDrops(opened.page);
      expect(frames).toBeGreaterThan(2);
      expect(drops, 'frames where body text disappeared').toEqual([]);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });
});

describe('hydration', () => {
  it.each(STORIES)('%s: the server-rendered article is taken over without a change to it', async (slug) => {
    const opened = await openPage(chromium.browser, production.url);
    try {
      // Every change to the article from the first byte until the page is idle, by what changed.
      await opened.page.addInitScript(() => {
        const changes: string[] = [];
        (window as unknown as { __articleChanges: string[] }).__articleChanges = changes;
        const describe = (node: Node) =>
          node instanceof Element
            ? `${node.tagName.toLowerCase()}.${node.className.toString().slice(0, 40)}`
            : node.nodeName;
        document.addEventListener('DOMContentLoaded', () => {
          const article = document.querySelector('article');
          if (!article) return;
          new MutationObserver((records) => {
            for (const record of records.filter(
              (change) =>
                !(change.target instanceof Element && change.target.matches('[data-testid="reading-progress"]')),
            ))
              changes.push(`${record.type} ${record.attributeName ?? ''} on ${describe(record.target)}`);
          }).observe(article, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      });
      await opened.page.goto(`/article/${slug}`);
      await waitUntilAppIdle(opened.page);
      // The reading-progress bar sets its own position on scroll and resize (no render): not a change to the story.
      const changes = await opened.page.evaluate(
        () => (window as unknown as { __articleChanges: string[] }).__articleChanges,
      );
      expect(changes, 'changes React made to the server-rendered article').toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
