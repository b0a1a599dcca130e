/**
 * Wire services send each version of a story as a new item ("UPDATE 2-…", "REFILE-…"), and a
 * syndicated site lists them side by side. These helpers tell versions of one story apart from
 * different stories, so lists show each story once: its newest version, with how often it changed.
 */

interface Groupable {
  slug: string;
  headline: string;
  source: string | null;
  publishedAt: string;
  storyGroup?: string | null;
  /** Versions already merged into this one (a list merged before). */
  versionCount?: number;
  versionSlugs?: readonly string[];
}

/** Wire prefixes that mark another version of the same story, not another story. */
const WIRE_PREFIX = /^\s*(?:UPDATE\s*\d*|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|UPDATED)\s*[-–—:]\s*/i;

/** The headline without its wire prefixes: "UPDATE 3-REFILE-Shares rise" → "Shares rise". */
export function withoutWirePrefix(headline: string): string {
  let rest = headline;
  for (let match = WIRE_PREFIX.exec(rest); match; match = WIRE_PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return rest.trim();
}

/**
 * The key versions of one story share: the API's `storyGroup` when it sends one, otherwise the
 * source and the headline without its prefix. A story without a source is its own group:
 * two staff stories with one headline are not versions of each other.
 */
export function wireGroup(story: Groupable): string {
  if (story.storyGroup) return `group:${story.storyGroup}`;
  if (!story.source) return `slug:${story.slug}`;
  const headline = withoutWirePrefix(story.headline)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `wire:${story.source.toLowerCase()}:${headline}`;
}

/** A story in a list, with how many versions of it the list held (1: no other) and their slugs. */
export type Versioned<T> = T & { versionCount: number; versionSlugs: string[] };

/**
 * Each story once, in the list's order of its first appearance (rank order stays rank order),
 * shown as its newest version, with the number of versions merged into it.
 */
export function mergeVersions<T extends Groupable>(stories: readonly T[]): Versioned<T>[] {
  const groups = new Map<string, T[]>();
  for (const story of stories) {
    const key = wireGroup(story);
    const group = groups.get(key);
    if (group) group.push(story);
    else groups.set(key, [story]);
  }
  return [...groups.values()].map((versions) => {
    const newest = versions.reduce((a, b) => (Date.parse(b.publishedAt) > Date.parse(a.publishedAt) ? b : a));
    const distinct = new Map(versions.map((version) => [version.slug, version.versionCount ?? 1]));
    const slugs = new Set(versions.flatMap((version) => version.versionSlugs ?? [version.slug]));
    return {
      ...newest,
      versionCount: [...distinct.values()].reduce((sum, count) => sum + count, 0),
      versionSlugs: [...slugs],
    };
  });
}
