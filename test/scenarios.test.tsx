/**
 * Every mock API scenario (mocks/scenarios.ts) walked across the main views: home,
 * an article, a feed page and search. Each must render something sensible.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import {
  currentScenario,
  endpointOf,
  LONG_STORY_PARAGRAPHS,
  longHeadline,
  MALFORMED_ITEM_SLUG,
  MALFORMED_STORY_HEADLINE,
  MALFORMED_STORY_SLUG,
  resolveScenario,
  scenarioCacheKey,
  scenarioHandlers,
  SCENARIO_STORAGE_KEY,
  SLOW_DELAY_MS,
} from '../mocks/scenarios';
import { ScenarioPanel } from '../src/features/devtools/ScenarioPanel';
import { getScenario, setScenario } from '../src/lib/api/mockTransport';
import { setConfig } from '../src/lib/config';
import { server } from './mswServer';
import { REFERENCE_SLUG, renderApp } from './renderApp';
import { useScenario } from './useScenario';

// The machine running the tests may be busy: give each wait room.
configure({ asyncUtilTimeout: 5000 });

const SEARCH_TERM = 'Roskomnadzor';
const ROUTES = {
  home: '/',
  article: `/article/${REFERENCE_SLUG}`,
  feed: '/latest',
  search: `/search?q=${SEARCH_TERM}`,
} as const;

const latest = db.listStories({ feed: 'latest' });
const reference = db.findStory(REFERENCE_SLUG)!;
const searchHits = mergeVersions(db.listStories({ feed: 'latest', q: SEARCH_TERM }));

/** Statuses of the responses msw sent during the test. */
let statuses: number[] = [];
const recordStatus = ({ response }: { response: Response }) => void statuses.push(response.status);
beforeEach(() => {
  statuses = [];
  server.events.on('response:mocked', recordStatus);
});
afterEach(() => {
  server.events.removeListener('response:mocked', recordStatus);
});

async function expectHomeContent(headline = latest[0]!.headline) {
  // The lead's region is a new element once the feed is in: look inside the current one.
  await waitFor(() =>
    expect(
      within(screen.getByRole('region', { name: 'Lead story' })).getByRole('link', { name: headline }),
    ).toBeInTheDocument(),
  );
  expect(await screen.findByRole('list', { name: 'Latest News' })).toBeInTheDocument();
}

async function expectFeedContent() {
  const list = await screen.findByRole('list', { name: 'Latest News' });
  expect(await within(list).findByRole('link', { name: latest[0]!.headline })).toBeInTheDocument();
}

async function expectSearchContent() {
  expect(searchHits.length).toBeGreaterThan(0);
  expect(await screen.findByText(new RegExp(`results? for “${SEARCH_TERM}”`))).toBeInTheDocument();
}

describe('scenario: default', () => {
  it('shows content on every view', async () => {
    useScenario('default');
    const home = renderApp(ROUTES.home);
    await expectHomeContent();
    home.unmount();
    const article = renderApp(ROUTES.article);
    expect(await screen.findByRole('heading', { level: 1, name: reference.headline })).toBeInTheDocument();
    article.unmount();
    const feed = renderApp(ROUTES.feed);
    await expectFeedContent();
    feed.unmount();
    renderApp(ROUTES.search);
    await expectSearchContent();
    expect(statuses.every((status) => status < 300)).toBe(true);
  });
});

describe('scenario: slow', () => {
  it('shows loading states first, then the content, on every view', async () => {
    // Responses are held until the loading state has been seen, then released.
    const views: [string, string, () => Promise<void>][] = [
      [ROUTES.home, 'Loading the lead story', () => expectHomeContent()],
      [
        ROUTES.article,
        'Loading the story',
        async () => void (await screen.findByRole('heading', { level: 1, name: reference.headline })),
      ],
      [ROUTES.feed, 'Loading the latest news', expectFeedContent],
      [ROUTES.search, 'Searching', expectSearchContent],
    ];
    for (const [path, loading, expectContent] of views) {
      let release!: () => void;
      server.resetHandlers();
      server.use(...scenarioHandlers('slow', { until: new Promise<void>((resolve) => (release = resolve)) }));
      const view = renderApp(path);
      expect(await screen.findByText(loading)).toBeInTheDocument();
      release();
      await expectContent();
      expect(screen.queryByText(loading)).not.toBeInTheDocument();
      view.unmount();
    }
  });

  it('waits about two seconds by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      server.use(...scenarioHandlers('slow'));
      let settled = false;
      const response = fetch('http://api.test/taxonomy').then((result) => {
        settled = true;
        return result;
      });
      await vi.advanceTimersByTimeAsync(SLOW_DELAY_MS - 100);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect((await response).status).toBe(200);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('scenario: flaky', () => {
  it('fails every third request with 503, and retries bring every view to its content', async () => {
    useScenario('flaky');
    const home = renderApp(ROUTES.home);
    await expectHomeContent();
    for (const name of ['Trending', 'OPINION / BLOG / INTERVIEW', 'DevShots']) {
      const region = screen.getByRole('region', { name: new RegExp(name, 'i') });
      expect(await within(region).findAllByRole('link')).not.toHaveLength(0);
    }
    home.unmount();
    const article = renderApp(ROUTES.article);
    expect(await screen.findByRole('heading', { level: 1, name: reference.headline })).toBeInTheDocument();
    article.unmount();
    const feed = renderApp(ROUTES.feed);
    await expectFeedContent();
    feed.unmount();
    renderApp(ROUTES.search);
    await expectSearchContent();

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const failed = statuses.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(Math.ceil(statuses.length / 3));
  });
});

describe('scenario: errors', () => {
  it('breaks the trending feed by default: its box and page show an error with a retry button', async () => {
    useScenario('errors');
    const home = renderApp(ROUTES.home);
    const trending = await screen.findByRole('region', { name: /trending/i });
    const alert = await within(trending).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load trending stories');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expectHomeContent(); // the rest of the page is fine
    home.unmount();

    renderApp('/trending');
    const pageAlert = await screen.findByRole('alert');
    expect(pageAlert).toHaveTextContent('Could not load trending stories');
    expect(within(pageAlert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(statuses).toContain(500);
  });

  it('with endpoint "all", every view shows its error and a retry button', async () => {
    useScenario('errors', { endpoint: 'all' });
    const expectations: [string, string][] = [
      [ROUTES.home, 'Could not load the latest news'],
      [ROUTES.article, 'Could not load this story'],
      [ROUTES.feed, 'Could not load the latest news'],
      [ROUTES.search, 'Could not load the search results'],
    ];
    for (const [path, message] of expectations) {
      const view = renderApp(path);
      const main = await screen.findByRole('main');
      const alert = await within(main).findByText(message, {}, { timeout: 5000 });
      const box = alert.closest('[role="alert"]');
      expect(box).not.toBeNull();
      expect(within(box as HTMLElement).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
      view.unmount();
    }
  });

  it('breaks only the chosen endpoint', async () => {
    useScenario('errors', { endpoint: 'story' });
    renderApp(ROUTES.article);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Could not load this story');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    const trending = screen.getByRole('region', { name: /trending/i });
    expect(await within(trending).findAllByRole('link')).not.toHaveLength(0);
  });
});

describe('scenario: empty', () => {
  it('says so on every view', async () => {
    useScenario('empty');
    const home = renderApp(ROUTES.home);
    // The section is a new element once loaded (HomePage keys it by its loading state).
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Latest News' })).getByText('No stories here yet.'),
      ).toBeVisible(),
    );
    const latestSection = screen.getByRole('region', { name: 'Latest News' });
    // No "more" link that leads to another empty page.
    expect(within(latestSection).queryByRole('link', { name: 'More latest news' })).not.toBeInTheDocument();
    const trending = screen.getByRole('region', { name: /trending/i });
    expect(await within(trending).findByText('No stories here yet.')).toBeInTheDocument();
    home.unmount();

    const article = renderApp(ROUTES.article);
    expect(await screen.findByRole('heading', { level: 1, name: reference.headline })).toBeInTheDocument();
    const aside = screen.getByRole('complementary', { name: 'More news' });
    await waitFor(() => expect(within(aside).getAllByText('No stories here yet.').length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: 'Related stories' })).not.toBeInTheDocument();
    article.unmount();

    const feed = renderApp(ROUTES.feed);
    const main = await screen.findByRole('main');
    expect(await within(main).findByText('No stories here yet.')).toBeInTheDocument();
    feed.unmount();

    renderApp(ROUTES.search);
    expect(await screen.findByText(`No stories match “${SEARCH_TERM}”`)).toBeInTheDocument();
  });
});

describe('scenario: malformed', () => {
  it('drops the bad feed item with one console report and shows the broken story as unreadable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    useScenario('malformed');
    const home = renderApp(ROUTES.home);
    await expectHomeContent(MALFORMED_STORY_HEADLINE);
    for (const name of ['Trending', 'OPINION / BLOG / INTERVIEW', 'DevShots']) {
      const region = screen.getByRole('region', { name: new RegExp(name, 'i') });
      expect(await within(region).findAllByRole('link')).not.toHaveLength(0);
    }
    home.unmount();

    const feed = renderApp(ROUTES.feed);
    const list = await screen.findByRole('list', { name: 'Latest News' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).not.toContain(`/article/${MALFORMED_ITEM_SLUG}`);
    expect(within(list).getByRole('link', { name: latest[0]!.headline })).toBeInTheDocument();
    feed.unmount();

    const search = renderApp(ROUTES.search);
    expect(
      await screen.findByText(new RegExp(`${searchHits.length} results? for “${SEARCH_TERM}”`)),
    ).toBeInTheDocument();
    search.unmount();

    const story = renderApp(`/article/${MALFORMED_STORY_SLUG}`);
    const heading = await screen.findByRole('heading', { level: 1, name: 'This story could not be read' });
    expect(
      within(heading.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
    story.unmount();

    renderApp(ROUTES.article); // other stories are fine
    expect(await screen.findByRole('heading', { level: 1, name: reference.headline })).toBeInTheDocument();

    const reports = warn.mock.calls.map((call) => String(call[0])).filter((text) => text.includes(MALFORMED_ITEM_SLUG));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/dropped feed item "malformed-feed-item" \(index 0\)/);
  });
});

describe('scenario: long', () => {
  it('renders very long headlines and a 150-paragraph story', async () => {
    useScenario('long');
    const home = renderApp(ROUTES.home);
    await expectHomeContent(longHeadline(latest[0]!.headline));
    home.unmount();

    const feed = renderApp(ROUTES.feed);
    const list = await screen.findByRole('list', { name: 'Latest News' });
    expect(within(list).getByRole('link', { name: longHeadline(latest[0]!.headline) })).toBeInTheDocument();
    feed.unmount();

    const article = renderApp(ROUTES.article);
    const headline = await screen.findByRole('heading', { level: 1, name: longHeadline(reference.headline) });
    expect(headline.textContent!.length).toBeGreaterThan(250);
    const body = screen.getByRole('article');
    expect(within(body).getAllByText(/^Paragraph \d+ of 150\./)).toHaveLength(LONG_STORY_PARAGRAPHS);
    article.unmount();

    renderApp(ROUTES.search);
    await expectSearchContent();
  });
});

describe('choosing a scenario in the browser', () => {
  it('takes ?scenario= from the URL, keeps it in storage, and falls back to the stored one', () => {
    const storage = new Map<string, string>();
    const fake = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    expect(resolveScenario('', fake)).toEqual({ name: 'default', endpoint: 'trending' });
    expect(resolveScenario('?scenario=errors&endpoint=story', fake)).toEqual({ name: 'errors', endpoint: 'story' });
    expect(JSON.parse(storage.get(SCENARIO_STORAGE_KEY)!)).toEqual({ name: 'errors', endpoint: 'story' });
    // client-side navigation drops the parameter: the stored scenario stays
    expect(resolveScenario('?q=water', fake)).toEqual({ name: 'errors', endpoint: 'story' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(resolveScenario('?scenario=nope', fake)).toEqual({ name: 'errors', endpoint: 'story' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown scenario "nope"'));
    expect(resolveScenario('?scenario=slow', fake)).toEqual({ name: 'slow', endpoint: 'trending' });
  });

  it('gives each scenario its own cache key, read from the URL or sessionStorage', () => {
    expect(scenarioCacheKey({ name: 'default', endpoint: 'trending' })).toBe('mock:default');
    expect(scenarioCacheKey({ name: 'errors', endpoint: 'story' })).toBe('mock:errors:story');
    sessionStorage.setItem(SCENARIO_STORAGE_KEY, JSON.stringify({ name: 'long', endpoint: 'trending' }));
    try {
      expect(currentScenario()).toEqual({ name: 'long', endpoint: 'trending' });
      expect(scenarioCacheKey()).toBe('mock:long');
    } finally {
      sessionStorage.removeItem(SCENARIO_STORAGE_KEY);
    }
  });

  it('names the endpoint of each API request', () => {
    const of = (url: string, method = 'GET') => endpointOf(new Request(url, { method }));
    expect(of('https://mock-api.invalid/stories?feed=trending&limit=5')).toBe('trending');
    expect(of('https://mock-api.invalid/stories?feed=latest&q=water')).toBe('search');
    expect(of('https://x.test/api/stories/some-slug')).toBe('story');
    expect(of('https://x.test/api/taxonomy')).toBe('taxonomy');
    expect(of('https://x.test/api/newsletter', 'POST')).toBe('newsletter');
    expect(of('https://x.test/assets/app.js')).toBeNull();
  });
});

describe('the dev scenario panel', () => {
  afterEach(() => setScenario('default'));

  it('switches the in-process mock API and refetches what is on screen at once', async () => {
    setConfig({ apiBaseUrl: null }); // mock mode: the app's own transport, no msw server
    const { queryClient, user } = renderApp(ROUTES.feed);
    await expectFeedContent();
    render(
      <QueryClientProvider client={queryClient}>
        <ScenarioPanel />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Mock API: default' }));
    await user.click(screen.getByRole('radio', { name: /^empty/ }));
    const main = screen.getByRole('main');
    expect(await within(main).findByText('No stories here yet.')).toBeInTheDocument();
    expect(getScenario()).toEqual({ name: 'empty', endpoint: 'trending' });
    expect(JSON.parse(sessionStorage.getItem(SCENARIO_STORAGE_KEY)!)).toEqual(getScenario());

    await user.selectOptions(screen.getByLabelText('Endpoint that fails (errors)'), 'latest');
    expect(screen.getByRole('button', { name: 'Mock API: errors (latest)' })).toBeInTheDocument();
    const alert = await within(main).findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Could not load the latest news');

    await user.click(screen.getByRole('radio', { name: /^default/ }));
    await expectFeedContent();
    expect(statuses).toEqual([]); // nothing went through the msw test server
  });
});
