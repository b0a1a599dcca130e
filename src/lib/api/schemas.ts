/**
 * Zod schemas for the shared types of the content API contract (docs/api.md).
 * Resource modules (story, feed, taxonomy, forms) build on these.
 *
 * Tolerance rules, from the contract: fields marked `|null` may be null or absent
 * (both become null); a list item or body block that fails validation is dropped
 * and reported once, the rest renders; a required field missing fails the whole
 * response.
 */
import { z } from 'zod/mini';

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
});
export type StoryCard = z.infer<typeof storyCardSchema>;

export const paragraphBlockSchema = z.object({ type: z.literal('paragraph'), text: z.string() });
export const headingBlockSchema = z.object({ type: z.literal('heading'), text: z.string() });
export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  text: z.string(),
  attribution: nullable(z.string()),
});
export const imageBlockSchema = z.extend(imageSchema, {
  type: z.literal('image'),
  caption: nullable(z.string()),
});
export const htmlBlockSchema = z.object({ type: z.literal('html'), html: z.string() });
export const videoBlockSchema = z.object({
  type: z.literal('video'),
  src: z.string().check(z.minLength(1)),
  poster: nullable(z.string().check(z.minLength(1))),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  duration: z.int().check(z.nonnegative()),
  /** A WebVTT file of captions. */
  subtitles: nullable(z.string().check(z.minLength(1))),
  caption: nullable(z.string()),
});

export type VideoBlock = z.infer<typeof videoBlockSchema>;

export const blockSchema = z.discriminatedUnion('type', [
  paragraphBlockSchema,
  headingBlockSchema,
  quoteBlockSchema,
  imageBlockSchema,
  htmlBlockSchema,
  videoBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
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

/** Body blocks: unknown types are skipped silently (the contract allows them), broken known ones reported. */
export const bodySchema = z.pipe(
  z.array(z.unknown()),
  z.transform((values: unknown[]) => {
    const blocks: Block[] = [];
    values.forEach((value, index) => {
      const type = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined;
      if (typeof type !== 'string' || !knownBlockTypes.includes(type)) return;
      const result = blockSchema.safeParse(value);
      if (result.success) blocks.push(result.data);
      else reportDropped(`${type} block at index ${index}`, result.error.issues[0]?.message ?? 'invalid');
    });
    return blocks;
  }),
);

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
