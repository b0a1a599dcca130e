/**
 * Lite pages: when the browser asks to save data (`Save-Data: on`) or the reader chose the lite
 * version (a cookie), pages are sent as text, with no script at all and pictures as links that
 * load on tap. An article is a few KB compressed instead of the app's few hundred.
 */
import { apiKeys } from './surrogateKeys';
import { createHash } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { RichText as RichTextView } from '../src/features/article/RichText';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { storySchema, type Story } from '../src/features/article/api/story';
import { feedPageSchema, type FeedParams } from '../src/features/feeds/api/feed';
import { blockText } from '../src/lib/api/blockText';
import { plainText, safeHref, type RichText } from '../src/lib/api/richText';
import type { Block, ListData, StoryCard } from '../src/lib/api/schemas';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { LITE_COOKIE, wantsLite } from '../src/lib/liteMode';
import { formatHouseTime } from '../src/lib/time';
import type { ContentSource } from './content/types';
import { SECURITY_HEADERS } from './csp';
import { escapeHtml } from './document';
import { negotiateEncoding } from './encoding';

/** Every page's answer depends on these request headers besides the encoding. */
export const LITE_VARY = 'Accept-Encoding, Save-Data, Cookie';
const CONTENT_ORIGIN = 'http://content.invalid';
const SITE_NAME = 'Devdiscourse Reader';
const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

const STYLE =
  ':root{color-scheme:light dark;font:18px/1.55 Georgia,serif;color:light-dark(#111,#eee);background:light-dark(#fff,#121212)}' +
  'body{max-width:40em;margin:0 auto;padding:0 1em}' +
  'header,footer,.meta{font:15px/1.5 system-ui,sans-serif}header{padding:.6em 0;border-bottom:2px solid}' +
  'a{color:light-dark(#0b4f96,#9cc9ff)}li{margin:.4em 0}h1{line-height:1.2}pre{white-space:pre-wrap}' +
  'footer{margin:2em 0;border-top:1px solid;padding-top:.6em}blockquote{margin-left:1em;font-style:italic}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
/** Nothing runs: no script source at all; the one style by its hash. */
const LITE_CSP = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self' data: https:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Rich text through the article's own component: links and marks kept, escaped by React. */
const text = (rich: RichText | null) => (rich ? renderToStaticMarkup(createElement(RichTextView, { text: rich })) : '');
const articlePath = (slug: string) => `/article/${encodeURIComponent(slug)}`;

function listHtml(list: ListData): string {
  const tag = list.ordered ? 'ol' : 'ul';
  return `<${tag}>${list.items.map((item) => `<li>${text(item.text)}${item.list ? listHtml(item.list) : ''}</li>`).join('')}</${tag}>`;
}

/** A link to what the API names, only where it is a web or site address (never `javascript:`). */
function link(target: string, label: string): string {
  const href = safeHref(target);
  return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
}

/** A picture as a link to its file: nothing is downloaded until the reader taps it. */
function pictureLink(src: string, alt: string, caption: RichText | null): string {
  const label = alt || (caption ? plainText(caption) : '') || 'a picture';
  return `<p>${link(src, `Picture: ${escapeHtml(label)}`)}${caption ? ` — ${text(caption)}` : ''}</p>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${text(block.text)}</p>`;
    case 'heading':
      return `<h${block.level}>${text(block.text)}</h${block.level}>`;
    case 'quote':
      return `<blockquote><p>${text(block.text)}</p>${block.attribution ? `<p>— ${text(block.attribution)}</p>` : ''}</blockquote>`;
    case 'list':
      return listHtml(block);
    case 'image':
      return pictureLink(block.src, block.alt, block.caption);
    case 'gallery':
      return block.images.map((image) => pictureLink(image.src, image.alt, image.caption)).join('');
    case 'video':
    case 'audio':
      return `<p>${link(block.src, `${block.type === 'video' ? 'Video' : 'Audio'}${block.caption ? `: ${text(block.caption)}` : ''}`)}</p>`;
    case 'embed':
      return `<p>${link(block.url, escapeHtml(block.title ?? block.provider ?? block.url))}</p>`;
    case 'separator':
      return '<hr>';
    case 'code':
    case 'preformatted':
      return `<pre>${escapeHtml(blockText(block))}</pre>`;
    default: {
      const words = blockText(block).trim();
      return words ? `<p>${escapeHtml(words)}</p>` : '';
    }
  }
}

function storyList(stories: StoryCard[]): string {
  return `<ol>${mergeVersions(stories)
    .map(
      (story) =>
        `<li><a href="${articlePath(story.slug)}">${escapeHtml(story.headline)}</a><br><span class="meta">${story.source ? `${escapeHtml(story.source)} · ` : ''}${escapeHtml(formatHouseTime(story.publishedAt))}${story.versionCount > 1 ? ` · updated ${story.versionCount - 1}×` : ''}</span></li>`,
    )
    .join('')}</ol>`;
}

function articleHtml(story: Story): string {
  const meta = [story.source, story.sector?.name, story.edition.name].filter(Boolean).map((part) => escapeHtml(part!));
  return (
    `<article><h1>${escapeHtml(story.headline)}</h1>` +
    `<p class="meta">${meta.join(' · ')}<br>Updated <time datetime="${escapeHtml(story.updatedAt)}">${escapeHtml(formatHouseTime(story.updatedAt))}</time>${story.byline ? ` · By ${escapeHtml(story.byline)}` : ''}</p>` +
    (story.image ? pictureLink(story.image.src, story.image.alt, null) : '') +
    story.body.map(blockHtml).join('') +
    (story.versions.length > 0
      ? `<h2>Other versions</h2><ul>${story.versions.map((version) => `<li><a href="${articlePath(version.slug)}">${escapeHtml(version.headline)}</a></li>`).join('')}</ul>`
      : '') +
    (story.related.length > 0 ? `<h2>Related</h2>${storyList(story.related)}` : '') +
    '</article>'
  );
}

function documentHtml(title: string, main: string, path: string, origin: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">` +
    `<title>${escapeHtml(title)} | ${SITE_NAME}</title><link rel="canonical" href="${escapeHtml(origin + path)}"><style>${STYLE}</style></head>` +
    `<body><header><a href="/"><b>${SITE_NAME}</b></a> · <a href="/latest">Latest</a> · <a href="/trending">Trending</a> · lite version</header>` +
    `<main>${main}</main><footer><form method="post" action="/lite"><input type="hidden" name="mode" value="off">` +
    `<input type="hidden" name="return" value="${escapeHtml(path)}"><button>Full version, with pictures</button></form>` +
    '<p>You are reading the lite version: text only, no scripts, pictures on tap.</p></footer></body></html>'
  );
}

/** Which feed a list page shows (the app's routes), or null for a page lite does not have. */
function feedFor(pathname: string, search: URLSearchParams): { title: string; params: FeedParams } | null {
  const decode = (part: string) => decodeURIComponent(part);
  if (pathname === '/' || pathname === '/latest') return { title: 'Latest News', params: { feed: 'latest' } };
  if (pathname === '/trending') return { title: 'Trending', params: { feed: 'trending' } };
  if (pathname === '/opinion') return { title: 'Opinion / Blog / Interview', params: { feed: 'opinion' } };
  if (pathname === '/devshots') return { title: 'DevShots', params: { feed: 'devshots' } };
  const term = /^\/(sector|edition|tag)\/([^/]+)$/.exec(pathname);
  if (term) return { title: decode(term[2]!), params: { feed: 'latest', [term[1]!]: decode(term[2]!) } };
  const q = search.get('q')?.trim();
  if (pathname === '/search' && q) return { title: `Search: ${q}`, params: { feed: 'latest', q } };
  return null;
}

async function ask(source: ContentSource, path: string, timeoutMs: number): Promise<Response> {
  return source(
    new Request(`${CONTENT_ORIGIN}${path}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    }),
  );
}

/** The lite page for a URL: its status and HTML, or null when lite has no such page. */
export async function renderLitePage(
  url: URL,
  origin: string,
  source: ContentSource,
  timeoutMs: number,
): Promise<{ status: number; html: string; keys: string[] } | null> {
  const article = /^\/article\/([^/]+)$/.exec(url.pathname);
  if (article) {
    const response = await ask(source, `/stories/${article[1]}`, timeoutMs);
    if (response.status === 404) {
      return {
        status: 404,
        html: documentHtml('Story not found', '<h1>Story not found</h1>', url.pathname, origin),
        keys: apiKeys(`/stories/${article[1]}`, new URLSearchParams(), null),
      };
    }
    const raw: unknown = response.ok ? await response.json() : null;
    const parsed = response.ok ? storySchema.safeParse(raw) : null;
    if (!parsed?.success) return null;
    return {
      status: 200,
      html: documentHtml(parsed.data.headline, articleHtml(parsed.data), url.pathname, origin),
      // The same keys as the API answer it shows: a purge of the story reaches its lite copy too.
      keys: apiKeys(`/stories/${article[1]}`, new URLSearchParams(), raw),
    };
  }
  const feed = feedFor(url.pathname, url.searchParams);
  if (!feed) return null;
  const query = new URLSearchParams(
    Object.entries({ ...feed.params, limit: 30 }).map(([key, value]) => [key, String(value)]),
  );
  const response = await ask(source, `/stories?${query.toString()}`, timeoutMs);
  if (response.status === 404) {
    return {
      status: 404,
      html: documentHtml('Not found', '<h1>Not found</h1>', url.pathname, origin),
      keys: apiKeys('/stories', query, null),
    };
  }
  const raw: unknown = response.ok ? await response.json() : null;
  const parsed = response.ok ? feedPageSchema.safeParse(raw) : null;
  if (!parsed?.success) return null;
  const path = url.pathname + url.search;
  return {
    status: 200,
    html: documentHtml(feed.title, `<h1>${escapeHtml(feed.title)}</h1>${storyList(parsed.data.items)}`, path, origin),
    keys: apiKeys('/stories', query, raw),
  };
}

function send(c: Context, status: number, html: string, keyHeaders: Record<string, string>): Response {
  const body = Buffer.from(html);
  const encoding = negotiateEncoding(c.req.header('accept-encoding'));
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': LITE_CSP,
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': status === 200 ? CACHE_CONTROL : 'public, max-age=0, s-maxage=30',
    Vary: LITE_VARY,
    ...keyHeaders,
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  const sent =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(body)
        : body;
  return c.body(new Uint8Array(sent), status as 200, headers);
}

/** A path on this site to go back to (never another origin). */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/**
 * `POST /lite` (mode=on|off) remembers the reader's choice for a year; lite pages answer GETs
 * for the reader who wants them and leave every other request to the app's pages.
 */
export function registerLite(
  app: Hono,
  {
    source,
    originOf,
    requestTimeoutMs,
    keyHeaders,
  }: {
    source: ContentSource;
    originOf: (request: Request) => string;
    requestTimeoutMs: number;
    keyHeaders: (keys: readonly string[]) => Record<string, string>;
  },
): void {
  // A switch is two short fields: anything bigger is refused before it is read.
  app.post('/lite', bodyLimit({ maxSize: 2048 }), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const mode = form.mode === 'on' ? 'on' : 'off';
    c.header('Set-Cookie', `${LITE_COOKIE}=${mode}; Path=/; Max-Age=31536000; SameSite=Lax`);
    c.header('Cache-Control', 'no-store');
    return c.redirect(safeReturn(form.return), 303);
  });
  app.get('*', async (c, next) => {
    if (!wantsLite(c.req.header('cookie'), c.req.header('save-data'))) return next();
    const url = new URL(c.req.url);
    const page = await renderLitePage(url, originOf(c.req.raw), source, requestTimeoutMs).catch(() => null);
    if (!page) return next();
    return send(c, page.status, page.html, keyHeaders(page.keys));
  });
}
