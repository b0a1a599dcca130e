import { useEffect, useState } from 'react';
import { formatHouseTime, houseIsoDate } from '../../lib/time';
import { getHistoryStore, useHistory, type OpenedStory } from './opened';
import { useVisitSince } from './visits';

interface Versioned {
  slug: string;
  headline: string;
  publishedAt: string;
  updatedAt: string;
  /** The wire versions merged into this card (a list's); any of them read counts as read. */
  versionSlugs?: readonly string[];
}

export type StoryMarkKind = 'new' | 'updated';

// One lookup table per history snapshot, shared by every card on the page.
const bySlugCache = new WeakMap<readonly OpenedStory[], Map<string, OpenedStory>>();
function openedBySlug(items: readonly OpenedStory[]): Map<string, OpenedStory> {
  let map = bySlugCache.get(items);
  if (!map) {
    map = new Map(items.map((item) => [item.slug, item]));
    bySlugCache.set(items, map);
  }
  return map;
}

/** "updated": opened, and changed since; "new": published since the last visit and not opened. */
export function storyMark(
  story: Versioned,
  since: number | null,
  opened: ReadonlyMap<string, OpenedStory>,
): StoryMarkKind | null {
  const read =
    opened.get(story.slug) ??
    (story.versionSlugs ?? [])
      .map((slug) => opened.get(slug))
      .filter((item) => item !== undefined)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
  // A newer version of a wire story the reader read is an update to them, not a new story.
  if (read) return Date.parse(story.updatedAt) > Date.parse(read.updatedAt) ? 'updated' : null;
  return since !== null && Date.parse(story.publishedAt) > since ? 'new' : null;
}

/** A function giving each story its mark, for this visit and this history. */
export function useStoryMarks(): (story: Versioned) => StoryMarkKind | null {
  const since = useVisitSince();
  const { items } = useHistory();
  const opened = openedBySlug(items);
  return (story) => storyMark(story, since, opened);
}

const MARK_TEXT: Record<StoryMarkKind, string> = { new: 'New', updated: 'Updated since you read it' };

/** The "New" or "Updated since you read it" label of a story card; nothing otherwise. */
export function StoryMark({ story }: { story: Versioned }) {
  const mark = useStoryMarks()(story);
  if (!mark) return null;
  return (
    <span
      className={`mr-2 inline-block rounded px-1.5 py-px text-xs font-bold ${
        mark === 'new'
          ? 'bg-accent-600 text-white dark:bg-red-300 dark:text-slate-900'
          : 'bg-amber-200 text-slate-900 dark:bg-amber-300'
      }`}
    >
      {MARK_TEXT[mark]}
    </span>
  );
}

/** "09:40 IST" today, "11-02-2026 09:40 IST" before. */
export function formatSince(since: number, now = Date.now()): string {
  const full = formatHouseTime(new Date(since).toISOString());
  return houseIsoDate(new Date(since)) === houseIsoDate(new Date(now)) ? full.slice(11) : full;
}

/** "7 new since 09:40 IST" above a list, when stories were published since the last visit. */
export function NewSinceNotice({
  stories,
  className = 'mb-4',
}: {
  stories: readonly Versioned[];
  /** Where it sits; it comes after hydration, so a place that moves nothing is best. */
  className?: string;
}) {
  const since = useVisitSince();
  const marks = useStoryMarks();
  if (since === null) return null;
  const count = stories.filter((story) => marks(story) === 'new').length;
  if (count === 0) return null;
  return (
    <p className={`text-sm font-semibold text-accent-600 dark:text-red-300 ${className}`}>
      {count} new since <time dateTime={new Date(since).toISOString()}>{formatSince(since)}</time>
    </p>
  );
}

/**
 * Records that the reader opened this version of a story, and returns what they had read
 * before when the story has changed since (for "Updated since you read it" on the article).
 */
export function useRecordOpened(story: Versioned | undefined): OpenedStory | null {
  const { status, items } = useHistory();
  const [before, setBefore] = useState<{ slug: string; read: OpenedStory | null } | null>(null);
  const slug = story?.slug;
  const updatedAt = story?.updatedAt;
  const headline = story?.headline;
  const ready = status === 'ready';
  // What was read before is taken once per story, before this visit's record replaces it.
  if (slug !== undefined && ready && before?.slug !== slug) {
    setBefore({ slug, read: openedBySlug(items).get(slug) ?? null });
  }
  useEffect(() => {
    if (slug === undefined || updatedAt === undefined || headline === undefined || !ready) return;
    void getHistoryStore().put({ slug, headline, updatedAt, openedAt: Date.now() });
  }, [slug, updatedAt, headline, ready]);
  if (!story || before?.slug !== story.slug || !before.read) return null;
  return Date.parse(story.updatedAt) > Date.parse(before.read.updatedAt) ? before.read : null;
}
