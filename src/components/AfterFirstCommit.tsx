import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * True when the page comes rendered from the server (in the server's render and in the
 * browser's hydration of it): the HTML already holds everything, so nothing is deferred
 * and hydration matches the server's markup.
 */
export const ServerRenderedContext = createContext(false);

/**
 * Renders nothing in its first render, then `children`, in a (time-sliced) render and
 * commit of their own. For what sits out of sight on load, so that the first page's
 * commit and the browser's layout of it are smaller: both are long tasks on start-up
 * (Lighthouse's Total Blocking Time). Whatever holds it should reserve its space, so
 * nothing moves when the children arrive.
 */
export function AfterFirstCommit({ children }: { children: ReactNode }) {
  const serverRendered = useContext(ServerRenderedContext);
  const [committed, setCommitted] = useState(serverRendered);
  useEffect(() => startTransition(() => setCommitted(true)), []);
  return committed ? children : null;
}
