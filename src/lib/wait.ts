/** Resolves after `ms` milliseconds; `delay(0)` lets the browser run other tasks (input, paint) first. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `run` on each item in turn, each in a task of its own (after a `delay(0)`), and
 * waits for what it returns: for start-up work that done in one go was one long task,
 * blocking input (Lighthouse's Total Blocking Time).
 */
export async function eachInItsOwnTask<T>(items: Iterable<T>, run: (item: T) => unknown): Promise<void> {
  for (const item of items) {
    await delay(0);
    await run(item);
  }
}

/** Resolves once the browser has nothing more urgent to do (or after `timeoutMs`); at once on the server. */
export function whenIdle(timeoutMs = 3000): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve();
  return typeof requestIdleCallback === 'function'
    ? new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }))
    : delay(0);
}

/** Waits for `promise` (and its failure), but no longer than `ms`. */
export function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([promise, delay(ms)]).then(() => undefined);
}
