import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const STORAGE_KEY = 'reader.scrollPositions';
/** Positions kept for this many history entries at most. */
const MAX_ENTRIES = 100;

/**
 * A document's first entry has the key 'default' (it has no history state): it is only
 * kept in memory, as a saved one would belong to whichever page was opened first last time.
 */
const FIRST_ENTRY_KEY = 'default';

function readPositions(): Map<string, number> {
  try {
    return new Map(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as [string, number][]);
  } catch {
    return new Map();
  }
}

function savePositions(positions: Map<string, number>) {
  try {
    const kept = [...positions].filter(([key]) => key !== FIRST_ENTRY_KEY).slice(-MAX_ENTRIES);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    /* storage full or blocked: back then starts at the top */
  }
}

/** The element id a #hash names (a malformed escape is taken as written). */
function hashTarget(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/**
 * Back and forward return to where the reader was on that page; a new page starts at
 * the top (or at its #hash). Positions are kept per history entry, in sessionStorage,
 * so they survive a reload too. (The router's own ScrollRestoration needs its data
 * router; the app uses declarative routes, which load about 17 KB gzip less code.)
 */
export function ScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [positions] = useState(readPositions);
  const currentKey = useRef(location.key);

  useEffect(() => {
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    // Scroll events arrive after the new page's layout effect below has moved the key
    // on, so a page never records the next page's position as its own.
    let frame = 0;
    const record = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => positions.set(currentKey.current, window.scrollY));
    };
    const persist = () => savePositions(positions);
    window.addEventListener('scroll', record, { passive: true });
    window.addEventListener('pagehide', persist);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', record);
      window.removeEventListener('pagehide', persist);
    };
  }, [positions]);

  useLayoutEffect(() => {
    const previousKey = currentKey.current;
    currentKey.current = location.key;
    const saved = positions.get(location.key);
    if (navigationType === 'POP' && saved !== undefined) {
      window.scrollTo(0, saved);
    } else if (location.hash) {
      document.getElementById(hashTarget(location.hash))?.scrollIntoView();
    } else if (previousKey !== location.key) {
      window.scrollTo(0, 0);
    }
  }, [positions, location.key, location.hash, navigationType]);

  return null;
}
