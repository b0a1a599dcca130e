/**
 * A story's body as HTML for partners who republish it: the same components the article
 * page renders (html blocks already sanitized by them), without the page's classes and with
 * every address absolute, since a feed reader shows it on another site.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { BlockRenderer } from '../../src/features/article/BlockRenderer';
import { preloadSanitizer } from '../../src/features/article/SafeHtml';
import type { Block } from '../../src/lib/api/schemas';
import { parseFragment } from '../dom';

const URL_ATTRIBUTES = ['href', 'src', 'poster'];

export async function bodyHtml(blocks: Block[], origin: string): Promise<string> {
  await preloadSanitizer();
  const markup = renderToStaticMarkup(<BlockRenderer blocks={blocks} />);
  const root = parseFragment(markup).firstElementChild;
  if (!root) return '';
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['class', 'style', 'loading', 'decoding', 'fetchpriority']) element.removeAttribute(name);
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      try {
        element.setAttribute(name, new URL(value, origin).href);
      } catch {
        element.removeAttribute(name);
      }
    }
    // srcset's addresses too, or a reader picks a relative one that resolves on its own host.
    const srcset = element.getAttribute('srcset');
    if (srcset) element.removeAttribute('srcset');
  }
  return root.innerHTML;
}
