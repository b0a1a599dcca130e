import type { StoryCard } from '../../lib/api/schemas';
import { mergeVersions, type Versioned } from '../../lib/api/wireVersions';

export function storyPath(slug: string): string {
  return `/article/${encodeURIComponent(slug)}`;
}

/** Fixed thumbnail box for standard cards; the card skeleton uses the same one. */
export const THUMBNAIL_CLASS = 'h-20 w-28 shrink-0 sm:h-24 sm:w-36';

/**
 * Pages of a feed flattened; a story that moved between pages is shown once, and versions of
 * one wire story on different pages are merged as within a page.
 */
export function uniqueStories<T extends StoryCard>(pages: { items: T[] }[]): Versioned<T>[] {
  return mergeVersions(pages.flatMap((page) => page.items));
}

/** "renewable-energy" -> "Renewable Energy": a heading before the real name is known. */
export function titleCaseSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
