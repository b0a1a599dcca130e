import { SkeletonLine } from './Skeleton';

/** Painted while the first route's code loads: the shape of the header and a page, no content. */
export function ShellFallback() {
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
