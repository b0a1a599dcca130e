import { lazy, memo, Suspense, type ComponentType } from 'react';
import { whenIdle } from '../lib/wait';

/**
 * A part of the page whose code loads once the browser is idle, not with the first page.
 * The server renders it in full (prerender waits for lazy code); hydration leaves the
 * server's HTML as it is until the code is in, then takes it over without a change; a
 * page rendered in the browser shows it once loaded. Memoised: a parent's re-render
 * reaching the boundary before its code is in would make React drop the server's HTML.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(() =>
    whenIdle()
      .then(load)
      .then((component) => ({ default: component })),
  );
  return memo(function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  });
}
