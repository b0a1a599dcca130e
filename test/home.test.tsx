import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { breakingStories } from '../src/features/home/BreakingNews';
import { homeFeeds } from '../src/features/home/homeFeeds';
import type { StoryCard } from '../src/lib/api/schemas';
import { server } from './mswServer';
import { renderApp } from './renderApp';

function limitOf(feed: string): number {
  return homeFeeds.find((params) => params.feed === feed)?.limit ?? 20;
}

describe('home page', () => {
  it('shows the lead story, latest news, trending, opinion and DevShots', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Top stories' })).toBeInTheDocument();
    const latest = mergeVersions(db.listStories({ feed: 'latest' }).slice(0, limitOf('latest')));
    const [lead, ...rest] = latest;

    // The lead's region is a new element once the feed is in (nothing the reader saw moves).
    await screen.findByRole('list', { name: 'Latest News' });
    const leadRegion = screen.getByRole('region', { name: 'Lead story' });
    const leadLink = within(leadRegion).getByRole('link', { name: lead!.headline });
    expect(leadLink).toHaveAttribute('href', `/article/${lead!.slug}`);
    // The newest story has a picture in the fixtures: the lead's is the page's largest paint.
    expect(within(leadRegion).getByRole('img', { name: lead!.image!.alt })).toHaveAttribute('fetchpriority', 'high');

    const latestList = await screen.findByRole('list', { name: 'Latest News' });
    expect(
      within(latestList)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(rest.map((story) => story.headline));
    expect(screen.getByRole('link', { name: 'More latest news' })).toHaveAttribute('href', '/latest');

    // The side column renders just after the lead and the latest news.
    const trending = await screen.findByRole('region', { name: /trending/i });
    const ranked = mergeVersions(db.listStories({ feed: 'trending' }).slice(0, limitOf('trending')));
    const trendingRows = await within(trending).findAllByRole('listitem');
    expect(trendingRows.map((row) => within(row).getByRole('link').textContent)).toEqual(
      ranked.map((story) => story.headline),
    );

    const opinion = screen.getByRole('region', { name: 'OPINION / BLOG / INTERVIEW' });
    const opinions = db.listStories({ feed: 'opinion' }).slice(0, limitOf('opinion'));
    for (const story of opinions) {
      expect(await within(opinion).findByRole('link', { name: story.headline })).toBeInTheDocument();
    }

    const devshots = screen.getByRole('region', { name: 'DevShots' });
    const shots = db.listStories({ feed: 'devshots' }).slice(0, limitOf('devshots'));
    expect(shots.length).toBeGreaterThan(0);
    for (const story of shots) {
      expect(await within(devshots).findByRole('link', { name: story.headline })).toBeInTheDocument();
    }
  });

  it('keeps the other sections when one feed fails', async () => {
    server.use(
      http.get('*/stories', ({ request }) =>
        new URL(request.url).searchParams.get('feed') === 'opinion'
          ? HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 500 })
          : undefined,
      ),
    );
    renderApp('/');
    const opinion = await screen.findByRole('region', { name: 'OPINION / BLOG / INTERVIEW' });
    expect(await within(opinion).findByRole('alert')).toHaveTextContent('Could not load opinion pieces');
    expect(await screen.findByRole('list', { name: 'Latest News' })).toBeInTheDocument();
  });
});

/** Answers one of the home page's feeds with these cards. */
function serveFeed(feed: string, items: StoryCard[]) {
  server.use(
    http.get('*/stories', ({ request }) =>
      new URL(request.url).searchParams.get('feed') === feed
        ? HttpResponse.json({ items, nextCursor: null })
        : undefined,
    ),
  );
}

describe('breaking news', () => {
  it('lists every breaking story from its own feed, newest first, as links, in a labelled bar', async () => {
    const breaking = db.listStories({ feed: 'breaking' });
    expect(breaking.length).toBeGreaterThan(1);
    // None of them among the latest stories: the ticker must not depend on the latest feed's first page.
    const breakingSlugs = new Set(breaking.map((story) => story.slug));
    serveFeed(
      'latest',
      db.listStories({ feed: 'latest' }).filter((story) => !breakingSlugs.has(story.slug)),
    );
    // Sent oldest first: the bar orders them itself.
    serveFeed('breaking', [...breaking].reverse());
    renderApp('/');
    const bar = await screen.findByRole('region', { name: 'Breaking news' });
    const list = within(bar).getByRole('list');
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual(breaking.map((story) => [story.headline, `/article/${story.slug}`]));
    // The moving part is heard once, as a list: no live region anywhere in the bar.
    expect(bar.querySelector('[aria-live]')).toBeNull();
    expect(bar.querySelectorAll('[aria-hidden="true"] a')).toHaveLength(0);
  });

  it('can be paused and played again', async () => {
    const { user } = renderApp('/');
    const bar = await screen.findByRole('region', { name: 'Breaking news' });
    await user.click(within(bar).getByRole('button', { name: 'Pause breaking news' }));
    expect(bar).toHaveClass('ticker-paused');
    await user.click(within(bar).getByRole('button', { name: 'Play breaking news' }));
    expect(bar).not.toHaveClass('ticker-paused');
  });

  it('shows no bar at all when nothing is breaking', async () => {
    serveFeed('breaking', []);
    renderApp('/');
    await screen.findByRole('list', { name: 'Latest News' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Breaking news' })).not.toBeInTheDocument());
    expect(document.querySelector('.ticker')).toBeNull();
  });

  it('treats an absent breaking field as not breaking', () => {
    const card = db.listStories({ feed: 'latest' })[0]!;
    expect(
      breakingStories([
        { ...card, breaking: false },
        { ...card, slug: 'b', breaking: true },
      ]),
    ).toHaveLength(1);
  });
});
