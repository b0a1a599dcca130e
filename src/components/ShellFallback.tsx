import { SkeletonLine } from './Skeleton';

/**
 * index.html paints a static copy of the app shell (#app-shell) before any script runs.
 * Read before React replaces it, so the fallback below shows exactly the same pixels:
 * no flash and no layout shift between the static page and the app. It is our own
 * markup from index.html, never data.
 */
const staticShell = typeof document === 'undefined' ? undefined : document.getElementById('app-shell')?.outerHTML;

/** Painted while the first route's code loads: the shape of the header and a page, no content. */
export function ShellFallback() {
  if (staticShell) return <div className="contents" dangerouslySetInnerHTML={{ __html: staticShell }} />;
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
