import type { StoryCard } from '../../lib/api/schemas';

export function storyPath(slug: string): string {
  return `/article/${encodeURIComponent(slug)}`;
}

/** Fixed thumbnail box for standard cards; the card skeleton uses the same one. */
export const THUMBNAIL_CLASS = 'h-20 w-28 shrink-0 sm:h-24 sm:w-36';

/** Pages of a feed flattened; a story that moved between pages is shown once. */
export function uniqueStories(pages: { items: StoryCard[] }[]): StoryCard[] {
  const seen = new Set<string>();
  const stories: StoryCard[] = [];
  for (const page of pages) {
    for (const story of page.items) {
      if (seen.has(story.slug)) continue;
      seen.add(story.slug);
      stories.push(story);
    }
  }
  return stories;
}

/** "renewable-energy" -> "Renewable Energy": a heading before the real name is known. */
export function titleCaseSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
