/**
 * The entry. Builds load it only once the static app shell in index.html has painted
 * (public/theme-init.js adds it after the first contentful paint, see
 * scripts/deferEntry.ts), so no script competes with the shell until it is on screen.
 * On an article URL (and the home page) it asks for the story (the lead
 * story) at once and paints it into the shell before the app's code loads
 * (src/browser/earlyPaint.ts): the reader can start reading while the code downloads, and
 * the app finds the data already fetched.
 */
import '../index.css';
import { paintEarly } from './earlyPaint';
import { atMost, eachInItsOwnTask } from '../lib/wait';

// The code waits this long at most for the early paint (a slow API must not hold it up).
const EARLY_PAINT_WAIT_MS = 1000;

/**
 * The app's code, in the order it evaluates: each step in a task of its own, since
 * evaluating all of it at once was one long task (Lighthouse's TBT).
 */
const codeSteps = [
  () => import('react-dom/client'),
  () => import('../lib/api/schemas'), // zod
  () => import('../app/queryClient'), // TanStack Query
  () => import('../features/article/api/story'),
  () => import('./boot'),
];

/**
 * Starts downloading every chunk the steps need (production builds list them in
 * <meta name="app-code">, see scripts/deferEntry.ts), so they arrive together rather
 * than one step after the other. One link per task: adding them all at once took
 * 15-40 ms in one task.
 */
async function preloadAppCode(): Promise<void> {
  const chunks = document.querySelector('meta[name="app-code"]')?.getAttribute('content')?.split(' ') ?? [];
  await eachInItsOwnTask(chunks.filter(Boolean), (href) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  });
}

void atMost(paintEarly(), EARLY_PAINT_WAIT_MS).then(async () => {
  await preloadAppCode();
  await eachInItsOwnTask(codeSteps, (step) => step());
});
