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
