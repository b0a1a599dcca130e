import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../src/app/queryClient';
import { FIRST_PAGE_DATA_WAIT_MS, loadFirstPage, loadRoute, matchPageRoute, prefetchRoute } from '../src/app/routes';
import { storyQuery } from '../src/features/article/api/story';
import { REFERENCE_SLUG } from './renderApp';
import { useScenario } from './useScenario';

const ARTICLE = `/article/${REFERENCE_SLUG}`;

function setUp() {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  const hasStory = () => queryClient.getQueryData(storyQuery(REFERENCE_SLUG).queryKey) !== undefined;
  return { queryClient, hasStory };
}

describe('the first page waits for its data; later pages never do', () => {
  it('the first page is ready once the story is in the cache', async () => {
    const { queryClient, hasStory } = setUp();
    const pending = loadFirstPage(queryClient, ARTICLE);
    expect(hasStory()).toBe(false);
    await pending;
    expect(hasStory()).toBe(true);
  });

  it('the first page stops waiting for a slow API at the deadline', async () => {
    useScenario('slow', { delayMs: FIRST_PAGE_DATA_WAIT_MS + 2000 });
    const { queryClient, hasStory } = setUp();
    const started = performance.now();
    await loadFirstPage(queryClient, ARTICLE);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(FIRST_PAGE_DATA_WAIT_MS - 50);
    expect(waited).toBeLessThan(FIRST_PAGE_DATA_WAIT_MS + 1000);
    expect(hasStory()).toBe(false);
  });

  it('a later navigation starts the requests and goes on at once', async () => {
    const { queryClient, hasStory } = setUp();
    const requests = prefetchRoute(queryClient, ARTICLE);
    expect(hasStory()).toBe(false);
    await Promise.all(requests);
    expect(hasStory()).toBe(true);
  });
});

describe("the server's status comes from the route's data", () => {
  const statusOf = (path: string, waitMs = 5000) =>
    loadRoute(setUp().queryClient, new URL(path, 'http://localhost'), waitMs);

  it('is 200 for a story, 404 for a missing story, sector or address', async () => {
    expect(await statusOf(ARTICLE)).toBe(200);
    expect(await statusOf('/article/no-such-story-anywhere')).toBe(404);
    expect(await statusOf('/sector/no-such-sector')).toBe(404);
    expect(await statusOf('/no-such-page')).toBe(404);
  });

  it("is 503 when the page's own data fails, not when a box beside it does", async () => {
    useScenario('errors', { endpoint: 'trending' });
    expect(await statusOf('/trending')).toBe(503);
    expect(await statusOf(ARTICLE)).toBe(200);
  });

  it('is 504 when the data takes longer than the wait', async () => {
    useScenario('slow', { delayMs: 500 });
    expect(await statusOf(ARTICLE, 50)).toBe(504);
  });
});

describe('routes', () => {
  it.each([
    ['/', ''],
    [ARTICLE, 'article/:slug'],
    ['/sector/technology', 'sector/:slug'],
    ['/search', 'search'],
    ['/article/a/b/c', '*'],
    ['/no-such-page', '*'],
  ])('%s is the %j route', (pathname, path) => {
    expect(matchPageRoute(pathname).route.path).toBe(path);
  });

  it('passes the path params to the prefetch', () => {
    expect(matchPageRoute(ARTICLE).params).toEqual({ slug: REFERENCE_SLUG });
  });

  it('decodes a non-Latin slug, so the server prefetches the story under the key the page reads', () => {
    expect(matchPageRoute('/article/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF-2').params).toEqual({
      slug: 'επίπεδο-2',
    });
    expect(matchPageRoute('/article/100%-bad').params).toEqual({ slug: '100%-bad' });
  });
});
