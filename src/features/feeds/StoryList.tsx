import type { ReactNode } from 'react';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import type { StoryCard as StoryCardData } from '../../lib/api/schemas';
import { StoryCard, type HeadingLevel, type StoryCardVariant } from './StoryCard';
import { THUMBNAIL_CLASS } from './feedUtils';

export interface StoryListProps {
  stories: StoryCardData[];
  variant?: Exclude<StoryCardVariant, 'lead'>;
  headingLevel?: HeadingLevel;
  /** An ordered, visibly numbered list (trending: rank order). */
  numbered?: boolean;
  /** Per-story actions slot, passed to each card (e.g. a Save button). */
  renderActions?: (story: StoryCardData) => ReactNode;
  /** id of the heading that names the list (so it can be found as "the Latest News list"). */
  labelledBy?: string;
}

export function StoryList({
  stories,
  variant = 'standard',
  headingLevel = 3,
  numbered = false,
  renderActions,
  labelledBy,
}: StoryListProps) {
  const List = numbered ? 'ol' : 'ul';
  return (
    <List aria-labelledby={labelledBy} className="divide-y divide-slate-200 dark:divide-slate-700">
      {stories.map((story, index) => (
        <li key={story.slug} className="flex gap-3 py-4 first:pt-0">
          {numbered && (
            <span className="w-8 shrink-0 text-2xl font-bold text-brand-700 tabular-nums dark:text-sky-300">
              {index + 1}
            </span>
          )}
          <div className="min-w-0 flex-1">
            <StoryCard story={story} variant={variant} headingLevel={headingLevel} actions={renderActions?.(story)} />
          </div>
        </li>
      ))}
    </List>
  );
}

/** Placeholder for one card: the same boxes and line heights as the loaded card. */
export function StoryCardSkeleton({ variant = 'standard' }: { variant?: StoryCardVariant }) {
  if (variant === 'lead') {
    return (
      <div className="flex flex-col gap-3">
        <SkeletonLine className="aspect-video w-full" />
        <SkeletonLine className="h-4 w-24" />
        <SkeletonLine className="h-8 w-11/12" />
        <SkeletonLine className="h-8 w-2/3" />
        <SkeletonLine className="h-6 w-full" />
        <SkeletonLine className="h-4 w-32" />
      </div>
    );
  }
  return (
    <div className="flex gap-4">
      <div className="min-w-0 flex-1 space-y-2">
        <SkeletonLine className="h-4 w-24" />
        <SkeletonLine className="h-5 w-11/12" />
        {variant === 'standard' && <SkeletonLine className="h-10 w-full" />}
        <SkeletonLine className="h-4 w-20" />
      </div>
      {variant === 'standard' && <SkeletonLine className={THUMBNAIL_CLASS} />}
    </div>
  );
}

export function StoryListSkeleton({
  count = 5,
  variant = 'standard',
  label = 'Loading stories',
}: {
  count?: number;
  variant?: Exclude<StoryCardVariant, 'lead'>;
  label?: string;
}) {
  return (
    <LoadingRegion label={label}>
      <ul aria-hidden="true" className="divide-y divide-slate-200 dark:divide-slate-700">
        {Array.from({ length: count }, (_, index) => (
          <li key={index} className="py-4 first:pt-0">
            <StoryCardSkeleton variant={variant} />
          </li>
        ))}
      </ul>
    </LoadingRegion>
  );
}
