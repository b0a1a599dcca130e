import { queryOptions } from '@tanstack/react-query';
import { z } from '../../../lib/zod';
import { apiRequest } from '../../../lib/api/client';
import { lenientArray, termSchema } from '../../../lib/api/schemas';

export const taxonomySchema = z.object({
  sectors: lenientArray(termSchema, 'sector'),
  editions: lenientArray(termSchema, 'edition'),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

export function fetchTaxonomy(signal?: AbortSignal): Promise<Taxonomy> {
  return apiRequest('/taxonomy', taxonomySchema, { signal });
}

/** Sectors and editions change with a redesign, not with the news: a day fresh. */
export const taxonomyQuery = () =>
  queryOptions({
    queryKey: ['taxonomy'] as const,
    queryFn: ({ signal }) => fetchTaxonomy(signal),
    staleTime: 24 * 60 * 60_000,
    gcTime: 7 * 24 * 60 * 60_000,
  });
