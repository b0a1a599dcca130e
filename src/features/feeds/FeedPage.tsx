import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import type { StoryCard } from '../../lib/api/schemas';
import { isApiError } from '../../lib/api/errors';
import { SITE_NAME, useDocumentMeta } from '../../lib/head';
import { FollowButton, type Topic } from '../following';
import { NewSinceNotice } from '../history';
import { feedInfiniteQuery, type FeedParams } from './api/feed';
import { titleCaseSlug, uniqueStories } from './feedUtils';
import { LoadMore } from './LoadMore';
import { StoryList, StoryListSkeleton } from './StoryList';

interface FeedViewProps {
  /** Must equal the route prefetch's params (src/app/routes.tsx), so the prefetched cache entry is used. */
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

function FeedView({
  params,
  title,
  description,
  what,
  numbered = false,
  feedPath,
  follow,
  markNew = false,
}: FeedViewProps) {
  const headingId = useId();
  const query = useInfiniteQuery(feedInfiniteQuery(params));
  const stories = query.data ? uniqueStories(query.data.pages) : [];
  const heading = typeof title === 'function' ? title(stories) : title;
  // The server answers with this status: the API's 404 (an unknown sector or edition) is the page's.
  const failed = query.data === undefined && query.isError;
  const status = failed ? (isApiError(query.error) && query.error.kind === 'not_found' ? 404 : 503) : undefined;
  useDocumentMeta(heading, description, {
    status,
    feed: feedPath ? { title: `${SITE_NAME}: ${heading}`, path: feedPath } : undefined,
  });

  let content;
  if (query.data === undefined) {
    // First load, or a retry after it failed: the skeleton; a failed first load: the error.
    content =
      query.isError && !query.isFetching ? (
        <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} showHomeLink />
      ) : (
        <StoryListSkeleton count={6} label={`Loading ${what}`} />
      );
  } else if (stories.length === 0) {
    content = <p className="py-8 text-slate-700 dark:text-slate-300">No stories here yet.</p>;
  } else {
    content = (
      <>
        <StoryList stories={stories} headingLevel={2} numbered={numbered} labelledBy={headingId} />
        <LoadMore query={query} what="more stories" />
        <p role="status" className="sr-only">
          {`Showing ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`}
        </p>
      </>
    );
  }

  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b-2 border-brand-700 pb-2 dark:border-sky-400">
        <h1 id={headingId} className="font-serif text-3xl font-bold">
          {heading}
        </h1>
        {follow && <FollowButton topic={{ ...follow, name: heading }} />}
        {markNew && stories.length > 0 && <NewSinceNotice stories={stories} className="" />}
      </div>
      {content}
    </div>
  );
}

export function LatestPage() {
  return (
    <FeedView
      params={{ feed: 'latest' }}
      title="Latest News"
      description="The newest stories from every sector and edition."
      what="the latest news"
      feedPath="/feeds/latest"
      markNew
    />
  );
}

export function TrendingPage() {
  return (
    <FeedView
      params={{ feed: 'trending' }}
      title="Trending"
      description="The most read stories right now, in rank order."
      what="trending stories"
      numbered
    />
  );
}

export function OpinionPage() {
  return (
    <FeedView
      params={{ feed: 'opinion' }}
      title="Opinion / Blog / Interview"
      description="Opinion pieces, blogs and interviews."
      what="opinion pieces"
      feedPath="/feeds/opinion"
    />
  );
}

export function DevShotsPage() {
  return (
    <FeedView
      params={{ feed: 'devshots' }}
      title="DevShots"
      description="Short takes on development, in pictures."
      what="DevShots"
      feedPath="/feeds/devshots"
    />
  );
}

export function SectorPage() {
  const { slug = '' } = useParams();
  const fallback = titleCaseSlug(slug);
  return (
    <FeedView
      key={slug}
      params={{ feed: 'latest', sector: slug }}
      title={(stories) => stories.find((story) => story.sector?.slug === slug)?.sector?.name ?? fallback}
      description={`The latest stories in ${fallback}.`}
      what="this sector's stories"
      feedPath={`/feeds/sector/${encodeURIComponent(slug)}`}
      follow={{ kind: 'sector', slug }}
    />
  );
}

export function EditionPage() {
  const { slug = '' } = useParams();
  const fallback = titleCaseSlug(slug);
  return (
    <FeedView
      key={slug}
      params={{ feed: 'latest', edition: slug }}
      title={(stories) => stories.find((story) => story.edition.slug === slug)?.edition.name ?? fallback}
      description={`The latest stories from the ${fallback} edition.`}
      what="this edition's stories"
      feedPath={`/feeds/edition/${encodeURIComponent(slug)}`}
      follow={{ kind: 'edition', slug }}
    />
  );
}

export function TagPage() {
  const { tag = '' } = useParams();
  return (
    <FeedView
      key={tag}
      params={{ feed: 'latest', tag }}
      title={tag}
      description={`The latest stories tagged ${tag}.`}
      what="the stories with this tag"
      follow={{ kind: 'tag', slug: tag }}
    />
  );
}
