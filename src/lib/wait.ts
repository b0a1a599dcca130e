/** Resolves after `ms` milliseconds; `delay(0)` lets the browser run other tasks (input, paint) first. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for `promise` (and its failure), but no longer than `ms`. */
export function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([promise, delay(ms)]).then(() => undefined);
}
