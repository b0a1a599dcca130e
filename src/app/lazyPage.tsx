import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyPage {
  /** Renders the page, or `fallback` while its code loads (the first time only). */
  Page: ComponentType<{ fallback: ReactNode }>;
  /** Starts loading the page's code; resolves when it is there. */
  preload: () => Promise<unknown>;
}

/**
 * A route's page whose code is split out. A page whose code is already in (preloaded
 * with the first page's data, on a link's hover or focus, or visited before) renders at
 * once. Otherwise it shows `fallback` until the code is there, then the page, without
 * React.lazy and Suspense: React holds a Suspense fallback on screen for at least 300 ms,
 * which made every first visit to a page at least that slow. A failed load is
 * thrown to the route's error boundary.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a later visit asks for the chunk again
        throw error;
      },
    ));

  function Page({ fallback }: { fallback: ReactNode }) {
    const [Component, setComponent] = useState<ComponentType | undefined>(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      preload().then(
        (component) => mounted && setComponent(() => component),
        (error: unknown) => mounted && setFailure({ error }),
      );
      return () => {
        mounted = false;
      };
    }, [Component]);
    if (failure) throw failure.error;
    return Component ? <Component /> : fallback;
  }
  return { Page, preload };
}
