import { pageLayout } from '../../components/pageLayout';

/**
 * Class names of the lead story card (StoryCard variant "lead"), shared with the early
 * paint of the home page (src/browser/earlyPaint.ts) so the lead's picture and text sit
 * exactly where the card will put them. `body` and `kicker` are the same on every card.
 */
export const leadCardLayout = {
  card: 'flex flex-col gap-3',
  /** Below the text on phones, so the headline is the first thing under the masthead. */
  image: 'aspect-video w-full rounded bg-slate-100 object-cover max-sm:order-last dark:bg-slate-800',
  body: 'min-w-0 flex-1',
  kicker: pageLayout.kicker,
  headline: 'mt-1 font-serif text-2xl leading-tight font-bold sm:text-3xl',
  summary: 'mt-1 text-slate-700 dark:text-slate-300 text-base',
} as const;
