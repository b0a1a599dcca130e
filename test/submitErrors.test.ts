import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api/errors';
import { failureReason } from '../src/features/forms/submitErrors';

describe('failureReason', () => {
  it('says plainly when the site has no such form, and that the text is kept', () => {
    const error = new ApiError('http', 'No newsletter endpoint', { status: 501, code: 'not_available' });
    expect(failureReason(error)).toMatch(/does not take these.*still here/);
  });

  it('names the status for any other server failure', () => {
    expect(failureReason(new ApiError('http', 'down', { status: 503, code: 'boom' }))).toBe(
      'the server had a problem (503)',
    );
  });
});
