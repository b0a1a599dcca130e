import { use, type ReactNode } from 'react';
import type { StoryCard as StoryCardData } from '../../lib/api/schemas';
import { THUMBNAIL_CLASS } from './feedUtils';
import { HeadlineLink } from './StoryLink';
import { StoryCardActions } from './storyCardActions';
import { kindLabel, RelativeTime, VideoDuration } from './StoryMeta';
import { Picture } from '../../components/Picture';
import { StoryMark } from '../history';

export type StoryCardVariant = 'lead' | 'standard' | 'compact';
export type HeadingLevel = 2 | 3 | 4;

export interface StoryCardProps {
  /** `versionCount`: versions of this wire story merged into it (lists from a feed). */
  story: StoryCardData & { versionCount?: number };
  variant?: StoryCardVariant;
  /** Level of the headline's heading, so the card fits the outline of the page it is on. */
  headingLevel?: HeadingLevel;
  /**
   * Slot for per-story actions (e.g. the Save button added later). Rendered after the
   * meta line; keep it small: the card reserves no extra space for it.
   */
  actions?: ReactNode;
}

const HEADLINE_CLASS: Record<StoryCardVariant, string> = {
  lead: 'mt-1 font-serif text-2xl leading-tight font-bold sm:text-3xl',
  standard: 'mt-1 font-serif text-lg leading-snug font-semibold',
  compact: 'mt-1 text-base leading-snug font-semibold',
};

/** "Updated once", "Updated 3 times": how often a wire story changed, its versions merged. */
export function updatedTimes(updates: number): string {
  return updates === 1 ? 'Updated once' : `Updated ${updates} times`;
}

export function StoryCard({ story, variant = 'standard', headingLevel = 3, actions: ownActions }: StoryCardProps) {
  const renderActions = use(StoryCardActions);
  const actions = ownActions ?? renderActions?.(story);
  const Heading = `h${headingLevel}` as const;
  const isLead = variant === 'lead';
  const showImage = story.image !== null && variant !== 'compact';
  const label = story.sector?.name ?? null;

  const image = showImage && story.image && (
    <Picture
      image={story.image}
      priority={isLead}
      // The lead's picture goes below its text on phones: the headline comes first under the masthead.
      className={
        isLead
          ? 'aspect-video w-full rounded bg-slate-100 object-cover max-sm:order-last dark:bg-slate-800'
          : `${THUMBNAIL_CLASS} rounded bg-slate-100 object-cover dark:bg-slate-800`
      }
    />
  );

  return (
    <div className={isLead ? 'flex flex-col gap-3' : 'flex gap-4'}>
      {isLead && image}
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-sky-300">
          {story.kind !== 'news' && <span>{kindLabel(story.kind)} · </span>}
          {label && <span>{label} · </span>}
          <span>{story.edition.name}</span>
        </p>
        <Heading className={HEADLINE_CLASS[variant]}>
          <HeadlineLink
            story={story}
            className="text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-sky-300"
          />
        </Heading>
        {variant !== 'compact' && story.summary && (
          <p
            className={
              isLead
                ? 'mt-1 text-slate-700 dark:text-slate-300 text-base'
                : 'mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300'
            }
          >
            {story.summary}
          </p>
        )}
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          <StoryMark story={story} />
          {story.videoDuration !== null && <VideoDuration seconds={story.videoDuration} className="mr-2" />}
          {story.source && <span>{story.source} · </span>}
          <RelativeTime iso={story.publishedAt} />
          {(story.versionCount ?? 1) > 1 && <span> · {updatedTimes(story.versionCount! - 1)}</span>}
        </p>
        {actions && <div className="mt-2">{actions}</div>}
      </div>
      {!isLead && image}
    </div>
  );
}
