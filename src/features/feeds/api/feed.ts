import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { apiRequest } from '../../../lib/api/client';
import { lenientArray, storyCardSchema, type StoryCard } from '../../../lib/api/schemas';
import { mergeVersions, type Versioned } from '../../../lib/api/wireVersions';

export const feedNames = ['latest', 'trending', 'opinion', 'devshots', 'breaking'] as const;
export type FeedName = (typeof feedNames)[number];

export interface FeedParams {
  feed: FeedName;
  sector?: string;
  edition?: string;
  /** One of a story's `tags`, as written. */
  tag?: string;
  q?: string;
  limit?: number;
}

/** The search page's results: its route's prefetch and its query read the same params. */
export const searchFeed = (q: string): FeedParams => ({ feed: 'latest', q });

export const feedPageSchema = z.object({
  items: lenientArray(storyCardSchema, 'feed item'),
  nextCursor: z.pipe(
    z.nullish(z.string()),
    z.transform((value: string | null | undefined) => value ?? null),
  ),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

/** A feed page as lists show it: versions of one wire story merged into its newest. */
export interface ListedFeedPage {
  items: Versioned<StoryCard>[];
  nextCursor: string | null;
}

export async function fetchFeedPage(
  params: FeedParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ListedFeedPage> {
  const page = await apiRequest('/stories', feedPageSchema, {
    params: { ...params, cursor },
    signal,
  });
  return { ...page, items: mergeVersions(page.items) };
}

/** Drops empty filters so `{ feed, q: '' }` and `{ feed }` share one cache entry. */
function normalise(params: FeedParams): FeedParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== ''),
  ) as unknown as FeedParams;
}

export const feedKeys = {
  all: ['feed'] as const,
  page: (params: FeedParams) => ['feed', 'page', normalise(params)] as const,
  infinite: (params: FeedParams) => ['feed', 'infinite', normalise(params)] as const,
};

/**
 * Feeds move: a minute fresh means moving between views reuses what is on screen
 * (home -> article -> back makes no request), while a reader who stays gets new
 * stories soon. Kept a day for the offline cache.
 */
const FEED_STALE_TIME = 60_000;
const FEED_GC_TIME = 24 * 60 * 60_000;

/** The first page of a feed: for boxes such as trending and latest news. */
export const feedQuery = (params: FeedParams) =>
  queryOptions({
    queryKey: feedKeys.page(params),
    queryFn: ({ signal }) => fetchFeedPage(normalise(params), null, signal),
    staleTime: FEED_STALE_TIME,
    gcTime: FEED_GC_TIME,
  });

/** A feed read page by page ("Load more"). */
export const feedInfiniteQuery = (params: FeedParams) =>
  infiniteQueryOptions({
    queryKey: feedKeys.infinite(params),
    queryFn: ({ pageParam, signal }) => fetchFeedPage(normalise(params), pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: FEED_STALE_TIME,
    gcTime: FEED_GC_TIME,
  });
