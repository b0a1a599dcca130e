import { useEffect, useState } from 'react';

/** Grey placeholder boxes that hold the layout still while data loads. */
export function SkeletonLine({ className = '' }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded bg-slate-200 motion-reduce:animate-none dark:bg-slate-700 ${className}`}
    />
  );
}

/** A page's kicker and two-line headline, the shape every page starts with. */
export function HeadlineSkeleton() {
  return (
    <>
      <SkeletonLine className="h-4 w-32" />
      <SkeletonLine className="h-9 w-full sm:h-10" />
      <SkeletonLine className="h-9 w-3/4 sm:h-10" />
    </>
  );
}

/** After this long, a loading region says it is still at it (a hung request waits for its timeout). */
export const SLOW_LOADING_MS = 5000;

function useTakingLong(afterMs: number): boolean {
  const [takingLong, setTakingLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTakingLong(true), afterMs);
    return () => clearTimeout(timer);
  }, [afterMs]);
  return takingLong;
}

export function LoadingRegion({ label, children }: { label: string; children: React.ReactNode }) {
  const takingLong = useTakingLong(SLOW_LOADING_MS);
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="relative">
      <span className="sr-only">{label}</span>
      {takingLong && (
        // Over the skeleton, not above it: nothing on the page moves when it appears.
        <p className="absolute inset-x-0 top-0 z-10 rounded border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 shadow-sm dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
          Still loading: this is taking longer than usual.
        </p>
      )}
      {children}
    </div>
  );
}
