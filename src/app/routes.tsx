import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { matchPath, Route, Routes, useLocation } from 'react-router';
import { HeadlineSkeleton, LoadingRegion } from '../components/Skeleton';
import { storyQuery } from '../features/article/api/story';
import { preloadSanitizerFor } from '../features/article/SafeHtml';
import { feedInfiniteQuery, feedQuery, searchFeed, type FeedParams } from '../features/feeds/api/feed';
import { feedRoutes } from '../features/feeds/feedRoutes';
import { sidebarFeeds } from '../features/feeds/sidebarFeeds';
import { homeFeeds } from '../features/home/homeFeeds';
import { taxonomyQuery } from '../features/site/api/taxonomy';
import { Layout } from '../features/site/Layout';
import { sameOriginLink } from '../lib/links';
import { NotFoundPage } from '../features/site/NotFoundPage';
import { RouteErrorBoundary } from '../features/site/RouteErrorBoundary';
import { isApiError } from '../lib/api/errors';
import { atMost, eachInItsOwnTask } from '../lib/wait';
import { lazyPage, type LazyPage } from './lazyPage';

/** How long the first page may wait for its data and code before it shows skeletons instead. */
export const FIRST_PAGE_DATA_WAIT_MS = 1500;

type Params = Record<string, string | undefined>;

interface PageRoute {
  /** A react-router path pattern; '' is the home page. */
  path: string;
  page: LazyPage;
  /**
   * Starts the page's data requests, priming the query cache. None rejects; the page's own
   * data resolves to the HTTP status it implies (`main`), which the server answers with.
   */
  prefetch?: (queryClient: QueryClient, params: Params, search: URLSearchParams) => Promise<number | void>[];
  /** Code the page needs for the data it was given (a server-rendered page hydrates only once it is in). */
  dataCode?: (queryClient: QueryClient, params: Params) => Promise<unknown>;
}

/** A box whose feed failed is asked again by its own retry, never by a hover over some link. */
const prefetchFeeds = (queryClient: QueryClient, feeds: FeedParams[]) =>
  feeds
    .map(feedQuery)
    .filter((query) => queryClient.getQueryState(query.queryKey)?.status !== 'error')
    .map((query) => queryClient.prefetchQuery(query));
/** The page's own data: the API's 404 is the page's, any other failure a 503 (a box beside it decides nothing). */
const main = (request: Promise<unknown>): Promise<number> =>
  request.then(
    () => 200,
    (error: unknown) => (isApiError(error) && error.kind === 'not_found' ? 404 : 503),
  );
const mainFeed = (queryClient: QueryClient, params: FeedParams) => [
  main(queryClient.fetchInfiniteQuery(feedInfiniteQuery(params))),
];
// Small, and in the main chunk: an unknown address shows at once.
const notFound: LazyPage = { Page: () => <NotFoundPage />, preload: () => Promise.resolve() };

/**
 * Every page's code is split out, and its data requests start as the navigation
 * starts (prefetch), in parallel with the code download: the page never waits for
 * its code to ask for its data. Navigations never wait for a slow API: pages show
 * skeletons. Declarative routes (not a data router): 17.5 KB gzip less first-load code
 * (docs/decisions/route-layer.md).
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
      main(queryClient.fetchQuery(storyQuery(slug ?? ''))),
      ...prefetchFeeds(queryClient, sidebarFeeds),
    ],
    dataCode: (queryClient, { slug }) =>
      preloadSanitizerFor(queryClient.getQueryData(storyQuery(slug ?? '').queryKey)?.body),
  },
  ...feedRoutes.map((route) => ({
    path: route.path,
    page: lazyPage(() => import('../features/feeds/FeedPage').then((m) => () => <m.FeedPage route={route} />)),
    prefetch: (queryClient: QueryClient, { slug = '' }: Params) => mainFeed(queryClient, route.spec(slug).params),
  })),
  { path: 'feeds', page: lazyPage(() => import('../features/feeds/FeedsListPage').then((m) => m.FeedsListPage)) },
  {
    path: 'following',
    page: lazyPage(() => import('../features/following/FollowingPage').then((m) => m.FollowingPage)),
  },
  { path: 'saved', page: lazyPage(() => import('../features/reading-list/SavedPage').then((m) => m.SavedPage)) },
  {
    path: 'search',
    page: lazyPage(() => import('../features/search/SearchPage').then((m) => m.SearchPage)),
    prefetch: (queryClient, _params, search) => {
      const q = (search.get('q') ?? '').trim();
      return q ? mainFeed(queryClient, searchFeed(q)) : [];
    },
  },
  { path: '*', page: notFound, prefetch: () => [Promise.resolve(404)] },
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
function routeRequests(queryClient: QueryClient, pathname: string, search = ''): (() => Promise<number | void>[])[] {
  const { route, params } = matchPageRoute(pathname);
  return [
    () => [queryClient.prefetchQuery(taxonomyQuery())],
    () => route.prefetch?.(queryClient, params, new URLSearchParams(search)) ?? [],
  ];
}

/** Starts the data requests of the page at `pathname` (and `search`, the query string). */
export function prefetchRoute(queryClient: QueryClient, pathname: string, search = ''): Promise<number | void>[] {
  return routeRequests(queryClient, pathname, search).flatMap((start) => start());
}

/**
 * Loads the data of the page at `url` and resolves to the HTTP status it implies: its
 * main data's (200 when it has none), or 504 when the requests take longer than `waitMs`.
 */
export async function loadRoute(queryClient: QueryClient, url: URL, waitMs: number): Promise<number> {
  let statuses: (number | void)[] | undefined;
  const requests = Promise.all(prefetchRoute(queryClient, url.pathname, url.search));
  await atMost(
    requests.then((all) => (statuses = all)),
    waitMs,
  );
  return statuses ? Math.max(200, ...statuses.map((status) => status ?? 200)) : 504;
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
 * of its own (measured in docs/performance.md, "The first page renders once").
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
 * Gets a page ready as soon as the reader points at, touches or focuses a link to it: its
 * code and its data (the route's prefetch). By the click both are usually in.
 */
function usePrefetchOnIntent() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let last: Element | null = null;
    const prefetch = (event: Event) => {
      const link = sameOriginLink(event.target);
      if (!link || link === last) return;
      last = link; // once per link entered, not per child element the pointer crosses
      matchPageRoute(link.pathname)
        .route.page.preload()
        .catch(() => {}); // the navigation, if it comes, reports a failed chunk
      prefetchRoute(queryClient, link.pathname, link.search);
    };
    const events = ['pointerover', 'touchstart', 'focusin'];
    for (const type of events) document.addEventListener(type, prefetch, { passive: true });
    return () => events.forEach((type) => document.removeEventListener(type, prefetch));
  }, [queryClient]);
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
  usePrefetchOnIntent();
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
