import * as z from '../../../lib/zodConfig';
import { apiRequest } from '../../../lib/api/client';

export const newsletterRequestSchema = z.object({ email: z.email() });
export type NewsletterRequest = z.infer<typeof newsletterRequestSchema>;

// The contract answers 202 { ok: true }; only the status matters to the reader.
const acceptedSchema = z.unknown();

export function subscribeToNewsletter(request: NewsletterRequest): Promise<unknown> {
  return apiRequest('/newsletter', acceptedSchema, { method: 'POST', body: request });
}
