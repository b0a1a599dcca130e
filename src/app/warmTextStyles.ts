import { eachInItsOwnTask } from '../lib/wait';

/**
 * The text styles the first pages use beyond those the static shell and the early
 * headline and summary (./earlyPaint.ts) already lay out. test/e2e/api.e2e.ts checks
 * the list against the article and home pages.
 */
const TEXT_STYLES = [
  'text-xs',
  'text-xs font-semibold',
  'text-xs font-bold',
  'text-sm font-bold',
  'text-sm italic',
  'text-base',
  'text-base font-semibold',
  'text-2xl font-bold',
  'font-serif text-base font-semibold',
  'font-serif text-lg font-semibold',
];

/**
 * The browser sets a font up at each size the first time it lays text out in it (3-15
 * ms each here). Done for every style in the app's first layout, that was much of its
 * one long task (Lighthouse's TBT); here each style is laid out in a task of its own, in a
 * hidden line in the static shell (it leaves with the shell), while the early paint and
 * the app's code are on their way.
 */
export async function warmTextStyles(): Promise<void> {
  const shell = document.getElementById('app-shell');
  if (!shell) return;
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.className = 'invisible absolute top-0 left-0 h-px w-px overflow-hidden';
  shell.append(box);
  await eachInItsOwnTask(TEXT_STYLES, (style) => {
    const word = document.createElement('span');
    word.className = style;
    word.textContent = 'Aa';
    box.append(word);
    void box.offsetWidth; // lay it out now, in this task
  });
  box.dataset.warmed = ''; // what test/e2e/api.e2e.ts waits for
}
