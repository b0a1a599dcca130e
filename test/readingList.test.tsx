import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../mocks/fixtures';
import { createQueryClient } from '../src/app/queryClient';
import { storySchema, type Story } from '../src/features/article/api/story';
import { StoryList } from '../src/features/feeds';
import {
  createReadingListStore,
  memoryStorage,
  SaveButton,
  setReadingListStore,
  type ReadingListStorage,
} from '../src/features/reading-list';
import { server } from './mswServer';
import { REFERENCE_SLUG, renderApp } from './renderApp';
import { channelPair } from './channelPair';

function story(slug: string): Story {
  const found = db.findStory(slug);
  if (!found) throw new Error(`no fixture ${slug}`);
  // As the app holds it: parsed by the contract's schema (fixtures send plain strings for rich text).
  return storySchema.parse(found);
}
const REFERENCE = story(REFERENCE_SLUG);
const OTHER = story(db.data.stories.find((item) => item.slug !== REFERENCE_SLUG)!.slug);

/** A reading list in memory, installed as the app's, with these stories already saved. */
function useMemoryList(saved: { story: Story; savedAt: number }[] = []) {
  const storage = memoryStorage(saved);
  const store = createReadingListStore({ storage });
  setReadingListStore(store);
  return { store, storage };
}

afterEach(() => setReadingListStore(null));

describe('the reading-list store', () => {
  it('keeps whole stories, newest saved first, and survives a new store on the same storage', async () => {
    let clock = 1000;
    const storage: ReadingListStorage = memoryStorage();
    const store = createReadingListStore({ storage, now: () => clock++ });
    await store.ready;
    expect(store.getSnapshot()).toEqual({ status: 'ready', items: [] });
    await store.save(REFERENCE);
    await store.save(OTHER);
    expect(store.getSnapshot().items.map((item) => item.story.slug)).toEqual([OTHER.slug, REFERENCE.slug]);

    // A reload of the app (a new version, even): the list is read back from storage.
    const later = createReadingListStore({ storage });
    await later.ready;
    expect(later.getSnapshot().items.map((item) => item.story.slug)).toEqual([OTHER.slug, REFERENCE.slug]);
    expect(later.getSnapshot().items[1]!.story.body).toEqual(REFERENCE.body);

    await later.remove(OTHER.slug);
    expect(later.getSnapshot().items.map((item) => item.story.slug)).toEqual([REFERENCE.slug]);
  });

  it('tells the other tabs, which read the list again', async () => {
    const storage = memoryStorage();
    const [tabA, tabB] = channelPair();
    const a = createReadingListStore({ storage, channel: tabA });
    const b = createReadingListStore({ storage, channel: tabB });
    await Promise.all([a.ready, b.ready]);
    const seen = vi.fn();
    b.subscribe(seen);
    await a.save(REFERENCE);
    await waitFor(() => expect(b.getSnapshot().items.map((item) => item.story.slug)).toEqual([REFERENCE.slug]));
    expect(seen).toHaveBeenCalled();
    await a.remove(REFERENCE.slug);
    await waitFor(() => expect(b.getSnapshot().items).toEqual([]));
  });
});

describe('Save on the article page and on cards', () => {
  it('saves the open story whole; the button says so (aria-pressed) and toggles back', async () => {
    const { store } = useMemoryList();
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    const save = await screen.findByRole('button', { name: `Save: ${REFERENCE.headline}` });
    expect(save).toHaveAttribute('aria-pressed', 'false');
    await user.click(save);
    const saved = await screen.findByRole('button', { name: `Saved: ${REFERENCE.headline}` });
    expect(saved).toHaveAttribute('aria-pressed', 'true');
    expect(store.getSnapshot().items[0]!.story).toMatchObject({ slug: REFERENCE_SLUG, body: REFERENCE.body });

    await user.click(saved);
    await screen.findByRole('button', { name: `Save: ${REFERENCE.headline}` });
    expect(store.getSnapshot().items).toEqual([]);
  });

  it('saving from a card fetches the full story first, so the body is kept', async () => {
    const { store } = useMemoryList();
    const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
    const card = REFERENCE.related[0]!;
    const whole = story(card.slug);
    const requested = vi.fn();
    server.events.on('request:start', ({ request }) => requested(new URL(request.url).pathname));
    const router = createMemoryRouter(
      [{ path: '/', element: <StoryList stories={[card]} renderActions={(item) => <SaveButton story={item} />} /> }],
      { initialEntries: ['/'] },
    );
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: `Save: ${card.headline}` }));
    await screen.findByRole('button', { name: `Saved: ${card.headline}`, pressed: true });
    expect(requested).toHaveBeenCalledWith(`/stories/${card.slug}`);
    expect(store.getSnapshot().items[0]!.story.body).toEqual(whole.body);
    server.events.removeAllListeners();
  });

  it('says so when a card story cannot be fetched, and saves nothing', async () => {
    const { store } = useMemoryList();
    server.use(
      http.get('*/stories/:slug', () => HttpResponse.json({ error: { code: 'x', message: 'x' } }, { status: 404 })),
    );
    const { body: _body, ...card } = OTHER;
    const router = createMemoryRouter(
      [{ path: '/', element: <StoryList stories={[card]} renderActions={(item) => <SaveButton story={item} />} /> }],
      { initialEntries: ['/'] },
    );
    render(
      <QueryClientProvider client={createQueryClient({ retryBaseDelayMs: 1 })}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: `Save: ${OTHER.headline}` }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save this story');
    expect(screen.getByRole('button', { name: `Save: ${OTHER.headline}` })).toHaveAttribute('aria-pressed', 'false');
    expect(store.getSnapshot().items).toEqual([]);
  });
});

describe('/saved', () => {
  it('lists saved stories newest first, removes them, and says when the list is empty', async () => {
    useMemoryList([
      { story: REFERENCE, savedAt: 1_000 },
      { story: OTHER, savedAt: 2_000 },
    ]);
    const { user } = renderApp('/saved');
    expect(await screen.findByRole('heading', { level: 1, name: 'Saved stories' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Saved stories' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([OTHER.headline, REFERENCE.headline]);
    expect(within(list).getByRole('link', { name: REFERENCE.headline })).toHaveAttribute(
      'href',
      `/article/${REFERENCE_SLUG}`,
    );
    await user.click(screen.getByRole('button', { name: `Remove: ${OTHER.headline}` }));
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link')
          .map((link) => link.textContent),
      ).toEqual([REFERENCE.headline]),
    );
    await user.click(screen.getByRole('button', { name: `Remove: ${REFERENCE.headline}` }));
    expect(await screen.findByText(/No saved stories yet/)).toBeInTheDocument();
  });
});

describe('offline', () => {
  function goOffline() {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    server.use(http.get('*/stories/:slug', () => HttpResponse.error()));
  }

  it('a saved story is read from the reading list when the network fails', async () => {
    useMemoryList([{ story: REFERENCE, savedAt: 1 }]);
    goOffline();
    renderApp(`/article/${REFERENCE_SLUG}`);
    expect(await screen.findByRole('heading', { level: 1, name: REFERENCE.headline })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Saved: ${REFERENCE.headline}` })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('a story never opened says it is not available offline, with a link to the reading list', async () => {
    useMemoryList();
    goOffline();
    const { user, router } = renderApp(`/article/${REFERENCE_SLUG}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This story is not available offline' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Open your reading list' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/saved'));
  });

  it('online, a failing network is still the ordinary error (with Try again), not the offline message', async () => {
    useMemoryList();
    server.use(http.get('*/stories/:slug', () => HttpResponse.error()));
    renderApp(`/article/${REFERENCE_SLUG}`);
    expect(await screen.findByRole('button', { name: 'Try again' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText('This story is not available offline')).not.toBeInTheDocument();
  });
});
