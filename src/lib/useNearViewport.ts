import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';

export type Nearness = 'waiting' | 'near' | 'unsupported';

const subscribeNever = () => () => {};
const observerSupported = () => typeof IntersectionObserver === 'function';

/**
 * 'near' once `ref`'s element is within `rootMargin` of the viewport, then for good; 'waiting' before, and
 * in the first render (server and hydration alike). Without IntersectionObserver (very
 * old browsers, jsdom) 'unsupported': the caller shows the part at once or not at all.
 */
export function useNearViewport(ref: RefObject<HTMLElement | null>, rootMargin: string): Nearness {
  const supported = useSyncExternalStore(subscribeNever, observerSupported, () => true);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !supported || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, supported, ref, rootMargin]);
  if (!supported) return 'unsupported';
  return near ? 'near' : 'waiting';
}
