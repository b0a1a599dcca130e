import { lazy, memo, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useNearViewport } from '../lib/useNearViewport';
import { whenIdle } from '../lib/wait';

/**
 * A part of the page whose code loads later, not with the first page: once the browser is
 * idle, or with `until: 'visible'` once the part comes within 200px of the viewport or the
 * reader points at or tabs into it. The server renders it in full (prerender waits for
 * lazy code); hydration leaves the server's HTML as it is until the code is in, then takes
 * it over without a change; a page rendered in the browser shows it once loaded. Memoised:
 * a parent's re-render reaching the boundary before its code is in would make React drop
 * the server's HTML.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { until = 'idle' }: { until?: 'idle' | 'visible' } = {},
) {
  let show = () => {};
  const shown = new Promise<void>((resolve) => (show = resolve));
  const Lazy = lazy(() =>
    (until === 'visible' && typeof window !== 'undefined' ? shown : whenIdle())
      .then(load)
      .then((component) => ({ default: component })),
  );
  return memo(function Deferred(props: P) {
    const part = (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
    return until === 'visible' ? <WhenNear onNear={show}>{part}</WhenNear> : part;
  });
}

// Native listeners: React holds back its own events inside HTML it has not hydrated yet.
const INTERACTIONS = ['focusin', 'pointerover'] as const;

/** Calls `onNear` once its box nears the viewport or the reader reaches into it (at once without IntersectionObserver). */
function WhenNear({ onNear, children }: { onNear: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const nearness = useNearViewport(ref, '200px');
  useEffect(() => {
    const element = ref.current;
    if (nearness !== 'waiting' || !element) return onNear();
    for (const type of INTERACTIONS) element.addEventListener(type, onNear);
    return () => INTERACTIONS.forEach((type) => element.removeEventListener(type, onNear));
  }, [nearness, onNear]);
  return <div ref={ref}>{children}</div>;
}
