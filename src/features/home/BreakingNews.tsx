import { useId, useState, type FocusEvent } from 'react';
import type { StoryCard } from '../../lib/api/schemas';
import { HeadlineLink } from '../feeds';

/** Newest first, whatever order the feed sent them in. */
export function breakingStories(stories: StoryCard[]): StoryCard[] {
  return stories
    .filter((story) => story.breaking)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}

/** A longer list moves for longer, so every list crosses the bar at about the same speed. */
function speedClass(count: number): string {
  if (count <= 2) return 'ticker-short';
  if (count >= 6) return 'ticker-long';
  return '';
}

/**
 * A headline is often wider than the bar: when one takes focus (the list stops moving),
 * show its start rather than wherever the browser's own scrolling left it.
 */
function showStartOfFocused(event: FocusEvent<HTMLDivElement>) {
  const viewport = event.currentTarget;
  const item = event.target.closest('li');
  if (item) viewport.scrollLeft = Math.max(0, item.offsetLeft - 12);
}

/**
 * The breaking stories in a bar under the header. The moving part is a plain list of
 * links (heard once, no live region): the animation is CSS only (src/index.css), stops
 * for a pointer or keyboard focus inside it, under reduced motion, and with the Pause
 * button. Renders nothing at all when nothing is breaking.
 */
export function BreakingNews({ stories }: { stories: StoryCard[] }) {
  const headingId = useId();
  const [paused, setPaused] = useState(false);
  const breaking = breakingStories(stories);
  if (breaking.length === 0) return null;

  return (
    <section
      aria-labelledby={headingId}
      className={`ticker mb-4 h-10 flex items-stretch overflow-hidden rounded border border-accent-600 bg-white dark:border-red-400 dark:bg-slate-900 ${paused ? 'ticker-paused' : ''}`}
    >
      <h2
        id={headingId}
        className="flex shrink-0 items-center bg-accent-600 px-2 text-xs font-bold tracking-wide text-white uppercase sm:px-3 dark:bg-red-800"
      >
        Breaking news
      </h2>
      <div className="ticker-viewport relative min-w-0 flex-1 overflow-hidden" onFocus={showStartOfFocused}>
        <ul
          className={`ticker-track flex h-full w-max items-center gap-8 px-3 text-sm font-semibold whitespace-nowrap ${speedClass(breaking.length)}`}
        >
          {breaking.map((story) => (
            <li key={story.slug}>
              <HeadlineLink
                story={story}
                className="text-slate-900 hover:text-accent-600 hover:underline dark:text-slate-100 dark:hover:text-red-300"
              />
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={() => setPaused((value) => !value)}
        className="ticker-toggle flex w-10 shrink-0 items-center justify-center border-l border-slate-200 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        <span className="sr-only">{paused ? 'Play breaking news' : 'Pause breaking news'}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          {paused ? <path d="M6 4v12l10-6z" /> : <path d="M5 4h4v12H5zm6 0h4v12h-4z" />}
        </svg>
      </button>
    </section>
  );
}
