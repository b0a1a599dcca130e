import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../src/app/queryClient';
import { ApiError } from '../src/lib/api/errors';

/** Runs one query whose every attempt fails with `error`; returns how many attempts were made. */
async function attemptsFor(error: Error): Promise<number> {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  let attempts = 0;
  await expect(
    queryClient.fetchQuery({
      queryKey: ['always-failing'],
      queryFn: () => {
        attempts += 1;
        throw error;
      },
      // fetchQuery does not retry unless asked; take the app's default policy.
      retry: queryClient.getDefaultOptions().queries?.retry,
    }),
  ).rejects.toBe(error);
  return attempts;
}

describe('the retry policy', () => {
  it('retries what may recover (5xx, network, timeout) twice, then gives up', async () => {
    expect(await attemptsFor(new ApiError('http', 'down', { status: 503 }))).toBe(3);
    expect(await attemptsFor(new ApiError('network', 'unreachable'))).toBe(3);
    expect(await attemptsFor(new ApiError('timeout', 'too slow'))).toBe(3);
  });

  it('never retries an answer that will not change: 4xx, malformed JSON, wrong shapes', async () => {
    expect(await attemptsFor(new ApiError('not_found', 'gone', { status: 404 }))).toBe(1);
    expect(await attemptsFor(new ApiError('bad_request', 'no', { status: 422 }))).toBe(1);
    expect(await attemptsFor(new ApiError('invalid_json', 'garbled', { status: 200 }))).toBe(1);
    expect(await attemptsFor(new ApiError('invalid_shape', 'odd', { status: 200 }))).toBe(1);
  });

  it('waits 0.5 s, then 1 s between attempts by default', () => {
    const retryDelay = createQueryClient().getDefaultOptions().queries?.retryDelay;
    expect(typeof retryDelay).toBe('function');
    const delay = retryDelay as (attempt: number, error: Error) => number;
    expect([0, 1].map((attempt) => delay(attempt, new Error('x')))).toEqual([500, 1000]);
  });

  it('asks again on mount after a failure that may pass, not after a final answer', async () => {
    const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
    const calls = { missing: 0, down: 0 };
    const failing = (key: 'missing' | 'down', error: ApiError) => ({
      queryKey: [key],
      queryFn: () => {
        calls[key] += 1;
        return Promise.reject(error);
      },
    });
    const missing = failing('missing', new ApiError('not_found', 'gone', { status: 404 }));
    const down = failing('down', new ApiError('http', 'down', { status: 503 }));
    // What a route prefetch does before the page mounts.
    await queryClient.prefetchQuery(missing);
    await queryClient.prefetchQuery(down);
    expect(calls).toEqual({ missing: 1, down: 3 });

    // The page mounts: an observer subscribes to each query.
    const unsubscribe = [missing, down].map((options) => new QueryObserver(queryClient, options).subscribe(() => {}));
    // The failed query is asked again on mount; the missing one, subscribed at the same moment, is not.
    await vi.waitFor(() => expect(calls.down).toBeGreaterThan(3));
    unsubscribe.forEach((stop) => stop());
    expect(calls.missing).toBe(1);
  });
});
