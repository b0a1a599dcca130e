/** The link to this site an event happened in, if any: for handlers delegated to a page or region. */
export function sameOriginLink(target: EventTarget | null): HTMLAnchorElement | null {
  const link = target instanceof Element ? target.closest('a[href]') : null;
  return link instanceof HTMLAnchorElement && link.origin === window.location.origin ? link : null;
}
