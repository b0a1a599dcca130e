import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { storyQuery } from '../features/article/api/story';
import { feedInfiniteQuery, feedQuery } from '../features/feeds/api/feed';
import { homeFeeds } from '../features/home/homeFeeds';
import { sidebarFeeds } from '../features/feeds/sidebarFeeds';
import { Layout } from '../features/site/Layout';
import { taxonomyQuery } from '../features/site/api/taxonomy';
import { NotFoundPage } from '../features/site/NotFoundPage';
import { ShellFallback } from '../components/ShellFallback';
import { RouteErrorBoundary } from '../features/site/RouteErrorBoundary';
import { atMost, delay } from '../lib/wait';

/** How long the first page may wait for its data before it shows skeletons instead. */
export const FIRST_PAGE_DATA_WAIT_MS = 1500;

/**
 * Every route's code is split out (`lazy`) and its loader starts the data requests
 * at the same time as the code download, priming the query cache. Loaders never
 * hold a navigation back for a slow API: pages show skeletons. The one exception is
 * the first page, which the static shell already covers: its loader waits up to
 * FIRST_PAGE_DATA_WAIT_MS, so the page renders once, complete, in one time-sliced
 * pass, instead of skeletons followed by an unsliced render per response (issue 5: TBT).
 * The first page's loaders also start their requests in a task each: they run while
 * the router is created, and all of it at once was one long task.
 */
export function createRoutes(queryClient: QueryClient, isFirstPage: () => boolean = () => false): RouteObject[] {
  const load = (startRequests: () => Promise<unknown>[]) => {
    if (!isFirstPage()) {
      startRequests();
      return null;
    }
    const requests = delay(0).then(() => Promise.allSettled(startRequests()));
    return atMost(requests, FIRST_PAGE_DATA_WAIT_MS).then(() => null);
  };
  const prefetchFeeds = (feeds: Parameters<typeof feedQuery>[0][]) =>
    feeds.map((feed) => queryClient.prefetchQuery(feedQuery(feed)));
  const prefetchFeed = (params: Parameters<typeof feedInfiniteQuery>[0]) =>
    load(() => [queryClient.prefetchInfiniteQuery(feedInfiniteQuery(params))]);

  return [
    {
      path: '/',
      // The left menu and the footer list the sectors and editions.
      loader: () => load(() => [queryClient.prefetchQuery(taxonomyQuery())]),
      Component: Layout,
      HydrateFallback: ShellFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        {
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              index: true,
              loader: () => load(() => prefetchFeeds(homeFeeds)),
              lazy: () => import('../features/home/HomePage').then((m) => ({ Component: m.HomePage })),
            },
            {
              path: 'article/:slug',
              loader: ({ params }) =>
                load(() => [queryClient.prefetchQuery(storyQuery(params.slug ?? '')), ...prefetchFeeds(sidebarFeeds)]),
              lazy: () => import('../features/article/ArticlePage').then((m) => ({ Component: m.ArticlePage })),
            },
            {
              path: 'latest',
              loader: () => prefetchFeed({ feed: 'latest' }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.LatestPage })),
            },
            {
              path: 'trending',
              loader: () => prefetchFeed({ feed: 'trending' }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.TrendingPage })),
            },
            {
              path: 'opinion',
              loader: () => prefetchFeed({ feed: 'opinion' }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.OpinionPage })),
            },
            {
              path: 'devshots',
              loader: () => prefetchFeed({ feed: 'devshots' }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.DevShotsPage })),
            },
            {
              path: 'sector/:slug',
              loader: ({ params }) => prefetchFeed({ feed: 'latest', sector: params.slug }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.SectorPage })),
            },
            {
              path: 'edition/:slug',
              loader: ({ params }) => prefetchFeed({ feed: 'latest', edition: params.slug }),
              lazy: () => import('../features/feeds/FeedPage').then((m) => ({ Component: m.EditionPage })),
            },
            {
              path: 'saved',
              lazy: () => import('../features/reading-list/SavedPage').then((m) => ({ Component: m.SavedPage })),
            },
            {
              path: 'search',
              lazy: () => import('../features/search/SearchPage').then((m) => ({ Component: m.SearchPage })),
            },
            {
              path: '*',
              // In the main chunk already: the error boundary shows the same page for a 404 story.
              Component: NotFoundPage,
            },
          ],
        },
      ],
    },
  ];
}
