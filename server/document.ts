/**
 * The HTML document around a rendered page: the built index.html (its CSS, its inline
 * theme script, the app's entry) with the static shell taken out, the page's own head
 * written in, the rendered markup in #root and the state script after it.
 * Every value from the API is escaped for where it lands: text, attribute, or JSON in
 * a <script>.
 */
import { createHash } from 'node:crypto';
import { SERVER_STATE_ID } from '../src/app/serverState';
import { documentTitle, headTags, type PageHead } from '../src/lib/head';
import { contentSecurityPolicy } from './csp';
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

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Inline scripts that run (not JSON data blocks), by their exact text. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    if (/\ssrc=/.test(attributes) || /type="application\/(ld\+)?json"/.test(attributes)) continue;
    scripts.push(match[2]!);
  }
  return scripts;
}

export interface DocumentTemplate {
  /** The Content-Security-Policy for every page: its inline scripts allowed by hash, computed here from the build. */
  csp: string;
  render(page: RenderedPage, origin: string, path: string): string;
}

/**
 * Reads the built index.html once, at start. `imageOrigins` are where story pictures
 * live when that is not this site (a WordPress site's uploads, a media CDN). Fails loudly if the build does not look
 * as expected: a page served without its shell markers would be the static shell.
 */
export function createDocumentTemplate(
  indexHtml: string,
  imageOrigins: readonly string[] = [],
  siteTags: SiteTags = {},
): DocumentTemplate {
  // The static shell, with the comment just before it: the rendered page takes its place.
  const shell = /(?:<!--(?:(?!-->)[^])*-->\s*)?<div id="app-shell"[\s\S]*?<div id="root"><\/div>/.exec(indexHtml);
  const title = /<title>[\s\S]*?<\/title>/.exec(indexHtml);
  const description = /\s*<meta\s+name="description"[\s\S]*?\/>/.exec(indexHtml);
  if (!shell || !title || !description) {
    throw new Error(
      'dist/index.html lacks the static shell, <title> or description the server replaces: run `npm run build`',
    );
  }
  const [beforeTitle, afterTitle] = [indexHtml.slice(0, title.index), indexHtml.slice(title.index + title[0].length)];
  const head = afterTitle.replace(description[0], '');
  const bodyAt = head.indexOf(shell[0]);
  const middle = head.slice(0, bodyAt);
  const tail = head.slice(bodyAt + shell[0].length);
  const scripts = inlineScripts(indexHtml).map(sha256);
  const csp = contentSecurityPolicy(scripts, imageOrigins);
  return {
    csp,
    render(page, origin, path) {
      return [
        beforeTitle,
        headHtml(page.head, origin, path, siteTags),
        middle,
        `\n    <div id="root">${page.html}</div>`,
        `\n    <script type="application/json" id="${SERVER_STATE_ID}">${scriptJson(page.state)}</script>`,
        tail,
      ].join('');
    },
  };
}
