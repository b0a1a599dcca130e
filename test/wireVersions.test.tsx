import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { toCard } from '../mocks/db';
import { db } from '../mocks/fixtures';
import { storySchema, type Story } from '../src/features/article/api/story';
import { createReadingListStore, memoryStorage, setReadingListStore } from '../src/features/reading-list';
import { mergeVersions, wireGroup, withoutWirePrefix } from '../src/lib/api/wireVersions';
import { server } from './mswServer';
import { REFERENCE_SLUG, renderApp } from './renderApp';

const WHATSAPP = 'whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const CHINA = 'china-trade-negotiator-met-westinghouse-electric-ceo-on-tuesday-commerce-ministry-says';
const card = (slug: string) => db.listStories({ feed: 'latest' }).find((story) => story.slug === slug)!;

describe('telling versions of a wire story apart', () => {
  it('takes off wire prefixes, one or several', () => {
    expect(withoutWirePrefix('UPDATE 3-WhatsApp says')).toBe('WhatsApp says');
    expect(withoutWirePrefix('REFILE-UPDATE 2-Shares rise')).toBe('Shares rise');
    expect(withoutWirePrefix('CORRECTED-Shares rise')).toBe('Shares rise');
    expect(withoutWirePrefix('Update on the UPDATE 2-plan')).toBe('Update on the UPDATE 2-plan');
  });

  it('groups by source and headline, or by storyGroup when the API sends one', () => {
    const base = card(WHATSAPP);
    const later = card(`update-3-${WHATSAPP}`);
    expect(wireGroup(later)).toBe(wireGroup(base));
    expect(wireGroup({ ...later, source: 'AFP' })).not.toBe(wireGroup(base));
    // Without a source, the same headline is two stories, not two versions.
    expect(wireGroup({ ...later, source: null })).not.toBe(wireGroup({ ...base, source: null }));
    expect(wireGroup({ ...base, storyGroup: 'g1' })).toBe(wireGroup({ ...card(CHINA), storyGroup: 'g1' }));
  });

  it('keeps the first place of a story, shows its newest version and counts the versions', () => {
    const merged = mergeVersions([
      card(`update-1-${CHINA}`),
      card(`update-2-${WHATSAPP}`),
      card(CHINA),
      card(WHATSAPP),
    ]);
    expect(merged.map((story) => [story.slug, story.versionCount])).toEqual([
      [`update-1-${CHINA}`, 2],
      [`update-2-${WHATSAPP}`, 2],
    ]);
  });
});

describe('versions in lists', () => {
  it('Latest lists the WhatsApp story once, as its newest version, updated 3 times', async () => {
    renderApp('/latest');
    const list = await screen.findByRole('list', { name: 'Latest News' });
    const whatsapp = within(list)
      .getAllByRole('heading')
      .filter((heading) => heading.textContent?.includes('WhatsApp says Russia'));
    expect(whatsapp.map((heading) => heading.textContent)).toEqual([card(REFERENCE_SLUG).headline]);
    expect(within(whatsapp[0]!.closest('li')!).getByText(/Updated 3 times/)).toBeVisible();
  });

  it('Trending counts the China story once, at its best rank', async () => {
    const ranked = db.listStories({ feed: 'trending' });
    expect(ranked.filter((story) => story.headline.includes('China trade negotiator'))).toHaveLength(2);
    renderApp('/trending');
    const list = await screen.findByRole('list', { name: 'Trending' });
    const rows = within(list).getAllByRole('listitem');
    const china = rows.filter((row) => row.textContent?.includes('China trade negotiator'));
    expect(china).toHaveLength(1);
    expect(china[0]).toHaveTextContent(/^1/);
    expect(within(china[0]!).getByText(/Updated once/)).toBeVisible();
    expect(rows).toHaveLength(ranked.length - 1);
  });

  it('merges the items an API marks with one storyGroup, whatever their headlines', async () => {
    const [first, second] = [toCard(db.data.stories[0]!), toCard(db.data.stories[1]!)];
    server.use(
      http.get('*/stories', () =>
        HttpResponse.json({
          items: [
            { ...first, storyGroup: 'one-story', publishedAt: '2026-02-12T10:00:00Z' },
            { ...second, storyGroup: 'one-story', publishedAt: '2026-02-12T09:00:00Z' },
          ],
          nextCursor: null,
        }),
      ),
    );
    renderApp('/latest');
    const list = await screen.findByRole('list', { name: 'Latest News' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((heading) => heading.textContent),
    ).toEqual([first.headline]);
    expect(within(list).getByText(/Updated once/)).toBeVisible();
  });
});

describe('versions on the article', () => {
  it('the newest version lists every version and says it is the newest', async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    const versions = await screen.findByRole('navigation', { name: 'Versions of this story' });
    expect(within(versions).getByText('You are reading the newest of 4 versions.')).toBeVisible();
    expect(
      within(versions)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([`/article/update-2-${WHATSAPP}`, `/article/update-1-${WHATSAPP}`, `/article/${WHATSAPP}`]);
  });

  it('an earlier version is still there at its own address, and points to the newest', async () => {
    const { user } = renderApp(`/article/update-1-${WHATSAPP}`);
    expect(await screen.findByRole('heading', { level: 1, name: `UPDATE 1-${card(WHATSAPP).headline}` })).toBeVisible();
    const versions = screen.getByRole('navigation', { name: 'Versions of this story' });
    expect(within(versions).getByText(/You are reading version 2 of 4/)).toBeVisible();
    expect(within(versions).getByText(/\(this version\)/)).toHaveAttribute('aria-current', 'page');
    await user.click(within(versions).getByRole('link', { name: 'Read the newest version' }));
    expect(await screen.findByRole('heading', { level: 1, name: card(REFERENCE_SLUG).headline })).toBeVisible();
  });

  it('a copy saved before stories had versions still opens from the reading list', async () => {
    const { versions: _versions, ...older } = storySchema.parse(db.findStory(REFERENCE_SLUG));
    setReadingListStore(createReadingListStore({ storage: memoryStorage([{ story: older as Story, savedAt: 1 }]) }));
    server.use(http.get('*/stories/:slug', () => HttpResponse.error()));
    renderApp(`/article/${REFERENCE_SLUG}`);
    expect(await screen.findByRole('heading', { level: 1, name: older.headline })).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Versions of this story' })).not.toBeInTheDocument();
    setReadingListStore(null);
  });
});
