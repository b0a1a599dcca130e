import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { storySchema, type Story } from '../src/features/article/api/story';
import {
  beginVisit,
  clearVisits,
  createHistoryStore,
  HISTORY_LIMIT,
  setHistoryStore,
  touchVisit,
  VISIT_GAP_MS,
  type OpenedStory,
} from '../src/features/history';
import { createReadingListStore, memoryStorage, setReadingListStore } from '../src/features/reading-list';
import { memoryKeyedStorage } from '../src/lib/deviceStore';
import { REFERENCE_SLUG, renderApp } from './renderApp';
import { mapStorage } from './mapStorage';

const VISIT_KEY = 'devdiscourse-visit';
const HOUR = 60 * 60_000;

function historyInMemory(opened: OpenedStory[] = []) {
  const store = createHistoryStore({ storage: memoryKeyedStorage(opened.map((item) => [item.slug, item])) });
  setHistoryStore(store);
  return store;
}

/** As if the reader's previous visit ended at `lastActiveAt`, long enough ago for this to be a new visit. */
function previousVisitEndedAt(lastActiveAt: number) {
  localStorage.setItem(VISIT_KEY, JSON.stringify({ since: null, lastActiveAt }));
}

const story = (slug: string): Story => storySchema.parse(db.findStory(slug));

beforeEach(() => historyInMemory());
afterEach(() => {
  clearVisits();
  localStorage.clear();
  setHistoryStore(null);
  setReadingListStore(null);
});

describe('visits', () => {
  it('a first visit has nothing new; a visit after a gap counts from when the last one ended', () => {
    const storage = mapStorage();
    expect(beginVisit(storage, 1_000)).toBeNull();
    touchVisit(storage, 5_000);
    // Back within the gap (a reload, another tab): the same visit, still nothing new.
    expect(beginVisit(storage, 5_000 + VISIT_GAP_MS)).toBeNull();
    const lastSeen = 5_000 + VISIT_GAP_MS;
    expect(beginVisit(storage, lastSeen + VISIT_GAP_MS + 1)).toBe(lastSeen);
    // The new visit keeps its start while it goes on.
    touchVisit(storage, lastSeen + VISIT_GAP_MS + 60_000);
    expect(beginVisit(storage, lastSeen + VISIT_GAP_MS + 120_000)).toBe(lastSeen);
  });

  it('the history keeps the last opened stories only', async () => {
    const store = createHistoryStore({ storage: memoryKeyedStorage(), limit: 3 });
    await store.ready;
    for (let index = 0; index < 5; index++) {
      await store.put({ slug: `s${index}`, headline: `S${index}`, updatedAt: '2026-01-01T00:00:00Z', openedAt: index });
    }
    expect(store.getSnapshot().items.map((item) => item.slug)).toEqual(['s4', 's3', 's2']);
    expect(HISTORY_LIMIT).toBe(500);
  });
});

describe('since your last visit', () => {
  // The first page, as Latest shows it: versions of a wire story merged.
  const latest = mergeVersions(db.listStories({ feed: 'latest' }).slice(0, 20));
  // The previous visit ended just before the third newest story was published.
  const lastVisit = Date.parse(latest[2]!.publishedAt) - 60_000;
  const newOnes = latest.filter((item) => Date.parse(item.publishedAt) > lastVisit);

  it('Latest marks the stories published since and counts them', async () => {
    expect(newOnes.length).toBeGreaterThanOrEqual(3);
    previousVisitEndedAt(lastVisit);
    renderApp('/latest');
    expect(await screen.findByText(new RegExp(`^${newOnes.length} new since`))).toBeVisible();
    const list = screen.getByRole('list', { name: 'Latest News' });
    const marked = within(list)
      .getAllByText('New')
      .map((mark) => mark.closest('li')!.querySelector('h2')!.textContent);
    expect(marked).toEqual(newOnes.map((item) => item.headline));
  });

  it('a tab that comes back into view after the gap starts a new visit', async () => {
    renderApp('/latest');
    await screen.findByRole('list', { name: 'Latest News' });
    expect(screen.queryByText(/new since/)).not.toBeInTheDocument();
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      act(() => void document.dispatchEvent(new Event('visibilitychange')));
    };
    setVisibility('hidden');
    // Hidden all along since the reader was last here, long before now.
    previousVisitEndedAt(lastVisit);
    setVisibility('visible');
    expect(await screen.findByText(new RegExp(`^${newOnes.length} new since`))).toBeVisible();
    Reflect.deleteProperty(document, 'visibilityState');
  });

  it('the home page counts them too; a first visit marks nothing', async () => {
    previousVisitEndedAt(lastVisit);
    const { unmount } = renderApp('/');
    expect(await screen.findByText(new RegExp(`^\\d+ new since`))).toBeVisible();
    unmount();
    clearVisits();
    localStorage.clear();
    renderApp('/latest');
    await screen.findByRole('list', { name: 'Latest News' });
    expect(screen.queryByText(/new since/)).not.toBeInTheDocument();
    expect(screen.queryByText('New')).not.toBeInTheDocument();
  });

  it('a story read before and updated since is marked on its card and on its page, and the new version recorded', async () => {
    const reference = story(REFERENCE_SLUG);
    const readVersion = new Date(Date.parse(reference.updatedAt) - HOUR).toISOString();
    const history = historyInMemory([
      { slug: REFERENCE_SLUG, headline: 'An older headline', updatedAt: readVersion, openedAt: 1 },
    ]);
    const { user } = renderApp('/trending');
    const link = await screen.findByRole('link', { name: reference.headline });
    expect(within(link.closest('li')!).getByText('Updated since you read it')).toBeVisible();

    await user.click(link);
    const article = await screen.findByRole('article');
    expect(within(article).getByText('Updated since you read it')).toBeVisible();
    expect(within(article).getByText(/headlined “An older headline”/)).toBeVisible();
    await waitFor(() =>
      expect(history.getSnapshot().items.find((item) => item.slug === REFERENCE_SLUG)?.updatedAt).toBe(
        reference.updatedAt,
      ),
    );
  });

  it('a newer version of a wire story the reader read is an update to them, not a new story', async () => {
    previousVisitEndedAt(Date.parse('2026-01-01T00:00:00Z'));
    const earlier = db.findStory('update-1-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app')!;
    historyInMemory([{ slug: earlier.slug, headline: earlier.headline, updatedAt: earlier.updatedAt, openedAt: 1 }]);
    renderApp('/latest');
    const link = await screen.findByRole('link', { name: db.findStory(REFERENCE_SLUG)!.headline });
    const card = link.closest('li')!;
    expect(await within(card).findByText('Updated since you read it')).toBeVisible();
    expect(within(card).queryByText('New')).not.toBeInTheDocument();
  });

  it('opening a story records it, and its "New" mark goes', async () => {
    previousVisitEndedAt(lastVisit);
    const history = historyInMemory();
    const { user } = renderApp('/latest');
    const first = newOnes[0]!;
    const link = await screen.findByRole('link', { name: first.headline });
    await waitFor(() => expect(within(link.closest('li')!).getByText('New')).toBeVisible());
    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: first.headline });
    await waitFor(() => expect(history.getSnapshot().items.map((item) => item.slug)).toEqual([first.slug]));
    await user.click(screen.getByRole('link', { name: 'Latest' }));
    const again = await screen.findByRole('link', { name: first.headline });
    expect(within(again.closest('li')!).queryByText('New')).not.toBeInTheDocument();
  });

  it('the history is cleared in one place, on the saved stories page', async () => {
    previousVisitEndedAt(lastVisit);
    const history = historyInMemory([
      { slug: REFERENCE_SLUG, headline: 'x', updatedAt: '2026-01-01T00:00:00Z', openedAt: 1 },
    ]);
    const { user } = renderApp('/saved');
    const section = await screen.findByRole('region', { name: 'Your history on this device' });
    expect(await within(section).findByText(/^1 story opened/)).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Clear history' }));
    expect(await within(section).findByText('History cleared.')).toBeVisible();
    expect(history.getSnapshot().items).toEqual([]);
    expect(localStorage.getItem(VISIT_KEY)).toBeNull();
  });
});

describe('saved stories the publisher changed', () => {
  function savedOlderVersion() {
    const now = story(REFERENCE_SLUG);
    const fixture = db.findStory(REFERENCE_SLUG)!;
    const older: Story = storySchema.parse({
      ...fixture,
      headline: 'UPDATE 2-WhatsApp says Russia tried to block service',
      updatedAt: new Date(Date.parse(now.updatedAt) - HOUR).toISOString(),
      body: [{ type: 'paragraph', text: 'An earlier first paragraph.' }, ...fixture.body.slice(1)],
    });
    const store = createReadingListStore({ storage: memoryStorage([{ story: older, savedAt: 1 }]) });
    setReadingListStore(store);
    return { store, now };
  }

  it('/saved refreshes the copy and shows the new headline, time and changed paragraph', async () => {
    const { store, now } = savedOlderVersion();
    const { user } = renderApp('/saved');
    const list = await screen.findByRole('list', { name: 'Saved stories' });
    expect(await within(list).findByText('Updated since you saved it')).toBeVisible();
    expect(within(list).getByRole('link', { name: now.headline })).toBeVisible();
    expect(within(list).getByText(/It was headlined “UPDATE 2-WhatsApp/)).toBeVisible();
    await user.click(within(list).getByText('1 paragraph changed'));
    expect(within(list).getByText(/^Russia has attempted/)).toBeVisible();
    expect(store.getSnapshot().items[0]!.story.updatedAt).toBe(now.updatedAt);

    await user.click(within(list).getByRole('button', { name: `Seen it: ${now.headline}` }));
    await waitFor(() => expect(within(list).queryByText('Updated since you saved it')).not.toBeInTheDocument());
    expect(store.getSnapshot().items[0]!.previous).toBeNull();
  });

  it('the article highlights the paragraphs that changed since it was saved', async () => {
    savedOlderVersion();
    renderApp(`/article/${REFERENCE_SLUG}`);
    const changed = await screen.findAllByRole('group', { name: 'Changed since you saved it' });
    expect(changed.map((group) => group.textContent?.slice(0, 25))).toEqual(['Russia has attempted to "']);
  });
});
