import * as z from '../../../lib/zodConfig';
import { apiRequest } from '../../../lib/api/client';

export const feedbackRequestSchema = z.object({
  message: z.string().check(z.trim(), z.minLength(10, 'Please write at least 10 characters'), z.maxLength(2000)),
  email: z.nullable(z.email()),
  page: z.nullable(z.string()),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

// The contract says 202 with any body; only the status matters.
const acceptedSchema = z.unknown();

export function sendFeedback(request: FeedbackRequest): Promise<unknown> {
  return apiRequest('/feedback', acceptedSchema, { method: 'POST', body: request });
}
