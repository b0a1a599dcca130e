import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../src/app/queryClient';
import { createRoutes, FIRST_PAGE_DATA_WAIT_MS } from '../src/app/routes';
import { storyQuery } from '../src/features/article/api/story';
import { REFERENCE_SLUG } from './renderApp';
import { useScenario } from './useScenario';

/** The article route's loader, as the router would call it. */
function articleLoader(isFirstPage: () => boolean) {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  const [root] = createRoutes(queryClient, isFirstPage);
  const article = root!.children![0]!.children!.find((route) => route.path === 'article/:slug')!;
  const load = () =>
    (article.loader as (args: { params: Record<string, string> }) => unknown)({ params: { slug: REFERENCE_SLUG } });
  const hasStory = () => queryClient.getQueryData(storyQuery(REFERENCE_SLUG).queryKey) !== undefined;
  return { load, hasStory };
}

describe('the first page waits for its data; later pages never do', () => {
  it('the first page resolves its loader once the story is in the cache', async () => {
    const { load, hasStory } = articleLoader(() => true);
    const pending = load();
    expect(pending).toBeInstanceOf(Promise);
    expect(hasStory()).toBe(false);
    await pending;
    expect(hasStory()).toBe(true);
  });

  it('the first page stops waiting for a slow API at the deadline', async () => {
    useScenario('slow', { delayMs: FIRST_PAGE_DATA_WAIT_MS + 2000 });
    const { load, hasStory } = articleLoader(() => true);
    const started = performance.now();
    await load();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(FIRST_PAGE_DATA_WAIT_MS - 50);
    expect(waited).toBeLessThan(FIRST_PAGE_DATA_WAIT_MS + 1000);
    expect(hasStory()).toBe(false);
  });

  it('a later navigation starts the requests and goes on at once', () => {
    const { load, hasStory } = articleLoader(() => false);
    expect(load()).toBeNull();
    expect(hasStory()).toBe(false);
  });
});
