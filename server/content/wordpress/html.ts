/** WordPress's rendered markup on the server, in the one shared jsdom window (../../dom.ts). */
import { FORBID_TAGS } from '../../../src/features/article/sanitize.ts';
import { parseFragment, serverDom } from '../../dom.ts';

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
  return serverDom()
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
