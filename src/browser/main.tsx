/**
 * The entry. Builds load it only once the static app shell in index.html has painted
 * (public/theme-init.js adds it after the first contentful paint, see
 * scripts/deferEntry.ts), so no script competes with the shell until it is on screen.
 * On an article URL (and the home page) it asks for the story (the lead story) at once
 * and paints it into the shell before the app's code loads (./earlyPaint.ts): the
 * reader can start reading while the code downloads, and the app finds the data
 * already fetched. Then it imports the app (./boot.tsx).
 */
import '../index.css';
import { paintEarly } from './earlyPaint';
import { atMost } from '../lib/wait';

// The code waits this long at most for the early paint (a slow API must not hold it up).
const EARLY_PAINT_WAIT_MS = 1000;

void atMost(paintEarly(), EARLY_PAINT_WAIT_MS).then(() => import('./boot'));
