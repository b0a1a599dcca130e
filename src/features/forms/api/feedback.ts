import { z } from 'zod';
import { apiRequest } from '../../../lib/api/client';

export const feedbackRequestSchema = z.object({
  message: z.string().trim().min(10, 'Please write at least 10 characters').max(2000),
  email: z.email().nullable(),
  page: z.string().nullable(),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

// The contract says 202 with any body; only the status matters.
const acceptedSchema = z.unknown();

export function sendFeedback(request: FeedbackRequest): Promise<unknown> {
  return apiRequest('/feedback', acceptedSchema, { method: 'POST', body: request });
}
