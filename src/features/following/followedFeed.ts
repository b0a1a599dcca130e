import type { FeedParams } from '../feeds/api/feed';
import type { StoryCard } from '../../lib/api/schemas';
import { mergeVersions, type Versioned } from '../../lib/api/wireVersions';
import type { Topic } from './topics';

/** How many of each topic's newest stories the Following page merges (the contract's largest page). */
export const PER_TOPIC = 50;

/** The feed request that lists a topic's newest stories. */
export function topicFeedParams(topic: Pick<Topic, 'kind' | 'slug'>): FeedParams {
  return { feed: 'latest', [topic.kind]: topic.slug, limit: PER_TOPIC };
}

/**
 * Several feeds as one list, newest first: each story once (a story can be in a sector and a
 * tag followed), versions of one wire story merged as in any list.
 */
export function mergeNewestFirst<T extends StoryCard>(feeds: readonly (readonly T[])[]): Versioned<T>[] {
  const bySlug = new Map<string, T>();
  for (const feed of feeds) for (const story of feed) if (!bySlug.has(story.slug)) bySlug.set(story.slug, story);
  return mergeVersions([...bySlug.values()]).sort(
    (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug),
  );
}
