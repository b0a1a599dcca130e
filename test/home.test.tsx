import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { homeFeeds } from '../src/features/home/homeFeeds';
import { server } from './mswServer';
import { renderApp } from './renderApp';

function limitOf(feed: string): number {
  return homeFeeds.find((params) => params.feed === feed)?.limit ?? 20;
}

describe('home page', () => {
  it('shows the lead story, latest news, trending, opinion and DevShots', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Top stories' })).toBeInTheDocument();
    const latest = db.listStories({ feed: 'latest' }).slice(0, limitOf('latest'));
    const [lead, ...rest] = latest;

    const leadRegion = screen.getByRole('region', { name: 'Lead story' });
    const leadLink = await within(leadRegion).findByRole('link', { name: lead!.headline });
    expect(leadLink).toHaveAttribute('href', `/article/${lead!.slug}`);
    if (lead!.image) {
      expect(within(leadRegion).getByRole('img', { name: lead!.image.alt })).toHaveAttribute('fetchpriority', 'high');
    }

    const latestList = await screen.findByRole('list', { name: 'Latest News' });
    expect(
      within(latestList)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(rest.map((story) => story.headline));
    expect(screen.getByRole('link', { name: 'More latest news' })).toHaveAttribute('href', '/latest');

    // The side column renders just after the lead and the latest news.
    const trending = await screen.findByRole('region', { name: /trending/i });
    const ranked = db.listStories({ feed: 'trending' }).slice(0, limitOf('trending'));
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
