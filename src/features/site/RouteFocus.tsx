import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** How long to watch for a lazily rendered page's h1 (and for it being swapped) before settling. */
const HEADING_WAIT_MS = 3000;
/** Pause after the heading appears, so the page's effects have set the document title. */
const ANNOUNCE_DELAY_MS = 100;

function focusWithoutScroll(element: HTMLElement) {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * After each client-side navigation (never on the first load), moves focus to the new
 * page's h1 and announces the new document title politely, so keyboard and screen-reader
 * users land where sighted users look.
 *
 * Pages render lazily, so the h1 may appear (or replace a placeholder h1) a little later:
 * a MutationObserver watches <main> for a bounded time. Hash-only changes are ignored, and
 * so are query-string changes the page makes itself (REPLACE, or while focus is inside main).
 */
export function RouteFocus() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef<{ pathname: string; search: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const before = previous.current;
    previous.current = { pathname: location.pathname, search: location.search };
    if (before === null) return; // first render: leave focus where the browser put it

    const pathChanged = before.pathname !== location.pathname;
    const searchChanged = before.search !== location.search;
    if (!pathChanged && !searchChanged) return;

    const main = document.getElementById('main');
    if (!main) return;
    if (!pathChanged) {
      // Same page, new query: only when it was not the page itself updating its URL.
      if (navigationType === 'REPLACE') return;
      if (document.activeElement instanceof Node && main.contains(document.activeElement)) return;
    }

    const activeAtStart = document.activeElement;
    let focused: HTMLElement | null = null;
    let announceTimer: ReturnType<typeof setTimeout> | undefined;

    // The reader moved focus somewhere themselves while the page was loading: respect that.
    const readerMovedFocus = () =>
      !focusIsLost() && document.activeElement !== activeAtStart && document.activeElement !== focused;

    const announce = () => {
      if (announceTimer !== undefined) return;
      announceTimer = setTimeout(() => setAnnouncement(document.title), ANNOUNCE_DELAY_MS);
    };

    const stop = () => {
      observer.disconnect();
      clearTimeout(deadline);
    };

    const tryFocus = () => {
      if (focused?.isConnected) return; // still on the heading we chose
      if (focused && !focusIsLost()) return stop(); // it went away, but focus is elsewhere now
      if (readerMovedFocus()) return stop();
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return;
      focusWithoutScroll(heading);
      focused = heading;
      announce();
    };

    const observer = new MutationObserver(tryFocus);
    const deadline = setTimeout(() => {
      stop();
      if (!focused && !readerMovedFocus()) focusWithoutScroll(main); // no h1 came: <main> is next best
      announce();
    }, HEADING_WAIT_MS);

    setAnnouncement(''); // so the same title, announced again, is still a change
    observer.observe(main, { childList: true, subtree: true });
    // Scroll and focus in the next frame, just before it is painted: here, inside React's
    // commit, each would force a layout of the new page that the frame then does again.
    const frame = requestAnimationFrame(() => {
      // <ScrollRestoration> does this too; doing it here keeps a page change at the top
      // even if a page asks the router not to reset the scroll.
      if (navigationType === 'PUSH' && pathChanged) window.scrollTo(0, 0);
      tryFocus();
    });

    return () => {
      cancelAnimationFrame(frame);
      stop();
      clearTimeout(announceTimer);
    };
  }, [location.pathname, location.search, navigationType]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only">
      {announcement}
    </div>
  );
}
