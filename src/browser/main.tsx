/**
 * The entry. Builds load it only once the static app shell in index.html has painted
 * (public/theme-init.js adds it after the first contentful paint, see
 * scripts/deferEntry.ts), so no script competes with the shell until it is on screen.
 * Then it imports the app (./boot.tsx).
 */
import '../index.css';

void import('./boot');
