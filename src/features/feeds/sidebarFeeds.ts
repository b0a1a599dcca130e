import type { FeedParams } from './api/feed';

/** The boxes beside an article (trending, opinion, latest); the article route prefetches them. */
export const trendingBoxFeed: FeedParams = { feed: 'trending', limit: 4 };
export const opinionBoxFeed: FeedParams = { feed: 'opinion', limit: 4 };
export const latestBoxFeed: FeedParams = { feed: 'latest', limit: 5 };
export const devShotsBoxFeed: FeedParams = { feed: 'devshots', limit: 3 };
export const sidebarFeeds: FeedParams[] = [trendingBoxFeed, opinionBoxFeed, latestBoxFeed, devShotsBoxFeed];
