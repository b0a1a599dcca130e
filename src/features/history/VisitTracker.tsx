import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { keepVisitAlive, startVisit } from './visits';

/** How often an open page says the reader is still here. */
const ALIVE_EVERY_MS = 60_000;

/**
 * Starts this page load's visit after hydration (the server knows nothing of it) and keeps it
 * alive while the reader is here, so the next visit knows when this one ended.
 */
export function VisitTracker() {
  const { pathname } = useLocation();
  useEffect(() => {
    startVisit();
    const alive = () => keepVisitAlive();
    const timer = setInterval(alive, ALIVE_EVERY_MS);
    window.addEventListener('pagehide', alive);
    document.addEventListener('visibilitychange', alive);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', alive);
      document.removeEventListener('visibilitychange', alive);
    };
  }, []);
  useEffect(() => keepVisitAlive(), [pathname]);
  return null;
}
