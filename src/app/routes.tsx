import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { storyQuery } from '../features/article/api/story';
import { feedInfiniteQuery, feedQuery } from '../features/feeds/api/feed';
import { homeFeeds } from '../features/home/homeFeeds';
import { sidebarFeeds } from '../features/feeds/sidebarFeeds';
import { Layout } from '../features/site/Layout';
import { NotFoundPage } from '../features/site/NotFoundPage';
import { ShellFallback } from '../components/ShellFallback';
import { RouteErrorBoundary } from '../features/site/RouteErrorBoundary';

/**
 * Every route's code is split out (`lazy`) and its loader starts the data requests
 * at the same time as the code download, priming the query cache; the loaders
 * never await, so a slow API never holds navigation back (pages show skeletons).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const prefetchFeeds = (feeds: Parameters<typeof feedQuery>[0][]) => {
    for (const feed of feeds) void queryClient.prefetchQuery(feedQuery(feed));
  };
  const prefetchFeed = (params: Parameters<typeof feedInfiniteQuery>[0]) => {
    void queryClient.prefetchInfiniteQuery(feedInfiniteQuery(params));
    return null;
  };

  return [
    {
      path: '/',
      Component: Layout,
      HydrateFallback: ShellFallback,
      ErrorBoundary: RouteErrorBoundary,
      children: [
        {
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              index: true,
              loader: () => {
                prefetchFeeds(homeFeeds);
                return null;
              },
              lazy: () => import('../features/home/HomePage').then((m) => ({ Component: m.HomePage })),
            },
            {
              path: 'article/:slug',
              loader: ({ params }) => {
                void queryClient.prefetchQuery(storyQuery(params.slug ?? ''));
                prefetchFeeds(sidebarFeeds);
                return null;
              },
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
