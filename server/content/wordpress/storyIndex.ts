/**
 * Every published post as the sitemaps need it (slug, times, title), read a hundred at a
 * time with only those fields: 1,000 requests for 100,000 posts instead of one per post.
 * Later reads ask only for posts modified since the newest one seen (`modified_after`),
 * with a whole re-read now and then so deleted and unpublished posts drop out.
 */
import type { StoryIndexEntry } from '../../syndication/content.ts';
import { plainText } from './html.ts';
import { readableSlug, utc } from './map.ts';
import { resolveOptions, type WordPressOptionsInput } from './options.ts';
import { createUpstream, type Query, type Upstream } from './upstream.ts';

const FIELDS = 'slug,date_gmt,modified_gmt,title.rendered,excerpt.protected';
const PER_PAGE = 100;
/** 500,000 posts at most: past it the sitemaps stop, not the server. */
const MAX_PAGES = 5000;
const PARALLEL = 4;

export interface StoryIndexOptions {
  /** How often the whole list is read again rather than only what changed. */
  fullEveryMs?: number;
}

interface Post {
  slug?: unknown;
  date_gmt?: unknown;
  modified_gmt?: unknown;
  title?: { rendered?: unknown };
  excerpt?: { protected?: unknown };
}

function entryOf(value: unknown): StoryIndexEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const post = value as Post;
  const publishedAt = utc(typeof post.date_gmt === 'string' ? post.date_gmt : null);
  const headline = plainText(typeof post.title?.rendered === 'string' ? post.title.rendered : '');
  if (typeof post.slug !== 'string' || !post.slug || !publishedAt || !headline || post.excerpt?.protected === true) {
    return null;
  }
  const updatedAt = utc(typeof post.modified_gmt === 'string' ? post.modified_gmt : null) ?? publishedAt;
  return { slug: readableSlug(post.slug), publishedAt, updatedAt, headline };
}

/** Every page of a post query, the first alone (it says how many there are), the rest a few at a time. */
async function readPages(upstream: Upstream, query: Query): Promise<StoryIndexEntry[]> {
  const base = { ...query, _fields: FIELDS, per_page: PER_PAGE, status: 'publish' };
  const first = await upstream.get('/wp/v2/posts', { ...base, page: 1 });
  const pages = Math.min(first.totalPages, MAX_PAGES);
  const answers = [first];
  for (let page = 2; page <= pages; page += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, pages - page + 1) }, (_, index) =>
      upstream.get('/wp/v2/posts', { ...base, page: page + index }),
    );
    answers.push(...(await Promise.all(batch)));
  }
  return answers
    .flatMap((answer) => (Array.isArray(answer.data) ? answer.data : []))
    .map(entryOf)
    .filter((entry) => entry !== null);
}

export function createWordPressStoryIndex(
  input: WordPressOptionsInput,
  { fullEveryMs = 6 * 3600_000 }: StoryIndexOptions = {},
): () => Promise<StoryIndexEntry[]> {
  const options = resolveOptions(input);
  const upstream = createUpstream(options);
  let known: { bySlug: Map<string, StoryIndexEntry>; fullAt: number; newest: string } | null = null;

  return async function listAll(): Promise<StoryIndexEntry[]> {
    const now = options.now();
    if (!known || now - known.fullAt >= fullEveryMs) {
      const entries = await readPages(upstream, { orderby: 'date', order: 'desc' });
      known = { bySlug: new Map(entries.map((entry) => [entry.slug, entry])), fullAt: now, newest: newest(entries) };
    } else {
      // `modified_after` compares with the site's local time unless given an offset; ours is UTC.
      const changed = await readPages(upstream, {
        orderby: 'modified',
        order: 'desc',
        modified_after: known.newest.replace(/Z$/, '+00:00'),
      });
      for (const entry of changed) known.bySlug.set(entry.slug, entry);
      if (changed.length > 0) known.newest = newest([...known.bySlug.values()]);
    }
    return [...known.bySlug.values()].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  };
}

function newest(entries: StoryIndexEntry[]): string {
  let found = '1970-01-01T00:00:00Z';
  for (const entry of entries) if (Date.parse(entry.updatedAt) > Date.parse(found)) found = entry.updatedAt;
  return found;
}
