/**
 * At most `concurrency` page renders at a time, the rest waiting in order: a render is
 * CPU work, and more of them at once only makes each slower. Past `maxWaiting` queued
 * renders the server is overloaded, and a new one is refused at once (the caller answers
 * 503 with Retry-After) rather than left to time out.
 */
import PQueue from 'p-queue';

export class Overloaded extends Error {}

export function createRenderLimit(concurrency: number, maxWaiting: number) {
  const queue = new PQueue({ concurrency });
  /** `deadline`: a render whose turn comes after it is skipped, its reader having had a 504 already. */
  return async function limit<T>(task: () => Promise<T>, deadline = Infinity): Promise<T> {
    if (queue.size >= maxWaiting) throw new Overloaded('too many pages waiting to render');
    return queue.add(() => {
      if (Date.now() >= deadline) throw new Overloaded('the page waited past its deadline');
      return task();
    });
  };
}
