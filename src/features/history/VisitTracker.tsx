import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { keepVisitAlive, startVisit } from './visits';

/** How often an open page says the reader is still here. */
const ALIVE_EVERY_MS = 60_000;

/**
 * Starts this page load's visit after hydration (the server knows nothing of it) and keeps it
 * alive while the reader has the page in view, so the next visit knows when this one ended. A
 * tab that comes back into view after the gap starts a new visit, as a new page load would.
 */
export function VisitTracker() {
  const { pathname } = useLocation();
  useEffect(() => {
    startVisit();
    const visible = () => document.visibilityState === 'visible';
    const alive = () => keepVisitAlive();
    const timer = setInterval(() => {
      if (visible()) alive();
    }, ALIVE_EVERY_MS);
    const onVisibility = () => (visible() ? startVisit() : alive());
    window.addEventListener('pagehide', alive);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', alive);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  useEffect(() => keepVisitAlive(), [pathname]);
  return null;
}
