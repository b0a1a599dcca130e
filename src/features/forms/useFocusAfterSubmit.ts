import { useEffect, useRef, type RefObject } from 'react';

/**
 * A focused submit button that gets disabled while sending drops focus to <body> in
 * browsers; when sending ends, put focus back on it so keyboard users keep their place.
 */
export function useFocusAfterSubmit(pending: boolean, buttonRef: RefObject<HTMLButtonElement | null>): void {
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) buttonRef.current?.focus();
  }, [pending, buttonRef]);
}
