/**
 * The entry: nothing but a wait for the static app shell in index.html to paint,
 * then the app. Loading the app's code only after the first contentful paint keeps
 * that paint as early as a plain HTML page's (issue 5): no script competes with the
 * shell for the network or the main thread until it is on screen. The code itself is
 * one request away and starts at once. A hidden tab paints nothing, hence the
 * fallbacks.
 */
import './index.css';

// A visible tab paints well before this; the fallback is for one that never does.
const FALLBACK_MS = 3000;

let started = false;
function boot() {
  if (started) return;
  started = true;
  void import('./boot');
}

function bootAfterFirstPaint() {
  const paintTimingWorks =
    typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (!paintTimingWorks || document.visibilityState === 'hidden') return boot();
  const observer = new PerformanceObserver((entries) => {
    if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    boot();
  });
  observer.observe({ type: 'paint', buffered: true });
  document.addEventListener('visibilitychange', boot, { once: true });
  setTimeout(boot, FALLBACK_MS);
}

bootAfterFirstPaint();
