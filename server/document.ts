/**
 * The HTML document around a rendered page: the built index.html (its CSS, its inline
 * theme script, the app's entry) with the page's own head and its rendered markup in
 * #root, the state script after it, where the static build has its own.
 * Every value from the API is escaped for where it lands: text, attribute, or JSON in
 * a <script>.
 */
import { SERVER_STATE_ID } from '../src/app/serverState';
import { documentTitle, headTags, type PageHead } from '../src/lib/head';
import { contentSecurityPolicy, inlineScriptHashes } from './csp';
import type { RenderedPage } from './render';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * JSON inside a <script> element (the JSON-LD and the server state): `<`, `>`, `&` and the
 * two line separators are escaped, so no field (a headline carrying `</script><script>…`)
 * can end the element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Tags of the deployment, the same on every page: the browser keeps them as it moves between pages. */
export interface SiteTags {
  /** og:locale, e.g. en_IN. */
  locale?: string;
  /** twitter:site, e.g. @devdiscourse. */
  twitterSite?: string;
}

function headHtml(head: PageHead | null, origin: string, path: string, site: SiteTags): string {
  const page = head ?? { title: null, description: null };
  const lines = [`<title>${escapeHtml(documentTitle(page.title))}</title>`];
  if (site.locale) lines.push(`<meta property="og:locale" content="${escapeHtml(site.locale)}" />`);
  if (site.twitterSite) lines.push(`<meta name="twitter:site" content="${escapeHtml(site.twitterSite)}" />`);
  for (const tag of headTags(page, origin, path)) {
    if (tag.tag === 'meta') {
      lines.push(`<meta ${tag.key}="${escapeHtml(tag.name)}" content="${escapeHtml(tag.content)}" data-page-head />`);
    } else if (tag.tag === 'link') {
      const type = tag.type ? ` type="${escapeHtml(tag.type)}"` : '';
      const title = tag.title ? ` title="${escapeHtml(tag.title)}"` : '';
      lines.push(`<link rel="${escapeHtml(tag.rel)}"${type}${title} href="${escapeHtml(tag.href)}" data-page-head />`);
    } else {
      lines.push(`<script type="application/ld+json" data-page-head>${scriptJson(tag.json)}</script>`);
    }
  }
  return lines.join('\n    ');
}

export interface DocumentTemplate {
  /** The Content-Security-Policy for every page: its inline scripts allowed by hash, computed here from the build. */
  csp: string;
  render(page: RenderedPage, origin: string, path: string): string;
}

/**
 * What index.html holds between `<!--name-->` and `<!--/name-->` is cut out: before and after.
 * Fails loudly if a marker is missing: a page served without them would be the static shell.
 */
function cutOut(html: string, name: string): [string, string] {
  const [start, end] = [`<!--${name}-->`, `<!--/${name}-->`];
  const from = html.indexOf(start);
  const to = html.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`dist/index.html lacks the ${start} markers: run \`npm run build\``);
  return [html.slice(0, from), html.slice(to + end.length)];
}

/**
 * Reads the built index.html once, at start, and splits it at its markers: the static
 * build's title, description and config.json preload (`app-head`), and its #root with the
 * static shell (`app-html`), give way to the page's own; what only a static host needs
 * (`static-only`) goes. `imageOrigins` are where story
 * pictures live when that is not this site (a WordPress site's uploads, a media CDN).
 */
export function createDocumentTemplate(
  indexHtml: string,
  imageOrigins: readonly string[] = [],
  siteTags: SiteTags = {},
): DocumentTemplate {
  const [beforeHead, afterHead] = cutOut(indexHtml, 'app-head');
  const [middle, afterRoot] = cutOut(afterHead, 'app-html');
  // The theme script's file copy is for static hosts whose CSP blocks the inline one; ours allows it
  // by hash, and the copy cost LCP (docs/performance.md, "Nothing from the network").
  const tail = cutOut(afterRoot, 'static-only').join('');
  const csp = contentSecurityPolicy(inlineScriptHashes(indexHtml), imageOrigins);
  return {
    csp,
    render(page, origin, path) {
      return [
        beforeHead,
        headHtml(page.head, origin, path, siteTags),
        middle,
        `<div id="root">${page.html}</div>`,
        `\n    <script type="application/json" id="${SERVER_STATE_ID}">${scriptJson(page.state)}</script>`,
        tail,
      ].join('');
    },
  };
}
