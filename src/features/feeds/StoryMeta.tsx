import { formatClock, spokenDuration } from '../../lib/duration';
import { formatHouseTime, formatRelativeTime } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import type { StoryKind } from '../../lib/api/schemas';

/** A story time for lists: "3 hr. ago", with the exact house time on hover and in dateTime; kept current. */
export function RelativeTime({ iso, className = '' }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatHouseTime(iso)} className={className}>
      {formatRelativeTime(iso, new Date(now))}
    </time>
  );
}

const KIND_LABELS: Record<StoryKind, string> = {
  news: 'News',
  opinion: 'Opinion',
  blog: 'Blog',
  interview: 'Interview',
  devshot: 'DevShot',
};

export function kindLabel(kind: StoryKind): string {
  return KIND_LABELS[kind];
}

/**
 * A clip's length on a card: "▶ 1:05" on screen, "Video, 1 minute 5 seconds" to a screen
 * reader (a visually hidden twin, since aria-label is not allowed on a plain span).
 */
export function VideoDuration({ seconds, className = '' }: { seconds: number; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded bg-slate-900 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums dark:bg-slate-700 ${className}`}
    >
      <span className="sr-only">Video, {spokenDuration(seconds)}</span>
      <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current">
        <path d="M2 1v8l7-4z" />
      </svg>
      <span aria-hidden="true">{formatClock(seconds)}</span>
    </span>
  );
}
