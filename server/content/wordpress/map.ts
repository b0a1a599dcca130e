/**
 * WordPress REST objects → contract objects. The site's categories (and, when
 * editions are tags, its edition tags) are read once into a `Site`, which knows
 * which category is a sector, an edition or a kind.
 */
import { z } from 'zod/mini';
import type { Image, StoryCard, StoryKind, Term } from '../../../src/lib/api/schemas.ts';
import { stripShortcodes } from './blocks.ts';
import { plainText, safeUrl } from './html.ts';
import type { WordPressOptions } from './options.ts';

const rendered = z.object({ rendered: z.string(), protected: z.optional(z.boolean()) });

const mediaSizeSchema = z.object({
  source_url: z.string(),
  width: z.number(),
  height: z.number(),
});

export const mediaSchema = z.object({
  id: z.number(),
  alt_text: z.optional(z.string()),
  source_url: z.optional(z.string()),
  media_details: z.optional(
    z.object({
      width: z.optional(z.number()),
      height: z.optional(z.number()),
      sizes: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
});
export type WpMedia = z.infer<typeof mediaSchema>;

const embeddedTermSchema = z.object({ id: z.number(), name: z.string(), slug: z.string(), taxonomy: z.string() });

/** The fields of a post this source reads; anything else WordPress sends is ignored. */
export const postSchema = z.object({
  id: z.number(),
  slug: z.string().check(z.minLength(1)),
  title: rendered,
  excerpt: z.optional(rendered),
  content: z.optional(rendered),
  date_gmt: z.string(),
  modified_gmt: z.nullish(z.string()),
  categories: z.optional(z.array(z.number())),
  tags: z.optional(z.array(z.number())),
  format: z.optional(z.string()),
  _embedded: z.optional(
    z.object({
      author: z.optional(z.array(z.unknown())),
      'wp:featuredmedia': z.optional(z.array(z.unknown())),
      'wp:term': z.optional(z.array(z.array(z.unknown()))),
    }),
  ),
});
export type WpPost = z.infer<typeof postSchema>;

export const categorySchema = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string(),
  parent: z.optional(z.number()),
  count: z.optional(z.number()),
});
export type WpCategory = z.infer<typeof categorySchema>;

export const tagSchema = z.object({ id: z.number(), name: z.string(), slug: z.string() });
export type WpTag = z.infer<typeof tagSchema>;

/** Keeps the items that parse; a broken one is dropped, never the list. */
export function parseList<T extends z.ZodMiniType>(schema: T, data: unknown): z.infer<T>[] {
  if (!Array.isArray(data)) return [];
  const kept: z.infer<T>[] = [];
  for (const item of data) {
    const result = schema.safeParse(item);
    if (result.success) kept.push(result.data);
  }
  return kept;
}

/** Slugs of non-Latin titles arrive percent-encoded; the reader's URLs show them as text. */
export function readableSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function term(name: string, slug: string): Term | null {
  const text = plainText(name);
  const readable = readableSlug(slug);
  return text && readable ? { slug: readable, name: text } : null;
}

export interface Site {
  sectors: Term[];
  editions: Term[];
  categoryById: ReadonlyMap<number, WpCategory>;
  /** Category id → the sector it is (sectors are the categories that are nothing else). */
  sectorById: ReadonlyMap<number, Term>;
  /** Sector slug → its category id and its descendants' (a parent's feed includes its children). */
  sectorIds: ReadonlyMap<string, number[]>;
  /** Category or tag id → edition (which of the two depends on the options). */
  editionById: ReadonlyMap<number, Term>;
  editionIds: ReadonlyMap<string, number>;
  editionsAreTags: boolean;
  kindIds: { opinion: number | null; blog: number | null; interview: number | null; devshots: number | null };
  trendingId: number | null;
  /** The category whose posts are breaking news (slug `breaking`), for the home page's ticker. */
  breakingId: number | null;
  defaultEdition: Term;
  /** Tag ids that name an edition, not a topic. */
  editionTagIds: ReadonlySet<number>;
}

/** A category and everything under it, breadth first. */
function descendants(children: ReadonlyMap<number, WpCategory[]>, id: number): number[] {
  const out = [id];
  for (let index = 0; index < out.length; index++) {
    for (const child of children.get(out[index] ?? -1) ?? []) if (!out.includes(child.id)) out.push(child.id);
  }
  return out;
}

export function buildSite(categories: WpCategory[], tags: WpTag[], options: WordPressOptions): Site {
  const bySlug = new Map(categories.map((category) => [readableSlug(category.slug), category]));
  const idOf = (slug: string | null) => (slug ? (bySlug.get(slug)?.id ?? null) : null);
  const kindIds = {
    opinion: idOf(options.opinionCategory),
    blog: idOf(options.blogCategory),
    interview: idOf(options.interviewCategory),
    devshots: idOf(options.devshotsCategory),
  };
  const trendingId = idOf(options.trendingCategory);
  const breakingId = idOf('breaking');
  const editionParent = idOf(options.editionParent);
  const ids = new Set(categories.map((category) => category.id));
  // Parent id → children; a category whose parent is not in the list counts as top level.
  const children = new Map<number, WpCategory[]>();
  for (const category of categories) {
    const parent = category.parent && ids.has(category.parent) ? category.parent : 0;
    const siblings = children.get(parent);
    if (siblings) siblings.push(category);
    else children.set(parent, [category]);
  }
  const editionTree = new Set(editionParent === null ? [] : descendants(children, editionParent));

  const editionById = new Map<number, Term>();
  const editionIds = new Map<string, number>();
  const editionTagIds = new Set<number>();
  const defaultEdition = options.defaultEdition;
  const editions: Term[] = [defaultEdition];
  const addEdition = (id: number, edition: Term | null) => {
    if (!edition || edition.slug === defaultEdition.slug || editionIds.has(edition.slug)) return;
    editionById.set(id, edition);
    editionIds.set(edition.slug, id);
    editions.push(edition);
  };
  if (options.editionTagPrefix) {
    const prefix = options.editionTagPrefix;
    for (const tag of tags) {
      const slug = readableSlug(tag.slug);
      if (!slug.startsWith(prefix) || slug.length === prefix.length) continue;
      editionTagIds.add(tag.id);
      addEdition(tag.id, term(tag.name, slug.slice(prefix.length)));
    }
  } else if (editionParent !== null) {
    for (const category of categories) {
      if (category.id !== editionParent && editionTree.has(category.id)) {
        addEdition(category.id, term(category.name, category.slug));
      }
    }
  }

  const special = new Set(
    [...Object.values(kindIds), trendingId, breakingId, ...editionTree].filter((id): id is number => id !== null),
  );
  // The default category says nothing about a story; WordPress names it "uncategorized".
  const isSector = (category: WpCategory) => !special.has(category.id) && category.slug !== 'uncategorized';
  const sectors: Term[] = [];
  const sectorById = new Map<number, Term>();
  const sectorIds = new Map<string, number[]>();
  const hasPosts = (category: WpCategory): boolean =>
    category.count === undefined || category.count > 0 || (children.get(category.id) ?? []).some(hasPosts);
  // Depth first: a child sector follows its parent in the list.
  const walk = (parent: number) => {
    for (const category of children.get(parent) ?? []) {
      if (isSector(category)) {
        const sector = term(category.name, category.slug);
        if (sector && !sectorIds.has(sector.slug)) {
          sectorById.set(category.id, sector);
          sectorIds.set(
            sector.slug,
            descendants(children, category.id).filter((id) => !special.has(id)),
          );
          if (hasPosts(category)) sectors.push(sector);
        }
      }
      walk(category.id);
    }
  };
  walk(0);

  return {
    sectors,
    editions,
    categoryById: new Map(categories.map((category) => [category.id, category])),
    sectorById,
    sectorIds,
    editionById,
    editionIds,
    editionsAreTags: Boolean(options.editionTagPrefix),
    kindIds,
    trendingId,
    breakingId,
    defaultEdition,
    editionTagIds,
  };
}

function kindOf(post: WpPost, site: Site): StoryKind {
  const categories = post.categories ?? [];
  const has = (id: number | null) => id !== null && categories.includes(id);
  if (has(site.kindIds.interview)) return 'interview';
  if (has(site.kindIds.opinion)) return 'opinion';
  if (has(site.kindIds.blog)) return 'blog';
  if (site.kindIds.devshots !== null ? has(site.kindIds.devshots) : post.format === 'video') return 'devshot';
  return 'news';
}

/** WordPress's `*_gmt` times have no offset; they are UTC. */
export function utc(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(value)) return null;
  return `${value}Z`;
}

/** An excerpt without its "[…]" or "Continue reading" tail. */
function summaryOf(post: WpPost): string {
  const text = plainText(stripShortcodes(post.excerpt?.rendered ?? ''));
  return text
    .replace(/\s*(?:\[…\]|\[\.\.\.\]|…\s*Continue reading.*|Continue reading.*)$/u, (tail) =>
      tail.trim().startsWith('[') ? '…' : '',
    )
    .trim();
}

// For cards: wide enough for a card at 2x on a phone, far smaller than the original upload.
const CARD_SIZES = ['medium_large', 'large', 'medium', '1536x1536'];

export function imageOf(media: unknown, base: string): Image | null {
  const parsed = mediaSchema.safeParse(media);
  if (!parsed.success) return null;
  const details = parsed.data.media_details;
  const alt = plainText(parsed.data.alt_text ?? '');
  for (const name of CARD_SIZES) {
    const size = mediaSizeSchema.safeParse(details?.sizes?.[name]);
    if (!size.success) continue;
    const src = safeUrl(size.data.source_url, base);
    if (src && size.data.width > 0 && size.data.height > 0) {
      return { src, alt, width: Math.round(size.data.width), height: Math.round(size.data.height) };
    }
  }
  const src = safeUrl(parsed.data.source_url, base);
  const width = details?.width;
  const height = details?.height;
  if (!src || !width || !height || width <= 0 || height <= 0) return null;
  return { src, alt, width: Math.round(width), height: Math.round(height) };
}

function authorName(post: WpPost): string | null {
  const author = post._embedded?.author?.[0];
  if (typeof author !== 'object' || author === null || !('name' in author) || typeof author.name !== 'string') {
    return null;
  }
  return plainText(author.name) || null;
}

export const NO_TITLE = '(no title)';

/** A post → a StoryCard, or null when it lacks what a card needs (the list drops it). */
export function cardOf(post: WpPost, site: Site, base: string): StoryCard | null {
  // WordPress itself lists an untitled post as "(no title)"; it is still a story to read.
  const headline = plainText(post.title.rendered) || NO_TITLE;
  const publishedAt = utc(post.date_gmt);
  // A password-protected post is listed by WordPress with its text withheld: nothing to read.
  if (!publishedAt || post.excerpt?.protected || post.content?.protected) return null;
  const categories = post.categories ?? [];
  const editionKeys = site.editionsAreTags ? (post.tags ?? []) : categories;
  const edition = editionKeys.map((id) => site.editionById.get(id)).find((found) => found) ?? site.defaultEdition;
  const sector = categories.map((id) => site.sectorById.get(id)).find((found) => found) ?? null;
  return {
    slug: readableSlug(post.slug),
    headline,
    summary: summaryOf(post),
    kind: kindOf(post, site),
    source: null,
    byline: authorName(post),
    edition,
    sector,
    publishedAt,
    updatedAt: utc(post.modified_gmt) ?? publishedAt,
    image: imageOf(post._embedded?.['wp:featuredmedia']?.[0], base),
    breaking: site.breakingId !== null && categories.includes(site.breakingId),
    // WordPress records no length for a video; the card then shows none.
    videoDuration: null,
  };
}

/** Tag names of a post (from `_embed=wp:term`), without the tags that name an edition. */
export function tagsOf(post: WpPost, site: Site): string[] {
  const names: string[] = [];
  for (const group of post._embedded?.['wp:term'] ?? []) {
    for (const item of group) {
      const parsed = embeddedTermSchema.safeParse(item);
      if (!parsed.success || parsed.data.taxonomy !== 'post_tag' || site.editionTagIds.has(parsed.data.id)) continue;
      const name = plainText(parsed.data.name);
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
