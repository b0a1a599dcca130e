/**
 * At most `concurrency` page renders at a time, the rest waiting in order: a render is
 * CPU work, and more of them at once only makes each slower. Past `maxWaiting` queued
 * renders the server is overloaded, and a new one is refused at once (the caller answers
 * 503 with Retry-After) rather than left to time out.
 */
export class Overloaded extends Error {}

export function createRenderLimit(concurrency: number, maxWaiting: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  /** `deadline`: a render whose turn comes after it is skipped, its reader having had a 504 already. */
  return async function limit<T>(task: () => Promise<T>, deadline = Infinity): Promise<T> {
    if (active >= concurrency) {
      if (waiting.length >= maxWaiting) throw new Overloaded('too many pages waiting to render');
      await new Promise<void>((resolve) => waiting.push(resolve));
      if (Date.now() >= deadline) {
        waiting.shift()?.();
        throw new Overloaded('the page waited past its deadline');
      }
    }
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
