import type { StoryCard } from '../../lib/api/schemas';
import type { Topic } from '../following';
import type { FeedParams } from './api/feed';
import { titleCaseSlug } from './feedUtils';

/** What a feed page shows; `params` is the one query its route prefetches and the page reads. */
export interface FeedPageSpec {
  params: FeedParams;
  /** h1; a function when it depends on the loaded stories (sector and edition names). */
  title: string | ((stories: StoryCard[]) => string);
  description: string;
  what: string;
  numbered?: boolean;
  /** The page's own feed's path without extension (see src/lib/head.ts); the latest news when absent. */
  feedPath?: string;
  /** A sector, edition or tag page: a Follow button beside the heading (named once the name is known). */
  follow?: Omit<Topic, 'name'>;
  /** Say how many stories are new since the reader's last visit. */
  markNew?: boolean;
}

/** A feed page's address and, from its `:slug`, what it shows (src/app/routes.tsx makes the routes). */
export interface FeedRoute {
  path: string;
  spec: (slug: string) => FeedPageSpec;
}

export const feedRoutes: FeedRoute[] = [
  {
    path: 'latest',
    spec: () => ({
      params: { feed: 'latest' },
      title: 'Latest News',
      description: 'The newest stories from every sector and edition.',
      what: 'the latest news',
      feedPath: '/feeds/latest',
      markNew: true,
    }),
  },
  {
    path: 'trending',
    spec: () => ({
      params: { feed: 'trending' },
      title: 'Trending',
      description: 'The most read stories right now, in rank order.',
      what: 'trending stories',
      numbered: true,
    }),
  },
  {
    path: 'opinion',
    spec: () => ({
      params: { feed: 'opinion' },
      title: 'Opinion / Blog / Interview',
      description: 'Opinion pieces, blogs and interviews.',
      what: 'opinion pieces',
      feedPath: '/feeds/opinion',
    }),
  },
  {
    path: 'devshots',
    spec: () => ({
      params: { feed: 'devshots' },
      title: 'DevShots',
      description: 'Short takes on development, in pictures.',
      what: 'DevShots',
      feedPath: '/feeds/devshots',
    }),
  },
  {
    path: 'sector/:slug',
    spec: (slug) => ({
      params: { feed: 'latest', sector: slug },
      title: (stories) => stories.find((story) => story.sector?.slug === slug)?.sector?.name ?? titleCaseSlug(slug),
      description: `The latest stories in ${titleCaseSlug(slug)}.`,
      what: "this sector's stories",
      feedPath: `/feeds/sector/${encodeURIComponent(slug)}`,
      follow: { kind: 'sector', slug },
    }),
  },
  {
    path: 'edition/:slug',
    spec: (slug) => ({
      params: { feed: 'latest', edition: slug },
      title: (stories) => stories.find((story) => story.edition.slug === slug)?.edition.name ?? titleCaseSlug(slug),
      description: `The latest stories from the ${titleCaseSlug(slug)} edition.`,
      what: "this edition's stories",
      feedPath: `/feeds/edition/${encodeURIComponent(slug)}`,
      follow: { kind: 'edition', slug },
    }),
  },
  {
    path: 'tag/:slug',
    spec: (tag) => ({
      params: { feed: 'latest', tag },
      title: tag,
      description: `The latest stories tagged ${tag}.`,
      what: 'the stories with this tag',
      follow: { kind: 'tag', slug: tag },
    }),
  },
];
