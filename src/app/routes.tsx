import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, type ComponentType } from 'react';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { HeadlineSkeleton, LoadingRegion } from '../components/Skeleton';
import { storyQuery } from '../features/article/api/story';
import { preloadSanitizerFor } from '../features/article/SafeHtml';
import { feedInfiniteQuery, feedQuery } from '../features/feeds/api/feed';
import { sidebarFeeds } from '../features/feeds/sidebarFeeds';
import { homeFeeds } from '../features/home/homeFeeds';
import { taxonomyQuery } from '../features/site/api/taxonomy';
import { Layout } from '../features/site/Layout';
import { NotFoundPage } from '../features/site/NotFoundPage';
import { RouteErrorBoundary } from '../features/site/RouteErrorBoundary';
import { atMost, eachInItsOwnTask } from '../lib/wait';
import { lazyPage, type LazyPage } from './lazyPage';

/** How long the first page may wait for its data and code before it shows skeletons instead. */
export const FIRST_PAGE_DATA_WAIT_MS = 1500;

type Params = Record<string, string | undefined>;

interface PageRoute {
  /** A react-router path pattern; '' is the home page. */
  path: string;
  page: LazyPage;
  /** Starts the page's data requests, priming the query cache. */
  prefetch?: (queryClient: QueryClient, params: Params, search: URLSearchParams) => Promise<unknown>[];
  /** Code the page needs for the data it was given (a server-rendered page hydrates only once it is in). */
  dataCode?: (queryClient: QueryClient, params: Params) => Promise<unknown>;
}

const prefetchFeeds = (queryClient: QueryClient, feeds: Parameters<typeof feedQuery>[0][]) =>
  feeds.map((feed) => queryClient.prefetchQuery(feedQuery(feed)));
const prefetchFeed = (queryClient: QueryClient, params: Parameters<typeof feedInfiniteQuery>[0]) => [
  queryClient.prefetchInfiniteQuery(feedInfiniteQuery(params)),
];
type FeedPageModule = typeof import('../features/feeds/FeedPage');
const feedPage = (pick: (module: FeedPageModule) => ComponentType) =>
  lazyPage(() => import('../features/feeds/FeedPage').then(pick));
const FeedPages = {
  latest: feedPage((m) => m.LatestPage),
  trending: feedPage((m) => m.TrendingPage),
  opinion: feedPage((m) => m.OpinionPage),
  devshots: feedPage((m) => m.DevShotsPage),
  sector: feedPage((m) => m.SectorPage),
  edition: feedPage((m) => m.EditionPage),
  tag: feedPage((m) => m.TagPage),
};
// Small, and in the main chunk: an unknown address shows at once.
const notFound: LazyPage = { Page: () => <NotFoundPage />, preload: () => Promise.resolve() };

/**
 * Every page's code is split out, and its data requests start as the navigation
 * starts (prefetch), in parallel with the code download: the page never waits for
 * its code to ask for its data. Navigations never wait for a slow API: pages show
 * skeletons. Declarative routes (not a data router): 17 KB gzip less first-load code
 * (docs/performance.md has the measurement).
 */
export const pageRoutes: PageRoute[] = [
  {
    path: '',
    page: lazyPage(() => import('../features/home/HomePage').then((m) => m.HomePage)),
    prefetch: (queryClient) => prefetchFeeds(queryClient, homeFeeds),
  },
  {
    path: 'article/:slug',
    page: lazyPage(() => import('../features/article/ArticlePage').then((m) => m.ArticlePage)),
    prefetch: (queryClient, { slug }) => [
      queryClient.prefetchQuery(storyQuery(slug ?? '')),
      ...prefetchFeeds(queryClient, sidebarFeeds),
    ],
    dataCode: (queryClient, { slug }) =>
      preloadSanitizerFor(queryClient.getQueryData(storyQuery(slug ?? '').queryKey)?.body),
  },
  { path: 'latest', page: FeedPages.latest, prefetch: (qc) => prefetchFeed(qc, { feed: 'latest' }) },
  { path: 'trending', page: FeedPages.trending, prefetch: (qc) => prefetchFeed(qc, { feed: 'trending' }) },
  { path: 'opinion', page: FeedPages.opinion, prefetch: (qc) => prefetchFeed(qc, { feed: 'opinion' }) },
  { path: 'devshots', page: FeedPages.devshots, prefetch: (qc) => prefetchFeed(qc, { feed: 'devshots' }) },
  {
    path: 'sector/:slug',
    page: FeedPages.sector,
    prefetch: (qc, { slug }) => prefetchFeed(qc, { feed: 'latest', sector: slug }),
  },
  {
    path: 'edition/:slug',
    page: FeedPages.edition,
    prefetch: (qc, { slug }) => prefetchFeed(qc, { feed: 'latest', edition: slug }),
  },
  { path: 'feeds', page: lazyPage(() => import('../features/feeds/FeedsListPage').then((m) => m.FeedsListPage)) },
  {
    path: 'tag/:tag',
    page: FeedPages.tag,
    prefetch: (qc, { tag }) => prefetchFeed(qc, { feed: 'latest', tag }),
  },
  {
    path: 'following',
    page: lazyPage(() => import('../features/following/FollowingPage').then((m) => m.FollowingPage)),
  },
  { path: 'saved', page: lazyPage(() => import('../features/reading-list/SavedPage').then((m) => m.SavedPage)) },
  {
    path: 'search',
    page: lazyPage(() => import('../features/search/SearchPage').then((m) => m.SearchPage)),
    // Same params as the page's query (src/features/search/SearchPage.tsx): the server renders the results.
    prefetch: (qc, _params, search) => {
      const q = (search.get('q') ?? '').trim();
      return q ? prefetchFeed(qc, { feed: 'latest', q }) : [];
    },
  },
  { path: '*', page: notFound },
];

/** The route a path shows, with its params (the not-found route when nothing else matches). */
function decodeParams(params: Params): Params {
  const decoded: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) {
    try {
      decoded[key] = value === undefined ? value : decodeURIComponent(value);
    } catch {
      decoded[key] = value;
    }
  }
  return decoded;
}

export function matchPageRoute(pathname: string): { route: PageRoute; params: Params } {
  for (const route of pageRoutes) {
    const match = matchPath({ path: `/${route.path}`, end: true }, pathname);
    // matchPath leaves params percent-encoded; the page reads them decoded (useParams), and a
    // prefetch under the encoded slug of a non-Latin address would miss the page's query.
    if (match) return { route, params: decodeParams(match.params) };
  }
  return { route: pageRoutes.at(-1)!, params: {} };
}

/** The data requests of the page at `pathname`, each to be started by a call (the left menu and footer's taxonomy too). */
function routeRequests(queryClient: QueryClient, pathname: string, search = ''): (() => Promise<unknown>[])[] {
  const { route, params } = matchPageRoute(pathname);
  return [
    () => [queryClient.prefetchQuery(taxonomyQuery())],
    () => route.prefetch?.(queryClient, params, new URLSearchParams(search)) ?? [],
  ];
}

/** Starts the data requests of the page at `pathname` (and `search`, the query string). */
export function prefetchRoute(queryClient: QueryClient, pathname: string, search = ''): Promise<unknown>[] {
  return routeRequests(queryClient, pathname, search).flatMap((start) => start());
}

/**
 * The first page of a server-rendered load: its data came with the HTML, so only its
 * code is loaded (hydration must render the page, not its loading state).
 */
export async function loadFirstPageCode(queryClient: QueryClient, pathname: string): Promise<void> {
  const { route, params } = matchPageRoute(pathname);
  await atMost(
    Promise.all([route.page.preload(), route.dataCode?.(queryClient, params)]).catch(() => {}), // the page's error boundary reports a chunk that failed
    FIRST_PAGE_DATA_WAIT_MS,
  );
}

/**
 * Gets the first page ready before the app's first render: its code and its data, for
 * FIRST_PAGE_DATA_WAIT_MS at most. The static shell covers the wait, and the page then
 * renders once, complete, in one time-sliced pass, instead of skeletons followed by an
 * unsliced render per response (Lighthouse's TBT). Each group of requests starts in a task
 * of its own. Buys: story 2's LCP (its body's first paragraph) 2023 vs 2150 ms with all
 * started in one task, lower in all 10 paired Lighthouse runs; TBT and the other pages
 * unchanged (why the split helps is not established).
 */
export async function loadFirstPage(queryClient: QueryClient, pathname: string): Promise<void> {
  const pending = [matchPageRoute(pathname).route.page.preload()];
  await eachInItsOwnTask(routeRequests(queryClient, pathname), (start) => {
    pending.push(...start());
  });
  await atMost(Promise.allSettled(pending), FIRST_PAGE_DATA_WAIT_MS);
}

/**
 * Starts each later page's data requests as soon as the URL changes, while its code
 * loads. Not the first page's: loadFirstPage started those, and asking again here
 * would send a second request for anything that failed (a 404 story).
 */
function usePrefetchOnNavigation() {
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const prefetched = useRef(pathname);
  useLayoutEffect(() => {
    if (prefetched.current === pathname) return;
    prefetched.current = pathname;
    prefetchRoute(queryClient, pathname);
  }, [queryClient, pathname]);
}

/**
 * Loads a page's code as soon as the reader points at or focuses a link to it, like the
 * links' own data prefetch: by the click it is usually in, and the page shows at once.
 */
function usePreloadPageCodeOnIntent() {
  useEffect(() => {
    const preload = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      matchPageRoute(link.pathname)
        .route.page.preload()
        .catch(() => {}); // the navigation, if it comes, reports a failed chunk
    };
    document.addEventListener('pointerover', preload, { passive: true });
    document.addEventListener('focusin', preload);
    return () => {
      document.removeEventListener('pointerover', preload);
      document.removeEventListener('focusin', preload);
    };
  }, []);
}

/** A page's loading state: shown while its code loads, and in the static shell (./staticShell.tsx). */
export function PageLoading() {
  return (
    <LoadingRegion label="Loading the page…">
      <div className="space-y-3">
        <HeadlineSkeleton />
      </div>
    </LoadingRegion>
  );
}

/** One page: its own error boundary (the header and footer stay), a skeleton while its code loads. */
function RoutePage({ page }: { page: LazyPage }) {
  return (
    <RouteErrorBoundary>
      <page.Page fallback={<PageLoading />} />
    </RouteErrorBoundary>
  );
}

/** The app's pages, inside the site's layout. */
export function AppRoutes() {
  usePrefetchOnNavigation();
  usePreloadPageCodeOnIntent();
  return (
    <RouteErrorBoundary>
      <Routes>
        <Route element={<Layout />}>
          {pageRoutes.map((route) => {
            // Keyed by route: another route's page replaces this one, never reuses its state.
            const element = <RoutePage key={route.path} page={route.page} />;
            return route.path === '' ? (
              <Route key="home" index element={element} />
            ) : (
              <Route key={route.path} path={route.path} element={element} />
            );
          })}
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
