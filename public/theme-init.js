// Runs in <head> before first paint (external file: the CSP forbids inline scripts).
// Applies the remembered theme and article text size; keep in step with src/features/preferences/preferences.ts.
(function () {
  var root = document.documentElement;
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
})();
