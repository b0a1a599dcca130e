/**
 * Zod schemas for the shared types of the content API contract (docs/api.md).
 * Resource modules (story, feed, taxonomy, forms) build on these.
 *
 * Tolerance rules, from the contract: fields marked `|null` may be null or absent
 * (both become null); a list item or body block that fails validation is dropped
 * and reported once, the rest renders; a required field missing fails the whole
 * response.
 */
import { z } from '../zod';
import { plainText, richTextSchema, type RichText } from './richText';

/** `T | null`, where absent also means null. */
function nullable<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.nullish(schema),
    z.transform((value: z.output<T> | null | undefined) => value ?? null),
  );
}

export const termSchema = z.object({
  slug: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});
export type Term = z.infer<typeof termSchema>;

export const imageSchema = z.object({
  src: z.string().check(z.minLength(1)),
  alt: z.string(),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
});
export type Image = z.infer<typeof imageSchema>;

export const storyKinds = ['news', 'opinion', 'blog', 'interview', 'devshot'] as const;
export type StoryKind = (typeof storyKinds)[number];

const isoDateTime = z.iso.datetime({ offset: true });

export const storyCardSchema = z.object({
  slug: z.string().check(z.minLength(1)),
  headline: z.string().check(z.minLength(1)),
  summary: z.string(),
  kind: z.enum(storyKinds),
  source: nullable(z.string()),
  byline: nullable(z.string()),
  edition: termSchema,
  sector: nullable(termSchema),
  publishedAt: isoDateTime,
  updatedAt: isoDateTime,
  image: nullable(imageSchema),
  /** Absent means false: most stories are not breaking, and older APIs never send it. */
  breaking: z.pipe(
    z.optional(z.boolean()),
    z.transform((value: boolean | undefined) => value ?? false),
  ),
  /** Seconds of video, for stories that are a clip (DevShots); null otherwise. */
  videoDuration: nullable(z.int().check(z.nonnegative())),
  /** The same for every version of one wire story, from an API that knows; null: the reader guesses. */
  // Optional in the type as well: sources that never know it (WordPress) need not say so.
  storyGroup: z.optional(z.nullable(z.string().check(z.minLength(1)))),
});
export type StoryCard = z.infer<typeof storyCardSchema>;

const richOrNull = () => nullable(richTextSchema);
const url = () => z.string().check(z.minLength(1));
const size = () => nullable(z.int().check(z.positive()));

export const paragraphBlockSchema = z.object({ type: z.literal('paragraph'), text: richTextSchema });
export const headingBlockSchema = z.object({
  type: z.literal('heading'),
  text: richTextSchema,
  /** 2–6 as the author nested them; absent means 2 (the story's headline is the page's only h1). */
  level: z.pipe(
    z.optional(z.nullable(z.int().check(z.gte(2), z.lte(6)))),
    z.transform((value: number | null | undefined) => value ?? 2),
  ),
});
export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  /** Paragraphs of a quote are separated by a blank line ("\n\n"). */
  text: richTextSchema,
  attribution: richOrNull(),
  /** A pull quote: set off in larger type, repeating words of the story. */
  pull: z.pipe(
    z.optional(z.boolean()),
    z.transform((value: boolean | undefined) => value ?? false),
  ),
});
/** A picture in a body; its size is known for most, and reserves its box when it is. */
const bodyImageFields = {
  src: url(),
  alt: z.string(),
  width: size(),
  height: size(),
  caption: richOrNull(),
  /** Where the picture links (the full-size file, a page): null when it links nowhere. */
  href: nullable(z.string()),
};
export const imageBlockSchema = z.object({ type: z.literal('image'), ...bodyImageFields });
export const galleryBlockSchema = z.object({
  type: z.literal('gallery'),
  images: z.array(z.object(bodyImageFields)),
  caption: richOrNull(),
});
export const htmlBlockSchema = z.object({ type: z.literal('html'), html: z.string() });
export const videoBlockSchema = z.object({
  type: z.literal('video'),
  src: url(),
  poster: nullable(url()),
  width: size(),
  height: size(),
  duration: nullable(z.int().check(z.nonnegative())),
  /** A WebVTT file of captions. */
  subtitles: nullable(url()),
  caption: richOrNull(),
});
export const audioBlockSchema = z.object({
  type: z.literal('audio'),
  src: url(),
  duration: nullable(z.int().check(z.nonnegative())),
  /** A WebVTT transcript, offered as captions. */
  subtitles: nullable(url()),
  caption: richOrNull(),
});
export const embedBlockSchema = z.object({
  type: z.literal('embed'),
  url: url(),
  /** Who hosts it: "YouTube", "X", "Instagram"; null for any other site. */
  provider: nullable(z.string()),
  title: nullable(z.string()),
  caption: richOrNull(),
});
export const separatorBlockSchema = z.object({ type: z.literal('separator') });
export interface ListItem {
  text: RichText;
  list: ListData | null;
}
export interface ListData {
  ordered: boolean;
  start: number | null;
  items: ListItem[];
}
const listItemSchema: z.ZodMiniType<ListItem> = z.object({
  text: richTextSchema,
  get list() {
    return nullable(listDataSchema);
  },
});
const listDataSchema = z.object({
  ordered: z.boolean(),
  start: nullable(z.int()),
  items: z.array(listItemSchema),
});
export const listBlockSchema = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  start: nullable(z.int()),
  items: z.array(listItemSchema),
});
const tableCellSchema = z.object({
  text: richTextSchema,
  header: z.boolean(),
  colSpan: nullable(z.int().check(z.positive(), z.lte(1000))),
  rowSpan: nullable(z.int().check(z.positive(), z.lte(1000))),
});
export type TableCell = z.infer<typeof tableCellSchema>;
export const tableBlockSchema = z.object({
  type: z.literal('table'),
  caption: richOrNull(),
  head: z.array(z.array(tableCellSchema)),
  body: z.array(z.array(tableCellSchema)),
  foot: z.array(z.array(tableCellSchema)),
});
export const codeBlockSchema = z.object({
  type: z.literal('code'),
  /** Shown as written, white space and all. */
  text: z.string(),
  language: nullable(z.string()),
});
export const preformattedBlockSchema = z.object({
  type: z.literal('preformatted'),
  /** Verse and preformatted text: line breaks and spaces kept. */
  text: richTextSchema,
});
export const detailsBlockSchema = z.object({
  type: z.literal('details'),
  summary: richTextSchema,
  /** The paragraphs shown when it is opened. */
  paragraphs: z.array(richTextSchema),
});
export const footnotesBlockSchema = z.object({
  type: z.literal('footnotes'),
  /** `id` is the target of the body's `#id` links. */
  items: z.array(z.object({ id: z.string(), text: richTextSchema })),
});

export type VideoBlock = z.infer<typeof videoBlockSchema>;
export type ImageBlock = z.infer<typeof imageBlockSchema>;
export type AudioBlock = z.infer<typeof audioBlockSchema>;
export type EmbedBlock = z.infer<typeof embedBlockSchema>;
export type TableBlock = z.infer<typeof tableBlockSchema>;

export const blockSchema = z.discriminatedUnion('type', [
  paragraphBlockSchema,
  headingBlockSchema,
  quoteBlockSchema,
  imageBlockSchema,
  galleryBlockSchema,
  htmlBlockSchema,
  videoBlockSchema,
  audioBlockSchema,
  embedBlockSchema,
  separatorBlockSchema,
  listBlockSchema,
  tableBlockSchema,
  codeBlockSchema,
  preformattedBlockSchema,
  detailsBlockSchema,
  footnotesBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
/** A block as the API sends it (text may be a plain string). */
export type BlockInput = z.input<typeof blockSchema>;
export type BlockType = Block['type'];
export const knownBlockTypes: readonly string[] = blockSchema._zod.def.options.flatMap(
  (option) => option.shape.type._zod.def.values,
);

const reported = new Set<string>();

/** Logs a dropped item once per label, so a bad feed does not flood the console. */
export function reportDropped(label: string, detail: string): void {
  if (reported.has(label)) return;
  reported.add(label);
  console.warn(`[api] dropped ${label}: ${detail}`);
}

function describeItem(item: unknown, index: number): string {
  const slug =
    typeof item === 'object' && item !== null && 'slug' in item && typeof item.slug === 'string' ? item.slug : null;
  return slug ? `"${slug}" (index ${index})` : `index ${index}`;
}

/**
 * An array whose invalid items are dropped instead of failing the whole response.
 * `what` names the list in the console report, e.g. "feed item".
 */
export function lenientArray<T extends z.ZodMiniType>(item: T, what: string) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((values: unknown[]) => {
      const kept: z.infer<T>[] = [];
      values.forEach((value, index) => {
        const result = item.safeParse(value);
        if (result.success) kept.push(result.data);
        else reportDropped(`${what} ${describeItem(value, index)}`, result.error.issues[0]?.message ?? 'invalid');
      });
      return kept;
    }),
  );
}

/**
 * What a block the reader cannot render still says: its text, rich text or markup.
 * Unknown and broken blocks degrade to this, never to nothing.
 */
function fallbackBlock(value: unknown): Block | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  for (const field of ['text', 'caption', 'title', 'content', 'question', 'summary', 'label']) {
    const text = plainText(record[field]).trim();
    if (!text) continue;
    const parsed = richTextSchema.safeParse(record[field]);
    return { type: 'paragraph', text: parsed.success ? parsed.data : [text] };
  }
  if (typeof record.html === 'string' && record.html.trim()) return { type: 'html', html: record.html };
  return null;
}

/** Body blocks: unknown types keep their text; a broken known one is reported and keeps its text too. */
export const bodySchema = z.pipe(
  z.array(z.unknown()),
  z.transform((values: unknown[]) => {
    const blocks: Block[] = [];
    values.forEach((value, index) => {
      const type = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined;
      const result = typeof type === 'string' && knownBlockTypes.includes(type) ? blockSchema.safeParse(value) : null;
      if (result?.success) {
        blocks.push(result.data);
        return;
      }
      if (result)
        reportDropped(`${String(type)} block at index ${index}`, result.error.issues[0]?.message ?? 'invalid');
      const fallback = fallbackBlock(value);
      if (fallback) blocks.push(fallback);
    });
    return blocks;
  }),
);

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
