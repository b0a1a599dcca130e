/**
 * The entry: nothing but a wait for the static app shell in index.html to paint,
 * then the app. Loading the app's code only after the first paint keeps the first
 * contentful paint as early as a plain HTML page's (issue 5); the code itself is
 * one request away and starts at once. A hidden tab gets no frames, hence the
 * timeout as well.
 */
import './index.css';

let started = false;
function boot() {
  if (started) return;
  started = true;
  void import('./boot');
}
requestAnimationFrame(() => setTimeout(boot));
setTimeout(boot, 200);
