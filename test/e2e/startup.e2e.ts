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

/**
 * Counts React's commits through the hook React DevTools uses (production builds call it
 * too) and, at each, the changes to the DOM under #root since the last one. An attribute
 * set to the value it had (React re-sets a re-rendered input's) is no change.
 */
function recordCommits() {
  const commits: string[][] = [];
  let observer: MutationObserver | null = null;
  const changed = ({ type, target, attributeName, oldValue }: MutationRecord) =>
    type === 'childList' ||
    (type === 'attributes' ? (target as Element).getAttribute(attributeName!) : target.nodeValue) !== oldValue;
  const describe = (record: MutationRecord) => {
    const target = record.target instanceof Element ? record.target : record.target.parentElement;
    return `${record.type} ${record.attributeName ?? ''} in ${target?.tagName.toLowerCase()}.${target?.className.toString().slice(0, 40)}`;
  };
  Object.assign(window, {
    __commits: commits,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot() {
        commits.push((observer?.takeRecords() ?? []).filter(changed).map(describe));
        observer ??= new MutationObserver(() => {});
        observer.observe(document.getElementById('root')!, {
          subtree: true,
          childList: true,
          characterData: true,
          attributeOldValue: true,
          characterDataOldValue: true,
        });
      },
    },
  });
}

describe('hydration', () => {
  it.each(STORIES)('%s: no commit after hydration changes the server-rendered page', async (slug) => {
    const opened = await openPage(chromium.browser, production.url);
    try {
      await opened.page.addInitScript(recordCommits);
      await opened.page.goto(`/article/${slug}`);
      await waitUntilAppIdle(opened.page);
      const commits = await opened.page.evaluate(() => (window as unknown as { __commits: string[][] }).__commits);
      expect(commits.length, 'the hydration commit').toBeGreaterThan(0);
      // The first commit is hydration itself; none after it may change what the server sent.
      expect(commits.slice(1).filter((changes) => changes.length > 0)).toEqual([]);
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });
});
