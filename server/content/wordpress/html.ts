/**
 * HTML on the server: one jsdom window, made on first use, for parsing WordPress's
 * rendered markup and for DOMPurify. jsdom is slow to start, so a source that never
 * sees a story body never pays for it.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { FORBID_TAGS } from '../../../src/features/article/sanitize.ts';

let shared: { window: JSDOM['window']; purify: DOMPurify } | null = null;

function dom() {
  if (!shared) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    shared = { window, purify: createDOMPurify(window) };
  }
  return shared;
}

/** Parses markup into a detached fragment (scripts never run: jsdom's default). */
export function parseFragment(html: string): DocumentFragment {
  const template = dom().window.document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Collapses runs of white space (markup line breaks, `&nbsp;`) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Rendered WordPress text (a title, an excerpt) → plain text: tags gone, entities decoded. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return normaliseSpace(html);
  return normaliseSpace(parseFragment(html).textContent ?? '');
}

/**
 * Markup for an `html` block: no scripts, handlers, frames, forms, styles or
 * `javascript:` URLs. The client sanitizes again at render; this keeps the API's own
 * answers harmless for any other consumer.
 */
export function sanitize(html: string): string {
  return dom()
    .purify.sanitize(html, {
      FORBID_TAGS,
      FORBID_ATTR: ['style', 'srcset', 'sizes'],
      ALLOW_DATA_ATTR: false,
    })
    .trim();
}

/** Only http(s) URLs leave the server as links or image sources. */
export function safeUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
