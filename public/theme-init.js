// Runs in <head> before first paint; production builds inline it (CSP-allowed by its
// hash, see test/server/csp.ts) so it costs no request. Keep in step with
// src/features/preferences/preferences.ts.
(function () {
  var root = document.documentElement;
  // Included twice: inline in <head> (before the first paint) and as a file at the end of
  // <body>, which does the work instead where a CSP without this script's hash blocked
  // the inline copy (a host's plain `script-src 'self'`): the app then still starts.
  if (root.dataset.theme) return;
  // The remembered theme and article text size.
  var theme = 'system';
  var size = 'default';
  try {
    theme = localStorage.getItem('reader.theme') || theme;
    size = localStorage.getItem('reader.textSize') || size;
  } catch {
    /* storage blocked: defaults */
  }
  var dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.toggle('dark', dark);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.textSize = size;

  // Production builds name the app's entry in <meta name="app-entry"> instead of a
  // script tag (scripts/deferEntry.ts): it loads once the page has painted, so the
  // first paint waits for no script at all (Lighthouse counts every script that runs
  // before it as render-blocking).
  var entry = document.querySelector('meta[name="app-entry"]');
  if (!entry) return;
  var loaded = false;
  function loadApp() {
    if (loaded) return;
    loaded = true;
    var script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.src = entry.getAttribute('content');
    document.head.appendChild(script);
  }
  var paintTiming =
    typeof PerformanceObserver === 'function' &&
    PerformanceObserver.supportedEntryTypes &&
    PerformanceObserver.supportedEntryTypes.indexOf('paint') !== -1;
  if (!paintTiming || document.visibilityState === 'hidden') return loadApp();
  new PerformanceObserver(function (list, observer) {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    loadApp();
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('visibilitychange', loadApp, { once: true });
  // A tab that never paints still gets its app.
  setTimeout(loadApp, 3000);
})();
