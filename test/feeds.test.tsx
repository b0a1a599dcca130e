import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { server } from './mswServer';
import { renderApp } from './renderApp';

/** The cards' headline links in a feed page's list (the list is named by the page's h1). */
async function feedHeadlines(listName: string | RegExp) {
  const list = await screen.findByRole('list', { name: listName });
  return within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent);
}

function headlines(stories: { headline: string }[]) {
  return stories.map((story) => story.headline);
}

describe('feed pages', () => {
  it('/latest shows 20 stories, and "Load more" adds the next page', async () => {
    const all = db.listStories({ feed: 'latest' });
    expect(all.length).toBeGreaterThan(20);
    const { user } = renderApp('/latest');
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });
    const list = await screen.findByRole('list', { name: 'Latest News' });
    // One page is 20 stories from the API; versions of one wire story among them show once.
    const firstPage = mergeVersions(all.slice(0, 20));
    expect(firstPage.length).toBeLessThan(20);
    expect(within(list).getAllByRole('listitem')).toHaveLength(firstPage.length);
    expect(await feedHeadlines('Latest News')).toEqual(headlines(firstPage));

    const button = screen.getByRole('button', { name: 'Load more' });
    await user.click(button);
    const twoPages = mergeVersions(all.slice(0, 40));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(twoPages.length));
    expect(await feedHeadlines('Latest News')).toEqual(headlines(twoPages));
    expect(screen.queryByRole('button', { name: 'Load more' }) !== null).toBe(all.length > 40);
  });

  it('disables "Load more" and says so while the next page loads', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/stories', async ({ request }) => {
        if (new URL(request.url).searchParams.get('cursor')) await gate;
        return undefined;
      }),
    );
    const { user } = renderApp('/latest');
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    const busy = await screen.findByRole('button', { name: 'Loading…' });
    expect(busy).toBeDisabled();
    release();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Loading…' })).not.toBeInTheDocument());
  });

  it('/trending is numbered in rank order', async () => {
    const ranked = mergeVersions(db.listStories({ feed: 'trending' }).slice(0, 20));
    renderApp('/trending');
    const list = await screen.findByRole('list', { name: 'Trending' });
    expect(list.tagName).toBe('OL');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(ranked.length);
    rows.forEach((row, index) => {
      expect(row).toHaveTextContent(new RegExp(`^${index + 1}`));
      expect(within(row).getByRole('heading')).toHaveTextContent(ranked[index]!.headline);
    });
  });

  it('/opinion shows opinion, blog and interview pieces with their kind', async () => {
    const expected = mergeVersions(db.listStories({ feed: 'opinion' }).slice(0, 20));
    renderApp('/opinion');
    expect(await feedHeadlines(/opinion/i)).toEqual(headlines(expected));
    const rows = within(screen.getByRole('list', { name: /opinion/i })).getAllByRole('listitem');
    rows.forEach((row) => expect(row).toHaveTextContent(/Opinion|Blog|Interview/));
  });

  it('/devshots shows the DevShots', async () => {
    const expected = mergeVersions(db.listStories({ feed: 'devshots' }).slice(0, 20));
    expect(expected.length).toBeGreaterThan(0);
    renderApp('/devshots');
    expect(await feedHeadlines('DevShots')).toEqual(headlines(expected));
  });

  it('/sector/:slug shows only that sector, named in the h1', async () => {
    const sector = db.data.taxonomy.sectors.find(
      (term) => db.listStories({ feed: 'latest', sector: term.slug }).length,
    );
    if (!sector) throw new Error('no sector with stories');
    const expected = mergeVersions(db.listStories({ feed: 'latest', sector: sector.slug }).slice(0, 20));
    renderApp(`/sector/${sector.slug}`);
    expect(await screen.findByRole('heading', { level: 1, name: sector.name })).toBeInTheDocument();
    expect(await feedHeadlines(sector.name)).toEqual(headlines(expected));
    for (const row of within(screen.getByRole('list', { name: sector.name })).getAllByRole('listitem')) {
      expect(row).toHaveTextContent(sector.name);
    }
  });

  it('/edition/:slug shows only that edition: every card names it', async () => {
    const edition = db.data.taxonomy.editions.find(
      (term) => term.slug !== 'global' && db.listStories({ feed: 'latest', edition: term.slug }).length,
    );
    if (!edition) throw new Error('no edition with stories');
    const expected = mergeVersions(db.listStories({ feed: 'latest', edition: edition.slug }).slice(0, 20));
    renderApp(`/edition/${edition.slug}`);
    expect(await screen.findByRole('heading', { level: 1, name: edition.name })).toBeInTheDocument();
    expect(await feedHeadlines(edition.name)).toEqual(headlines(expected));
    const rows = within(screen.getByRole('list', { name: edition.name })).getAllByRole('listitem');
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(row).toHaveTextContent(edition.name);
  });

  it('says a sector the API does not know is not there, under its title-cased slug', async () => {
    renderApp('/sector/deep-sea-mining');
    expect(await screen.findByRole('heading', { level: 1, name: 'Deep Sea Mining' })).toBeInTheDocument();
    expect(await screen.findByText("Could not find this sector's stories")).toBeInTheDocument();
  });

  it('says so when a feed is empty', async () => {
    server.use(http.get('*/stories', () => HttpResponse.json({ items: [], nextCursor: null })));
    renderApp('/latest');
    expect(await screen.findByText('No stories here yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('renders the other items when one is malformed', async () => {
    const [first, second, third] = mergeVersions(db.listStories({ feed: 'latest' }));
    const broken = { ...second, headline: undefined, publishedAt: 'yesterday' };
    server.use(http.get('*/stories', () => HttpResponse.json({ items: [first, broken, third], nextCursor: null })));
    renderApp('/latest');
    expect(await feedHeadlines('Latest News')).toEqual([first!.headline, third!.headline]);
  });

  it('shows an error with a retry when the feed fails', async () => {
    let failing = true;
    server.use(
      http.get('*/stories', () =>
        failing ? HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 500 }) : undefined,
      ),
    );
    const { user } = renderApp('/latest');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the latest news');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Latest News' })).toBeInTheDocument();
  });
});

describe('the page listing the feeds', () => {
  it('links every feed in RSS, Atom and JSON Feed, sectors and editions from the taxonomy, and names its own', async () => {
    const { user } = renderApp('/');
    const band = await screen.findByRole('region', { name: 'Stay in touch' });
    await user.click(within(band).getByRole('link', { name: 'RSS' }));
    await screen.findByRole('heading', { level: 1, name: 'RSS feeds' });
    const { sectors, editions } = db.taxonomy();
    const sectorList = await screen.findByRole('region', { name: 'Sectors' });
    expect(
      within(sectorList)
        .getAllByRole('link', { name: /, RSS$/ })
        .map((link) => link.getAttribute('href')),
    ).toEqual(sectors.map((sector) => `/feeds/sector/${sector.slug}.xml`));
    const editionList = screen.getByRole('region', { name: 'Editions' });
    expect(within(editionList).getAllByRole('link', { name: /, Atom$/ })).toHaveLength(editions.length);
    expect(screen.getByRole('link', { name: 'Latest News, JSON Feed' })).toHaveAttribute('href', '/feeds/latest.json');
    await waitFor(() =>
      expect(document.head.querySelector('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
        'href',
        expect.stringMatching(/\/feeds\/latest\.xml$/),
      ),
    );
  });
});
