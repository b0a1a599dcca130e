import { useLayoutEffect } from 'react';
import { SkeletonLine } from './Skeleton';

/**
 * index.html paints a static app shell (#app-shell, beside React's #root) before any
 * script runs. While the first route loads, the fallback leaves it on screen and renders
 * nothing; when the first page replaces the fallback, the shell goes in the same commit,
 * so there is no flash, no layout shift and no second copy of the shell to parse and
 * lay out (issue 5).
 */
function useStaticShell(): boolean {
  const present = typeof document !== 'undefined' && document.getElementById('app-shell') !== null;
  useLayoutEffect(() => () => document.getElementById('app-shell')?.remove(), []);
  return present;
}

/** Painted while the first route's code loads: the static shell, or the shape of the header and a page. */
export function ShellFallback() {
  const staticShell = useStaticShell();
  if (staticShell) return null;
  return (
    <div role="status" aria-live="polite" className="min-h-screen">
      <span className="sr-only">Loading the news…</span>
      <div aria-hidden="true" className="h-14 bg-brand-800" />
      <div className="mx-auto max-w-6xl space-y-4 p-4">
        <SkeletonLine className="h-9 w-3/4" />
        <SkeletonLine className="h-4 w-1/2" />
        <SkeletonLine className="aspect-video w-full" />
      </div>
    </div>
  );
}
