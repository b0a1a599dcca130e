import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders nothing in its first render, then `children`, in a (time-sliced) render and
 * commit of their own. For what sits out of sight on load, so that the first page's
 * commit and the browser's layout of it are smaller: both are long tasks on start-up
 * (Lighthouse's Total Blocking Time). Whatever holds it should reserve its space, so
 * nothing moves when the children arrive.
 */
export function AfterFirstCommit({ children }: { children: ReactNode }) {
  const [committed, setCommitted] = useState(false);
  useEffect(() => startTransition(() => setCommitted(true)), []);
  return committed ? children : null;
}
