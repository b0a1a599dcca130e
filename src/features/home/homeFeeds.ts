import type { FeedParams } from '../feeds/api/feed';

/** The feeds the home page shows; shared with the route prefetch (src/app/routes.tsx). */
export const homeFeeds: FeedParams[] = [
  { feed: 'latest', limit: 12 },
  // Its own feed: a breaking story is in the ticker however many stories came after it.
  { feed: 'breaking', limit: 10 },
  { feed: 'trending', limit: 5 },
  { feed: 'opinion', limit: 4 },
  { feed: 'devshots', limit: 6 },
];
