/**
 * What feeds, sitemaps and cards read: the content API contract (docs/api.md) asked of
 * the server's content source in-process, checked with the app's own schemas. Stories are
 * kept by slug and `updatedAt`, so a feed rebuilt a minute later asks only for what changed.
 */
import { storySchema, type Story } from '../../src/features/article/api/story';
import { feedPageSchema, type FeedName } from '../../src/features/feeds/api/feed';
import { taxonomySchema, type Taxonomy } from '../../src/features/site/api/taxonomy';
import type { StoryCard } from '../../src/lib/api/schemas';
import type { ContentSource } from '../content/types';

const ORIGIN = 'http://content.invalid';
/** The contract's largest page. */
const PAGE_LIMIT = 50;

export class NotFound extends Error {}

export interface FeedSelection {
  feed: FeedName;
  sector?: string;
  edition?: string;
}

export interface StoryIndexEntry {
  slug: string;
  publishedAt: string;
  updatedAt: string;
  headline: string;
}

export interface ContentReaderOptions {
  source: ContentSource;
  timeoutMs: number;
  /** How long the list of every story (for the sitemaps) is reused. */
  indexTtlMs: number;
  /** Pages of 50 read for the index at most (50,000 stories by default). */
  indexMaxPages?: number;
  now?: () => number;
  /** Lists every story at once, when a source can do better than paging the contract (WordPress). */
  listAll?: () => Promise<StoryIndexEntry[]>;
}

export function createContentReader(options: ContentReaderOptions) {
  const now = options.now ?? Date.now;
  const stories = new Map<string, { updatedAt: string; story: Promise<Story> }>();
  let index: { at: number; entries: Promise<StoryIndexEntry[]> } | null = null;

  async function get<T>(path: string, parse: (data: unknown) => T): Promise<T> {
    const response = await options.source(
      new Request(`${ORIGIN}${path}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      }),
    );
    if (response.status === 404) throw new NotFound(path);
    if (!response.ok) throw new Error(`content source answered ${response.status} for ${path}`);
    return parse(await response.json());
  }

  function feedPage(selection: FeedSelection, cursor: string | null, limit = PAGE_LIMIT) {
    const params = new URLSearchParams({ feed: selection.feed, limit: String(limit) });
    if (selection.sector) params.set('sector', selection.sector);
    if (selection.edition) params.set('edition', selection.edition);
    if (cursor) params.set('cursor', cursor);
    return get(`/stories?${params.toString()}`, (data) => feedPageSchema.parse(data));
  }

  /** A story, asked again only when its card says it changed (cards come first in every feed). */
  function story(card: Pick<StoryCard, 'slug' | 'updatedAt'>): Promise<Story> {
    const cached = stories.get(card.slug);
    if (cached && cached.updatedAt === card.updatedAt) return cached.story;
    const loading = get(`/stories/${encodeURIComponent(card.slug)}`, (data) => storySchema.parse(data));
    loading.catch(() => stories.delete(card.slug));
    stories.delete(card.slug);
    stories.set(card.slug, { updatedAt: card.updatedAt, story: loading });
    while (stories.size > 2000) stories.delete(stories.keys().next().value!);
    return loading;
  }

  async function pagedIndex(): Promise<StoryIndexEntry[]> {
    const bySlug = new Map<string, StoryIndexEntry>();
    const maxPages = options.indexMaxPages ?? 1000;
    // Every story is in exactly one of these (docs/api.md); trending only re-ranks them.
    for (const feed of ['latest', 'opinion', 'devshots'] as const) {
      let cursor: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const answer = await feedPage({ feed }, cursor);
        for (const item of answer.items) {
          if (!bySlug.has(item.slug)) bySlug.set(item.slug, pick(item));
        }
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
    }
    return [...bySlug.values()].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  }

  return {
    /** The newest `limit` stories of a feed, newest first (trending in rank order). */
    async cards(selection: FeedSelection, limit: number): Promise<StoryCard[]> {
      const cards: StoryCard[] = [];
      let cursor: string | null = null;
      do {
        const answer = await feedPage(selection, cursor, Math.min(PAGE_LIMIT, limit - cards.length));
        cards.push(...answer.items);
        cursor = answer.nextCursor;
      } while (cursor && cards.length < limit);
      return cards.slice(0, limit);
    },
    story,
    storyBySlug: (slug: string) => get(`/stories/${encodeURIComponent(slug)}`, (data) => storySchema.parse(data)),
    taxonomy: (): Promise<Taxonomy> => get('/taxonomy', (data) => taxonomySchema.parse(data)),
    /** Every story, newest first, reused for `indexTtlMs`; a failed read is not kept. */
    index(): Promise<StoryIndexEntry[]> {
      if (index && now() - index.at < options.indexTtlMs) return index.entries;
      const entries = (options.listAll ?? pagedIndex)();
      const entry = { at: now(), entries };
      entries.catch(() => {
        if (index === entry) index = null;
      });
      index = entry;
      return entries;
    },
    /** Stories published since `since` (ms), newest first, at most `limit`, read page by page until older. */
    async publishedSince(since: number, limit: number): Promise<StoryCard[]> {
      const found = new Map<string, StoryCard>();
      for (const feed of ['latest', 'opinion', 'devshots'] as const) {
        let cursor: string | null = null;
        do {
          const answer = await feedPage({ feed }, cursor);
          const fresh = answer.items.filter((item) => Date.parse(item.publishedAt) >= since);
          for (const item of fresh) found.set(item.slug, item);
          cursor = fresh.length === answer.items.length ? answer.nextCursor : null;
        } while (cursor && found.size < limit * 3);
      }
      return [...found.values()].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt)).slice(0, limit);
    },
  };
}

function pick(card: StoryCard): StoryIndexEntry {
  return { slug: card.slug, publishedAt: card.publishedAt, updatedAt: card.updatedAt, headline: card.headline };
}

export type ContentReader = ReturnType<typeof createContentReader>;
