import { useEffect, useState } from 'react';

/** How far down, in screens, the reader has to be before the button is offered. */
export const SCREENS_DOWN = 2;

/**
 * "Back to top" on long pages: shown once the reader is two screens down (a passive scroll
 * listener, read in a frame), it scrolls to the top (at once under reduced motion) and
 * moves focus to the content's start, so the next Tab goes on from there. It floats in the
 * bottom corner (a 44 px circle on phones), clear of the reading progress bar and the
 * article's tools at the top; the strip it leaves at the end of the page keeps it off the
 * page's last lines.
 */
export function BackToTop() {
  const [shown, setShown] = useState(false);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      setShown(window.scrollY > SCREENS_DOWN * window.innerHeight);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, []);

  const backToTop = () => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // The page heading if it takes focus (articles, route changes), else the main region: the skip link's target.
    const main = document.getElementById('main');
    const heading = main?.querySelector<HTMLElement>('h1[tabindex="-1"]');
    (heading ?? main)?.focus({ preventScroll: true });
    window.scrollTo({ top: 0, behavior: reduced ? 'instant' : 'smooth' });
  };

  return (
    // The strip at the very end of the page that the button sits over when scrolled to the bottom.
    <div className="h-16">
      {shown && (
        <button
          type="button"
          onClick={backToTop}
          className="fixed right-3 bottom-3 z-30 inline-flex h-11 w-11 items-center justify-center gap-1.5 rounded-full border border-slate-300 bg-white/95 text-sm sm:w-auto sm:px-4 font-semibold text-brand-800 shadow-lg hover:bg-brand-50 dark:border-slate-600 dark:bg-slate-900/95 dark:text-sky-200 dark:hover:bg-slate-800"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
            <path d="M10 3l7 7-1.4 1.4L11 6.8V17H9V6.8l-4.6 4.6L3 10z" />
          </svg>
          {/* Only the arrow on phones: the smaller the button, the less text it floats over. */}
          <span className="max-sm:sr-only">Back to top</span>
        </button>
      )}
    </div>
  );
}
