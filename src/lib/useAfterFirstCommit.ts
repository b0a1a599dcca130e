import { startTransition, useEffect, useState } from 'react';

/**
 * False in a component's first render, true right after, in a (time-sliced) render and
 * commit of its own. For what sits out of sight on load, so that the first page's
 * commit and the browser's layout of it are smaller (issue 5: TBT).
 */
export function useAfterFirstCommit(): boolean {
  const [committed, setCommitted] = useState(false);
  useEffect(() => startTransition(() => setCommitted(true)), []);
  return committed;
}
