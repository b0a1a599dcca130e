import { lazy, useState, type ComponentType } from 'react';

export interface LazyPage {
  /** Renders the page; suspends while its code loads (the first time only). */
  Page: ComponentType;
  /** Starts loading the page's code; resolves when it is there. */
  preload: () => Promise<unknown>;
}

/**
 * A route's page whose code is split out. Unlike a bare React.lazy, a page whose code is
 * already in (preloaded with the first page's data, or visited before) renders at once,
 * without suspending: the first page commits in one go and the static shell never
 * flashes a skeleton (issue 5).
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
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    // Chosen once per mount: switching component types later would remount the page.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return { Page, preload };
}
