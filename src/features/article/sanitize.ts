import createDOMPurify, { type DOMPurify } from 'dompurify';

/** Elements an html block may never bring in, with everything inside them (the WordPress source's too). */
export const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
];

/** Inline styles could overlay the page or hide text; event handlers are dropped by DOMPurify anyway. */
const FORBID_ATTR = ['style', 'target', 'rel', 'srcdoc', 'formaction'];

/**
 * The window DOMPurify parses in and the site's own address. The browser's by default;
 * the server renders html blocks too and hands in a jsdom window and the site's origin
 * (configureSanitizer), since it has neither.
 */
type PurifyWindow = Parameters<typeof createDOMPurify>[0] & object;
let host: { window: PurifyWindow; origin: string } | null = null;
export function configureSanitizer(window: PurifyWindow, origin: string): void {
  host = { window, origin };
  purifier = null;
}
const hostWindow = () => host?.window ?? window;
const hostOrigin = () => host?.origin ?? window.location.origin;

function isExternalHttpLink(href: string): boolean {
  try {
    const url = new URL(href, hostOrigin());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== hostOrigin();
  } catch {
    return false;
  }
}

/** A start tag, with quoted attribute values that may contain `>`. */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** An event handler or style attribute, quoted or not. */
const INLINE_CODE_ATTRIBUTE = /[\s/](?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/gi;
/** A script or style element and its content (to the end of the input if never closed). */
const CODE_ELEMENT = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/**
 * Chromium reports a CSP violation as soon as its parser meets an inline handler,
 * style attribute or style element, even in DOMPurify's inert document where
 * nothing runs. Removing them from the string first keeps the console and any CSP
 * reports clean; DOMPurify below remains the actual safety boundary.
 */
export function stripInlineCode(html: string): string {
  return html.replace(CODE_ELEMENT, '').replace(START_TAG, (tag) => tag.replace(INLINE_CODE_ATTRIBUTE, ''));
}

let purifier: DOMPurify | null = null;

/** A private DOMPurify instance, so our hook never affects anyone else's sanitising. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(hostWindow());
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    if (href && isExternalHttpLink(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

/**
 * Makes untrusted markup from an html block safe to insert: no scripts, styles,
 * frames, plugins or form controls, no event handlers, no `javascript:` (or other
 * non-web) URLs; links to other sites open in a new tab without access to this one.
 */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(stripInlineCode(html), {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    USE_PROFILES: { html: true, mathMl: true },
  });
}
