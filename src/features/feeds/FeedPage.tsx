import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { SITE_NAME, useDocumentMeta } from '../../lib/head';
import { FollowButton } from '../following';
import { NewSinceNotice } from '../history';
import { feedInfiniteQuery } from './api/feed';
import type { FeedPageSpec, FeedRoute } from './feedRoutes';
import { uniqueStories } from './feedUtils';
import { LoadMore } from './LoadMore';
import { StoryList, StoryListSkeleton } from './StoryList';

function FeedView({
  params,
  title,
  description,
  what,
  numbered = false,
  feedPath,
  follow,
  markNew = false,
}: FeedPageSpec) {
  const headingId = useId();
  const query = useInfiniteQuery(feedInfiniteQuery(params));
  const stories = query.data ? uniqueStories(query.data.pages) : [];
  const heading = typeof title === 'function' ? title(stories) : title;
  useDocumentMeta(heading, description, {
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

/** A page of src/features/feeds/feedRoutes.ts, for its address's `:slug`. */
export function FeedPage({ route }: { route: FeedRoute }) {
  const { slug = '' } = useParams();
  return <FeedView key={slug} {...route.spec(slug)} />;
}
