/**
 * The two-column page (content, then a 20rem sidebar on wide screens) of the home and
 * article pages, shared with the early paint (src/browser/earlyPaint.ts), which must lay
 * its text out exactly where the page will put it.
 */
export const pageLayout = {
  grid: 'grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]',
  column: 'min-w-0',
  /** The kicker line ("Sector · Edition") above a headline: articles and every story card. */
  kicker: 'text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-sky-300',
} as const;
