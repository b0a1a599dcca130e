import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { BoxErrorBoundary } from '../../components/BoxErrorBoundary';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { StaticRegion } from '../../components/StaticRegion';
import type { StoryCard } from '../../lib/api/schemas';
import { feedQuery, type FeedParams } from './api/feed';

export interface FeedBoxProps {
  title: string;
  params: FeedParams;
  /** What failed to load, for the error message: "trending stories". */
  what: string;
  /** Rows of the loading placeholder; about what the loaded box shows. */
  skeletonRows: number;
  /** "See all" link below the box. */
  more?: { to: string; label: string };
  children: (items: StoryCard[]) => ReactNode;
  /** Rendered from the clock too ("3 min. ago"): never kept as the server sent it. */
  live?: boolean;
}

/**
 * A sidebar box over the first page of one feed: its own heading, loading skeleton
 * and error with retry, so one failing feed never takes the page down with it.
 */
export function FeedBox({ title, params, what, skeletonRows, more, children, live }: FeedBoxProps) {
  const headingId = useId();
  const query = useQuery(feedQuery(params));

  let content: ReactNode;
  if (query.isPending || (query.isError && query.isFetching)) {
    content = (
      <LoadingRegion label={`Loading ${what}`}>
        <div className="space-y-4 py-2">
          {Array.from({ length: skeletonRows }, (_, index) => (
            <div key={index} className="space-y-2">
              <SkeletonLine className="h-4 w-full" />
              <SkeletonLine className="h-4 w-2/3" />
            </div>
          ))}
        </div>
      </LoadingRegion>
    );
  } else if (query.isError) {
    content = <ErrorState error={query.error} what={what} headingLevel={3} onRetry={() => void query.refetch()} />;
  } else if (query.data.items.length === 0) {
    content = <p className="py-2 text-sm text-slate-600 dark:text-slate-300">No stories here yet.</p>;
  } else {
    content = <BoxErrorBoundary what={what}>{children(query.data.items)}</BoxErrorBoundary>;
    if (!live) content = <StaticRegion deps={[query.data]}>{content}</StaticRegion>;
  }

  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <h2 id={headingId} className="box-title">
        {title}
      </h2>
      <div className="mt-3">{content}</div>
      {more && query.isSuccess && query.data.items.length > 0 && (
        <p className="mt-3 text-right text-sm">
          <Link to={more.to} className="font-semibold text-brand-700 hover:underline dark:text-sky-300">
            {more.label}
          </Link>
        </p>
      )}
    </section>
  );
}
