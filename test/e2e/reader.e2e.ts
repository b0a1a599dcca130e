/**
 * The reader's own features in Chromium against the production build, with the API on the
 * test server: following shared by two tabs and read offline; a later visit (the browser's
 * clock moved on) marking what is new and what changed since it was read or saved; versions
 * of a wire story merged in Latest and Trending, each still at its own address.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { db } from '../../mocks/fixtures';
import { mergeVersions, withoutWirePrefix } from '../../src/lib/api/wireVersions';
import { REFERENCE_SLUG } from '../renderApp';
import { browserForFile, openPage, poll, serverForFile, waitForSettled, type OpenedPage } from './browser';

const ctx = browserForFile();
const api = serverForFile({ api: true });
// The static build on its in-process mock API, whose clock `?mockClock=` moves.
const demo = serverForFile();

let opened: OpenedPage | null = null;
async function open(): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, api.url);
  return opened;
}
afterEach(async () => {
  api.server.clearFaults();
  await opened?.close();
  opened = null;
});

async function expectH1(page: Page, text: string): Promise<void> {
  await poll(() => page.locator('h1').allTextContents(), 'the h1').toEqual([text]);
}

const headlinesOn = (page: Page, list: string) =>
  page.getByRole('list', { name: list, exact: true }).getByRole('heading').allTextContents();

describe('following', () => {
  test('a follow in one tab shows in the other, and Following reads offline', async () => {
    const { page, context, expectNoProblems } = await open();
    const other = await context.newPage();
    await other.goto('/following');
    await other.getByRole('heading', { level: 2, name: 'You do not follow anything yet' }).waitFor();

    await page.goto('/sector/technology');
    await page.getByRole('button', { name: 'Follow Technology' }).click();
    await poll(() => page.getByRole('button', { name: 'Following Technology' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // On to the story in the app (a full load could cut the follow's IndexedDB write short).
    await page
      .getByRole('link', { name: db.findStory(REFERENCE_SLUG)!.headline })
      .first()
      .click();
    await page.getByRole('button', { name: 'Follow Russia' }).click();
    await poll(() => page.getByRole('button', { name: 'Following Russia' }).getAttribute('aria-pressed')).toBe('true');

    const technology = db.listStories({ feed: 'latest', sector: 'technology' });
    const russia = db.listStories({ feed: 'latest', tag: 'russia' });
    const merged = mergeVersions(
      [...new Map([...technology, ...russia].map((story) => [story.slug, story])).values()].sort(
        (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
      ),
    ).map((story) => story.headline);
    // The other tab hears of both over the BroadcastChannel, without a reload.
    await poll(() => headlinesOn(other, 'Newest stories'), 'the other tab').toEqual(merged.slice(0, 20));
    await expect(
      other.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Following' }).isVisible(),
    ).resolves.toBe(true);

    await expectNoProblems();
    await page.close();
    // Offline, the page is read again from what was fetched (the persisted query cache and the worker).
    await poll(() => other.evaluate(() => navigator.serviceWorker.controller?.state ?? null), 'worker').toBe(
      'activated',
    );
    await waitForSettled(other);
    await context.setOffline(true);
    await other.reload();
    await expectH1(other, 'Following');
    await poll(() => headlinesOn(other, 'Newest stories'), 'offline').toEqual(merged.slice(0, 20));
    await context.setOffline(false);
  });
});

describe('since your last visit', () => {
  test('a later visit marks new stories, and the story read and saved as changed', async () => {
    // The first page as Latest shows it: versions of a wire story merged.
    const latest = mergeVersions(db.listStories({ feed: 'latest' }).slice(0, 20));
    // The first visit falls in a gap of the news, so exactly `newCount` stories come after it.
    const newCount = latest.findIndex(
      (story, index) =>
        index >= 2 && Date.parse(latest[index - 1]!.publishedAt) - Date.parse(story.publishedAt) > 40 * 60_000,
    );
    expect(newCount).toBeGreaterThanOrEqual(2);
    const firstVisit =
      (Date.parse(latest[newCount - 1]!.publishedAt) + Date.parse(latest[newCount]!.publishedAt)) / 2 - 5 * 60_000;

    const reference = db.findStory(REFERENCE_SLUG)!;
    // The reference story is read on the first visit: read, it is no longer new.
    const unread = latest.slice(0, newCount).filter((story) => story.slug !== REFERENCE_SLUG).length;
    const readVersion = new Date(Date.parse(reference.updatedAt) - 60 * 60_000).toISOString();
    const { page, context, expectNoProblems } = await open();
    await context.clock.install({ time: firstVisit });
    // On the first visit the publisher still had the earlier version of the reference story.
    api.server.setFaults([{ match: `/stories/${REFERENCE_SLUG}`, json: { ...reference, updatedAt: readVersion } }]);
    await page.goto('/latest');
    await page.getByRole('list', { name: 'Latest News', exact: true }).waitFor();
    await expect(page.getByText(/new since/).count()).resolves.toBe(0);
    await page.goto(`/article/${REFERENCE_SLUG}`);
    await page.getByRole('button', { name: `Save: ${reference.headline}` }).click();
    await page.getByRole('button', { name: `Saved: ${reference.headline}` }).waitFor();
    await page.close();

    // Three hours later, the publisher has updated the story.
    api.server.clearFaults();
    const later = await context.newPage();
    await later.clock.setSystemTime(firstVisit + 3 * 60 * 60_000);
    await later.goto('/latest');
    await poll(() => later.getByText(/new since/).textContent(), 'the count').toMatch(
      new RegExp(`^${unread} new since`),
    );
    const list = later.getByRole('list', { name: 'Latest News', exact: true });
    await poll(() => list.getByText('New', { exact: true }).count(), 'New marks').toBe(unread);

    await later.goto('/trending');
    const card = later.getByRole('listitem').filter({ has: later.getByRole('link', { name: reference.headline }) });
    await poll(() => card.getByText('Updated since you read it').count(), 'the card').toBe(1);

    await later.goto('/saved');
    await poll(() => later.getByText('Updated since you saved it').count(), 'the saved story').toBe(1);

    await later.goto(`/article/${REFERENCE_SLUG}`);
    await poll(() => later.getByRole('article').getByText('Updated since you read it').count(), 'the article').toBe(1);
    await expectNoProblems();
  });
});

describe('wire updates as one story', () => {
  test('Latest and Trending list each wire story once, and every version opens at its own address', async () => {
    const { page, expectNoProblems } = await open();
    const reference = db.findStory(REFERENCE_SLUG)!;
    const base = withoutWirePrefix(reference.headline);
    await page.goto('/latest');
    const latest = page.getByRole('list', { name: 'Latest News', exact: true });
    await latest.waitFor();
    await poll(() => latest.getByRole('heading', { name: base }).allTextContents(), 'WhatsApp in Latest').toEqual([
      reference.headline,
    ]);
    await expect(
      latest
        .getByRole('listitem')
        .filter({ hasText: base })
        .getByText(/Updated 3 times/)
        .count(),
    ).resolves.toBe(1);

    await page.goto('/trending');
    const trending = page.getByRole('list', { name: 'Trending', exact: true });
    await trending.waitFor();
    await poll(
      () => trending.getByRole('heading', { name: 'China trade negotiator met Westinghouse' }).count(),
      'China in Trending',
    ).toBe(1);

    const versions = [reference, ...reference.versions];
    expect(versions).toHaveLength(4);
    for (const version of versions) {
      await page.goto(`/article/${version.slug}`);
      await poll(() => page.locator('h1').allTextContents(), version.slug).toEqual([version.headline]);
      await expect(page.getByRole('navigation', { name: 'Versions of this story' }).isVisible()).resolves.toBe(true);
    }
    await expectNoProblems();
  });
});

describe('listen', () => {
  test('reads the story aloud in order, in an English voice, marking the paragraph read', async () => {
    const { page, context, expectNoProblems } = await open();
    // Chromium's speech, replaced at its boundary: the test sees what is queued, in what order, with what voice.
    await context.addInitScript(() => {
      const spoken: { text: string; voice: string | null; rate: number }[] = [];
      const queue: { onend: (() => void) | null }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      (window as unknown as { __finish: () => void }).__finish = () => queue.at(-1)?.onend?.();
      const voices = [
        { name: 'Deutsch', lang: 'de-DE', default: true, localService: true, voiceURI: 'de' },
        { name: 'English', lang: 'en-GB', default: false, localService: true, voiceURI: 'en' },
      ];
      const speech = {
        getVoices: () => voices,
        speak: (utterance: SpeechSynthesisUtterance) => {
          spoken.push({ text: utterance.text, voice: utterance.voice?.name ?? null, rate: utterance.rate });
          queue.push(utterance as unknown as { onend: (() => void) | null });
        },
        cancel: () => {},
        pause: () => {},
        resume: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
      // Chromium's own utterance takes only its own voices: the fake voices need a plain one.
      class Utterance {
        lang = '';
        rate = 1;
        voice: unknown = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    });
    const reference = db.findStory(REFERENCE_SLUG)!;
    await page.goto(`/article/${REFERENCE_SLUG}`);
    await page.getByRole('button', { name: 'Listen' }).click();
    await page.evaluate(() => (window as unknown as { __finish: () => void }).__finish());
    const spoken = () =>
      page.evaluate(() => (window as unknown as { __spoken: { text: string; voice: string | null }[] }).__spoken);
    const first = (reference.body[0] as { text: string }).text;
    await poll(spoken, 'what was queued').toEqual([
      { text: reference.headline, voice: 'English', rate: 1 },
      { text: first, voice: 'English', rate: 1 },
    ]);
    await poll(() => page.locator('article [data-listening]').allTextContents(), 'the marked paragraph').toEqual([
      first,
    ]);
    await page.keyboard.press('l');
    await poll(() => page.getByRole('button', { name: 'Resume' }).count(), 'paused by the l key').toBe(1);
    await expectNoProblems();
  });
});

describe("on mock data, the mock API's clock moved forward", () => {
  test('a later visit shows what is new and what changed in a saved story', async () => {
    const CYCLONE = 'cyclone-warning-issued-for-mozambique-coast-as-storm-strengthens';
    const cyclone = db.findStory(CYCLONE)!;
    const firstVisit = Date.parse(cyclone.publishedAt) + 60 * 60_000;
    const laterVisit = Date.parse('2026-02-12T12:00:00Z');
    opened = await openPage(ctx.browser, demo.url);
    const { page, context, expectNoProblems } = opened;
    await context.clock.install({ time: firstVisit });
    await page.goto(`/article/${CYCLONE}?mockClock=${new Date(firstVisit).toISOString()}`);
    await poll(() => page.locator('h1').allTextContents(), 'the story as it was').toEqual([
      'Cyclone watch issued for Mozambique coast',
    ]);
    await page.getByRole('button', { name: 'Save: Cyclone watch issued for Mozambique coast' }).click();
    await page.getByRole('button', { name: 'Saved: Cyclone watch issued for Mozambique coast' }).waitFor();
    await expectNoProblems();
    await page.close();

    const later = await context.newPage();
    await later.clock.setSystemTime(laterVisit);
    await later.goto(`/latest?mockClock=${new Date(laterVisit).toISOString()}`);
    const firstPage = mergeVersions(db.listStories({ feed: 'latest' }).slice(0, 20));
    const published = firstPage.filter((story) => Date.parse(story.publishedAt) > firstVisit + 60_000);
    expect(published.length).toBeGreaterThan(3);
    await poll(() => later.getByText(/new since/).textContent(), 'the count').toMatch(
      new RegExp(`^${published.length} new since`),
    );

    await later.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Saved' }).click();
    const saved = later.getByRole('list', { name: 'Saved stories' });
    await poll(() => saved.getByText('Updated since you saved it').count(), 'the saved story flagged').toBe(1);
    await expect(saved.getByRole('link').first().textContent()).resolves.toBe(cyclone.headline);
    await expect(saved.getByText(/It was headlined “Cyclone watch issued for Mozambique coast”/).count()).resolves.toBe(
      1,
    );
    await saved.getByText('2 paragraphs changed').click();
    await saved.getByRole('link', { name: cyclone.headline }).click();
    await poll(
      () => later.getByRole('group', { name: 'Changed since you saved it' }).count(),
      'changed paragraphs on the article',
    ).toBe(2);
  });
});
