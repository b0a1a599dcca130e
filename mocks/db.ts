/**
 * The mock API's data: story fixtures (one JSON file each in mocks/stories/),
 * the trending ranking and the taxonomy. Plain data in, query functions out, so
 * the same code serves the browser, the tests and the Node test server.
 */
import { plainText } from '../src/lib/api/richText';
import type { BlockInput, StoryCard, Term } from '../src/lib/api/schemas';
import { wireGroup } from '../src/lib/api/wireVersions';

/** A fixture file: a Story without `related` (computed here from the sector). */
export interface StoryFixture extends Omit<StoryCard, 'breaking' | 'videoDuration' | 'storyGroup'> {
  /** Optional in a fixture as in the contract: absent means false / null. */
  breaking?: boolean;
  videoDuration?: number | null;
  storyGroup?: string | null;
  /** The story as it was before its `updatedAt` (mock data only): what the mock clock shows earlier. */
  earlier?: EarlierVersion;
  body: Array<BlockInput | { type: string; [key: string]: unknown }>;
  syndicated: boolean;
  tags: string[];
}

/** An earlier state of a fixture: the fields that changed, and when that state was published. */
export interface EarlierVersion {
  updatedAt: string;
  headline?: string;
  summary?: string;
  body?: StoryFixture['body'];
}

export interface MockData {
  stories: StoryFixture[];
  trending: string[];
  taxonomy: { sectors: Term[]; editions: Term[] };
}

export type FeedName = 'latest' | 'trending' | 'opinion' | 'devshots' | 'breaking';

export interface FeedFilter {
  feed: FeedName;
  sector?: string | null;
  edition?: string | null;
  tag?: string | null;
  q?: string | null;
}

const OPINION_KINDS = new Set(['opinion', 'blog', 'interview']);

export function toCard(story: StoryFixture): StoryCard {
  return {
    slug: story.slug,
    headline: story.headline,
    summary: story.summary,
    kind: story.kind,
    source: story.source,
    byline: story.byline,
    edition: story.edition,
    sector: story.sector,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    image: story.image,
    breaking: story.breaking ?? false,
    videoDuration: story.videoDuration ?? null,
    storyGroup: story.storyGroup ?? null,
  };
}

function newestFirst(a: StoryFixture, b: StoryFixture): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
}

function searchableText(story: StoryFixture): string {
  const bodyText = story.body
    .map((block) => {
      if ('text' in block && block.text) return plainText(block.text);
      if ('html' in block && typeof block.html === 'string') return block.html.replace(/<[^>]*>/g, ' ');
      return '';
    })
    .join(' ');
  return `${story.headline} ${story.summary} ${bodyText}`.toLowerCase();
}

export function createDb(data: MockData) {
  const bySlug = new Map(data.stories.map((story) => [story.slug, story]));
  const chronological = [...data.stories].sort(newestFirst);
  /**
   * The mock API's clock: null, every fixture as it is; a time, the API as it was then (stories
   * published later are not there yet, and a story updated later is in its `earlier` state).
   */
  let clock: number | null = null;

  function asOf(story: StoryFixture | undefined): StoryFixture | null {
    if (!story) return null;
    const { earlier, ...current } = story;
    if (clock === null) return current;
    if (Date.parse(story.publishedAt) > clock) return null;
    return earlier && clock < Date.parse(story.updatedAt) ? { ...current, ...earlier } : current;
  }
  const visible = (stories: StoryFixture[]) => stories.map(asOf).filter((story) => story !== null);

  function feedStories(feed: FeedName): StoryFixture[] {
    return visible(allOf(feed));
  }

  function allOf(feed: FeedName): StoryFixture[] {
    switch (feed) {
      case 'latest':
        return chronological.filter((story) => story.kind === 'news');
      case 'trending':
        return data.trending.map((slug) => bySlug.get(slug)).filter((story) => story !== undefined);
      case 'opinion':
        return chronological.filter((story) => OPINION_KINDS.has(story.kind));
      case 'devshots':
        return chronological.filter((story) => story.kind === 'devshot');
      case 'breaking':
        return chronological.filter((story) => story.breaking === true);
    }
  }

  return {
    data,
    /** Moves the mock API's clock (ms since the epoch), or back to showing every fixture (null). */
    setClock(time: number | null) {
      clock = time;
    },
    findStory(slug: string) {
      const story = asOf(bySlug.get(slug));
      if (!story) return null;
      const group = wireGroup(story);
      const now = visible(chronological);
      // Versions of this wire story are listed as versions, not as related stories.
      const versions = now.filter((other) => other.slug !== slug && wireGroup(other) === group);
      const related = now
        .filter(
          (other) =>
            other.slug !== slug &&
            wireGroup(other) !== group &&
            other.sector?.slug === story.sector?.slug &&
            story.sector !== null,
        )
        .slice(0, 4)
        .map(toCard);
      return { ...story, related, versions: versions.map(toCard) };
    },
    listStories(filter: FeedFilter): StoryCard[] {
      const q = filter.q?.trim().toLowerCase();
      const tag = filter.tag?.trim().toLowerCase();
      return feedStories(filter.feed)
        .filter((story) => !filter.sector || story.sector?.slug === filter.sector)
        .filter((story) => !filter.edition || story.edition.slug === filter.edition)
        .filter((story) => !tag || story.tags.some((other) => other.toLowerCase() === tag))
        .filter((story) => !q || searchableText(story).includes(q))
        .map(toCard);
    },
    taxonomy() {
      return data.taxonomy;
    },
  };
}

export type MockDb = ReturnType<typeof createDb>;
