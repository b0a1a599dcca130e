import {
  useContext,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type MouseEvent,
  type Ref,
} from 'react';
import { UNSAFE_NavigationContext } from 'react-router';
import { sameOriginLink } from '../lib/links';

/** True from hydrateRoot until its commit (src/browser/boot.tsx): the server's HTML is in place. */
let hydrating = false;

export function startHydration(): void {
  hydrating = true;
}

/** Rendered beside the hydrated app: its effect runs once hydration has committed. */
export function HydrationDone() {
  useEffect(() => {
    hydrating = false;
  }, []);
  return null;
}

/** A same-origin left click without modifier keys on a plain link goes through the router (no page load). */
function useRoutedLinks() {
  // The router's own navigator, as useNavigate calls it; none outside a router (a feed's story body).
  const navigator = useContext(UNSAFE_NavigationContext)?.navigator;
  return (event: MouseEvent<HTMLElement>) => {
    const link = sameOriginLink(event.target);
    const modified = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (!navigator || event.defaultPrevented || modified || !link) return;
    const { pathname, search } = window.location;
    // A download, another window or a fragment of this page (a footnote): the browser's own.
    if (link.target || link.hasAttribute('download')) return;
    if (link.pathname === pathname && link.search === search && link.hash) return;
    event.preventDefault();
    navigator.push(link.pathname + link.search + link.hash);
  };
}

interface StaticRegionProps extends HTMLAttributes<HTMLDivElement> {
  /**
   * What the region renders from: while each is the value hydration saw, the server's HTML
   * stays (never kept while one is undefined: still loading, or failed).
   */
  deps: readonly unknown[];
  ref?: Ref<HTMLDivElement>;
}

/**
 * A region of the page with nothing interactive in it: hydrating a server-rendered page
 * leaves its HTML as the server sent it and does none of React's work for it (React keeps
 * the children of an element with dangerouslySetInnerHTML). It renders from its data once
 * that changes (React Query shares unchanged data, so only new data does), and in full
 * wherever the browser renders the page. Its links are routed here, as a Link would.
 */
export function StaticRegion({ deps, children, ref, ...props }: StaticRegionProps) {
  const [hydratedWith, setHydratedWith] = useState(() => (hydrating && !deps.includes(undefined) ? deps : null));
  const kept = hydratedWith !== null && deps.every((dep, index) => dep === hydratedWith[index]);
  if (hydratedWith && !kept) setHydratedWith(null); // never kept again: its HTML is React's from now on
  const element = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => element.current!);
  useLayoutEffect(() => {
    // Empty: not the server's element (React gave up hydrating and rendered afresh), so rendered in full.
    if (kept && !element.current?.hasChildNodes()) setHydratedWith(null);
  }, [kept]);
  const onClick = useRoutedLinks();
  return kept ? (
    <div
      key="kept"
      ref={element}
      {...props}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
    />
  ) : (
    <div key="live" ref={element} {...props} onClick={onClick}>
      {children}
    </div>
  );
}
