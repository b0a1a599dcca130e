import { queryOptions } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { apiRequest } from '../../../lib/api/client';
import { bodySchema, lenientArray, storyCardSchema } from '../../../lib/api/schemas';

export const storySchema = z.extend(storyCardSchema, {
  body: bodySchema,
  syndicated: z.boolean(),
  tags: z.array(z.string()),
  related: lenientArray(storyCardSchema, 'related story'),
  /** The other versions of this wire story, newest first; absent or null: none known. */
  versions: z.pipe(
    z.nullish(lenientArray(storyCardSchema, 'version')),
    z.transform((value: z.infer<typeof storyCardSchema>[] | null | undefined) => value ?? []),
  ),
});
export type Story = z.infer<typeof storySchema>;

export function fetchStory(slug: string, signal?: AbortSignal): Promise<Story> {
  return apiRequest(`/stories/${encodeURIComponent(slug)}`, storySchema, { signal });
}

export const storyKeys = {
  all: ['story'] as const,
  detail: (slug: string) => ['story', slug] as const,
};

/**
 * A published story rarely changes, and when it does the wire sends an update
 * minutes later: five minutes fresh avoids refetching on every back-and-forth.
 * Kept for a day so the persisted cache can show opened stories offline.
 */
export const storyQuery = (slug: string) =>
  queryOptions({
    queryKey: storyKeys.detail(slug),
    queryFn: ({ signal }) => fetchStory(slug, signal),
    staleTime: 5 * 60_000,
    gcTime: 24 * 60 * 60_000,
  });
