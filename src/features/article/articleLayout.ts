import { pageLayout } from '../../components/pageLayout';

/**
 * Class names of the article's first lines, shared by ArticlePage and the early paint
 * (src/browser/earlyPaint.ts): both must lay the headline and summary out identically, or
 * the page would jump when React takes over (and the summary would count twice as the
 * largest paint).
 */
export const articleLayout = {
  /** One line of fixed height (the headline in it is truncated), so the early paint can reserve it. */
  breadcrumb: 'mb-3 flex h-5 overflow-hidden text-sm leading-5 whitespace-nowrap',
  kicker: pageLayout.kicker,
  headline: 'mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl',
  summary: 'mt-3 text-lg text-slate-700 dark:text-slate-300',
} as const;
