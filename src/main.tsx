/**
 * The entry: a wait for the static app shell in index.html to paint, then the app.
 * Loading the app's code only after the first contentful paint keeps that paint as
 * early as a plain HTML page's (issue 5): no script competes with the shell for the
 * network or the main thread until it is on screen. On an article URL (and the home
 * page) the story (the lead story) is asked for at once and painted into the shell
 * before the code loads (src/app/earlyPaint.ts): the reader can start reading while
 * the code downloads, and the app finds the data already fetched. A hidden tab paints
 * nothing, hence the fallbacks. (Production builds load this module itself only after
 * the first paint: see scripts/deferEntry.ts.)
 */
import './index.css';
import { paintEarly } from './app/earlyPaint';

// A visible tab paints well before this; the fallback is for one that never does.
const FALLBACK_MS = 3000;
// The code waits this long at most for the early headline (a slow API must not hold it up).
const EARLY_PAINT_WAIT_MS = 1000;

const earlyPaint = paintEarly();

let started = false;
function boot() {
  if (started) return;
  started = true;
  void import('./boot');
}

function bootAfterEarlyPaint() {
  void Promise.race([earlyPaint, new Promise((resolve) => setTimeout(resolve, EARLY_PAINT_WAIT_MS))]).then(boot);
}

function bootAfterFirstPaint() {
  const paintTimingWorks =
    typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (!paintTimingWorks || document.visibilityState === 'hidden') return boot();
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    bootAfterEarlyPaint();
  });
  observer.observe({ type: 'paint', buffered: true });
  document.addEventListener('visibilitychange', boot, { once: true });
  setTimeout(boot, FALLBACK_MS);
}

bootAfterFirstPaint();
