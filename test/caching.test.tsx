import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { server } from './mswServer';
import { renderApp } from './renderApp';

/** Every request the app makes, as URLs, recorded through msw's life-cycle events. */
let requests: URL[] = [];
const record = ({ request }: { request: Request }) => {
  requests.push(new URL(request.url));
};

beforeEach(() => {
  requests = [];
  server.events.on('request:start', record);
});
afterEach(() => {
  server.events.removeListener('request:start', record);
});

function feedRequests(feed: string): URL[] {
  return requests.filter((url) => url.pathname === '/stories' && url.searchParams.get('feed') === feed);
}

function storyRequests(slug: string): URL[] {
  return requests.filter((url) => url.pathname === `/stories/${slug}`);
}

describe('caching and prefetching', () => {
  it('home -> article -> back shows the home feed at once, without asking the server again', async () => {
    const [lead] = db.listStories({ feed: 'latest' });
    const { user, router, queryClient } = renderApp('/');
    // The lead's region is a new element once the feed is in: look inside the current one.
    const link = await waitFor(() =>
      within(screen.getByRole('region', { name: 'Lead story' })).getByRole('link', { name: lead!.headline }),
    );
    await screen.findByRole('list', { name: 'Latest News' });
    expect(feedRequests('latest')).toHaveLength(1);

    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: lead!.headline })).toBeInTheDocument();

    await act(() => router.navigate(-1));
    // At once: no skeleton in between, the cached list is there on the first render.
    expect(screen.getByRole('list', { name: 'Latest News' })).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: /loading the latest news/i })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Lead story' })).getByRole('link', { name: lead!.headline }),
    ).toHaveAttribute('href', `/article/${lead!.slug}`);
    // A background refetch would have started on mount: none is running.
    expect(queryClient.isFetching()).toBe(0);
    expect(feedRequests('latest').filter((url) => url.searchParams.get('limit') === '12')).toHaveLength(1);
  });

  it('hovering a story link prefetches the story before the click', async () => {
    const [lead] = db.listStories({ feed: 'latest' });
    const { user } = renderApp('/');
    // The lead's region is a new element once the feed is in: look inside the current one.
    const link = await waitFor(() =>
      within(screen.getByRole('region', { name: 'Lead story' })).getByRole('link', { name: lead!.headline }),
    );
    expect(storyRequests(lead!.slug)).toHaveLength(0);

    await user.hover(link);
    await waitFor(() => expect(storyRequests(lead!.slug)).toHaveLength(1));

    await user.click(link);
    // Already cached: the headline is there without a skeleton or a second request.
    expect(await screen.findByRole('heading', { level: 1, name: lead!.headline })).toBeInTheDocument();
    expect(storyRequests(lead!.slug)).toHaveLength(1);
  });

  it('focusing a story link (keyboard) prefetches the story', async () => {
    const [, second] = db.listStories({ feed: 'latest' });
    renderApp('/');
    const list = await screen.findByRole('list', { name: 'Latest News' });
    const link = within(list).getByRole('link', { name: second!.headline });
    expect(storyRequests(second!.slug)).toHaveLength(0);

    act(() => link.focus());
    await waitFor(() => expect(storyRequests(second!.slug)).toHaveLength(1));
  });

  it('a story that is not there is asked for once, not again when the page mounts', async () => {
    const { queryClient } = renderApp('/article/no-such-story-anywhere');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story not found' })).toBeInTheDocument();
    // A second request would have started when the page mounted: none is running.
    expect(queryClient.isFetching({ queryKey: ['story'] })).toBe(0);
    expect(storyRequests('no-such-story-anywhere')).toHaveLength(1);
  });
});
