import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { createFollowingStore, setFollowingStore, type FollowedTopic } from '../src/features/following';
import { mergeNewestFirst } from '../src/features/following/followedFeed';
import { exportFollowing, parseFollowingFile } from '../src/features/following/topics';
import { memoryKeyedStorage, type KeyedStorage } from '../src/lib/deviceStore';
import { REFERENCE_SLUG, renderApp } from './renderApp';
import { channelPair } from './channelPair';

const TECHNOLOGY: FollowedTopic = { kind: 'sector', slug: 'technology', name: 'Technology', followedAt: 1 };
const ENERGY: FollowedTopic = {
  kind: 'sector',
  slug: 'energy-environment',
  name: 'Energy & Environment',
  followedAt: 2,
};
const INDIA: FollowedTopic = { kind: 'edition', slug: 'india', name: 'India', followedAt: 3 };
const EU: FollowedTopic = { kind: 'tag', slug: 'EU', name: 'EU', followedAt: 4 };

/** A following store in memory, installed as the app's, already following `topics`. */
function followInMemory(topics: FollowedTopic[] = []) {
  const storage = memoryKeyedStorage<FollowedTopic>(topics.map((topic) => [`${topic.kind}:${topic.slug}`, topic]));
  const store = createFollowingStore({ storage });
  setFollowingStore(store);
  return { store, storage };
}

const headlinesIn = (list: HTMLElement) =>
  within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent);

beforeEach(() => followInMemory());
afterEach(() => setFollowingStore(null));

describe('the following store', () => {
  it('keeps topics newest followed first, and another tab sees a change', async () => {
    const storage: KeyedStorage<FollowedTopic> = memoryKeyedStorage();
    const [one, two] = channelPair();
    const first = createFollowingStore({ storage, channel: one });
    const second = createFollowingStore({ storage, channel: two });
    await Promise.all([first.ready, second.ready]);
    await first.put(TECHNOLOGY);
    await first.put(EU);
    expect(first.getSnapshot().items.map((topic) => topic.name)).toEqual(['EU', 'Technology']);
    await waitFor(() => expect(second.getSnapshot().items.map((topic) => topic.name)).toEqual(['EU', 'Technology']));
    await second.remove('tag:EU');
    await waitFor(() => expect(first.getSnapshot().items.map((topic) => topic.name)).toEqual(['Technology']));
  });

  it('exports a small JSON file and reads it back; anything else is refused with a reason', () => {
    const text = JSON.stringify(exportFollowing([TECHNOLOGY, EU]));
    expect(text.length).toBeLessThan(400);
    expect(parseFollowingFile(text)).toEqual({ topics: [TECHNOLOGY, EU] });
    expect(parseFollowingFile('not json')).toEqual({ error: expect.stringMatching(/not JSON/) });
    expect(parseFollowingFile('{"topics": []}')).toEqual({ error: expect.stringMatching(/not a Following export/) });
  });
});

describe('Follow buttons', () => {
  it('a sector page follows its sector, and Following joins the sections bar', async () => {
    const { user } = renderApp('/sector/technology');
    const primary = screen.getByRole('navigation', { name: 'Primary' });
    expect(within(primary).queryByRole('link', { name: 'Following' })).not.toBeInTheDocument();
    const button = await screen.findByRole('button', { name: 'Follow Technology' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    expect(await screen.findByRole('button', { name: 'Following Technology' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(primary).getByRole('link', { name: 'Following' })).toHaveAttribute('href', '/following');
    await user.click(screen.getByRole('button', { name: 'Following Technology' }));
    expect(await screen.findByRole('button', { name: 'Follow Technology' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(primary).queryByRole('link', { name: 'Following' })).not.toBeInTheDocument();
  });

  it('an edition page follows its edition', async () => {
    const { user } = renderApp('/edition/india');
    await user.click(await screen.findByRole('button', { name: 'Follow India' }));
    expect(await screen.findByRole('button', { name: 'Following India', pressed: true })).toBeInTheDocument();
  });

  it("the article offers its sector and each of its tags, and links each tag to the tag's page", async () => {
    const story = db.findStory(REFERENCE_SLUG)!;
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    const topics = await screen.findByRole('region', { name: 'Follow these topics' });
    expect(
      within(topics)
        .getAllByRole('button', { pressed: false })
        .map((button) => button.textContent),
    ).toEqual([story.sector!.name, ...story.tags]);
    await user.click(within(topics).getByRole('button', { name: `Follow ${story.tags[0]}` }));
    expect(
      await within(topics).findByRole('button', { name: `Following ${story.tags[0]}`, pressed: true }),
    ).toBeInTheDocument();
    const tags = screen.getByRole('list', { name: 'Tags' });
    expect(within(tags).getByRole('link', { name: story.tags[0] })).toHaveAttribute(
      'href',
      `/tag/${encodeURIComponent(story.tags[0]!)}`,
    );
  });

  it('a tag page lists the stories with that tag and follows it', async () => {
    const tagged = db.listStories({ feed: 'latest', tag: 'eu' });
    expect(tagged.length).toBeGreaterThan(1);
    const { user } = renderApp('/tag/EU');
    const list = await screen.findByRole('list', { name: 'EU' });
    expect(headlinesIn(list)).toEqual(tagged.map((story) => story.headline));
    await user.click(screen.getByRole('button', { name: 'Follow EU' }));
    expect(await screen.findByRole('button', { name: 'Following EU', pressed: true })).toBeInTheDocument();
  });
});

describe('the Following page', () => {
  it('with nothing followed, suggests sectors and editions to follow', async () => {
    const { user } = renderApp('/following');
    expect(await screen.findByRole('heading', { level: 2, name: 'You do not follow anything yet' })).toBeVisible();
    const sectors = await screen.findByRole('region', { name: 'Suggested sectors' });
    await user.click(within(sectors).getByRole('button', { name: 'Follow Technology' }));
    const list = await screen.findByRole('list', { name: 'Newest stories' });
    expect(headlinesIn(list)).toEqual(
      mergeNewestFirst([db.listStories({ feed: 'latest', sector: 'technology' })])
        .slice(0, 20)
        .map((story) => story.headline),
    );
  });

  it('merges everything followed: each story once, newest first, 20 at a time', async () => {
    followInMemory([TECHNOLOGY, ENERGY, INDIA, EU]);
    const expected = mergeNewestFirst([
      db.listStories({ feed: 'latest', sector: 'technology' }),
      db.listStories({ feed: 'latest', sector: 'energy-environment' }),
      db.listStories({ feed: 'latest', edition: 'india' }),
      db.listStories({ feed: 'latest', tag: 'eu' }),
    ]);
    const sum = ['technology', 'energy-environment'].reduce(
      (total, sector) => total + db.listStories({ feed: 'latest', sector }).length,
      db.listStories({ feed: 'latest', edition: 'india' }).length +
        db.listStories({ feed: 'latest', tag: 'eu' }).length,
    );
    // Some stories are in two of these (a sector and a tag): the merge shows them once.
    expect(expected.length).toBeLessThan(sum);
    expect(expected.length).toBeGreaterThan(20);

    const { user } = renderApp('/following');
    const list = await screen.findByRole('list', { name: 'Newest stories' });
    await waitFor(() => expect(headlinesIn(list)).toEqual(expected.slice(0, 20).map((story) => story.headline)));
    const times = expected.map((story) => Date.parse(story.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(headlinesIn(list)).toEqual(expected.slice(0, 40).map((story) => story.headline));
    expect(screen.getByText(`Showing ${Math.min(40, expected.length)} of ${expected.length} stories`)).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('lists what is followed, and unfollowing one takes its stories away', async () => {
    followInMemory([TECHNOLOGY, EU]);
    const { user } = renderApp('/following');
    const followed = await screen.findByRole('region', { name: 'What you follow' });
    expect(
      within(followed)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/tag/EU', '/sector/technology']);
    await user.click(within(followed).getByRole('button', { name: 'Following Technology' }));
    const list = await screen.findByRole('list', { name: 'Newest stories' });
    await waitFor(() =>
      expect(headlinesIn(list)).toEqual(db.listStories({ feed: 'latest', tag: 'eu' }).map((story) => story.headline)),
    );
  });

  it('imports a file exported on another device, and refuses a file that is not one', async () => {
    const { user } = renderApp('/following');
    const input = await screen.findByLabelText('Import from a file');
    await user.upload(input, new File(['{"hello": 1}'], 'other.json', { type: 'application/json' }));
    expect(await screen.findByText(/That file is not a Following export/)).toBeVisible();

    const file = new File([JSON.stringify(exportFollowing([TECHNOLOGY, EU]))], 'following.json', {
      type: 'application/json',
    });
    await user.upload(input, file);
    expect(await screen.findByText('Imported 2 topics.')).toBeVisible();
    const followed = await screen.findByRole('region', { name: 'What you follow' });
    expect(
      within(followed)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['EU', 'Technology']);
  });
});
