import { useEffect, useRef } from 'react';

/**
 * A thin bar fixed to the top of the viewport that fills as the reader scrolls through the
 * enclosing <article>. Decorative (hidden from assistive technology: the scroll position
 * says the same); it is fixed and moved with a transform, so it never shifts the layout,
 * and it follows the scroll directly (no animation), so reduced motion is respected.
 */
export function ReadingProgress() {
  const anchorRef = useRef<HTMLSpanElement>(null);
  const barRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const article = anchorRef.current?.closest('article');
    const bar = barRef.current;
    if (!article || !bar) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const rect = article.getBoundingClientRect();
      const scrollable = rect.height - window.innerHeight;
      const progress = scrollable <= 0 ? (rect.top < 0 ? 1 : 0) : Math.min(1, Math.max(0, -rect.top / scrollable));
      bar.style.transform = `scaleX(${progress})`;
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    // The first measurement waits for the observer (called after the browser's own
    // layout) or a frame: measuring here, inside React's commit, would force a layout
    // of the whole new page in the middle of the first render's long task.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    if (observer) observer.observe(article);
    else schedule();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer?.disconnect();
    };
  }, []);

  return (
    <span ref={anchorRef} aria-hidden="true">
      <span
        ref={barRef}
        data-testid="reading-progress"
        className="pointer-events-none fixed block inset-x-0 top-0 z-50 h-1 origin-left scale-x-0 bg-brand-600 dark:bg-sky-400"
      />
    </span>
  );
}
