/**
 * A post's `content.rendered` → the contract's typed body blocks. Paragraphs,
 * headings, quotes and images become their own blocks; lists, tables, code and
 * anything else become sanitized `html` blocks; embeds become a plain link to what
 * was embedded (no frames or scripts reach the reader); layout wrappers (groups,
 * columns) are read through; shortcodes WordPress left unrendered are removed.
 */
import { rich } from '../../../src/lib/api/richText.ts';
import type { Block } from '../../../src/lib/api/schemas.ts';
import { escapeHtml, normaliseSpace, parseFragment, safeUrl, sanitize } from './html.ts';

/** Width, height and alt of an attachment, looked up when the markup lacks them. */
export interface MediaSize {
  width: number;
  height: number;
  alt: string;
}

export interface BodyContext {
  /** The site's address, for relative links and image paths. */
  base: string;
  /** Attachment id → its size (from `/wp/v2/media`), for `<img class="wp-image-N">` without width/height. */
  media: ReadonlyMap<number, MediaSize>;
}

// `[caption …]`, `[/caption]`, `[gallery …]` and friends, as left in content by a theme or plugin that did not render them.
const SHORTCODE =
  /\[\/?(?:caption|wp_caption|gallery|embed|video|audio|playlist|contact-form(?:-7)?|vc_[a-z_]+|et_pb_[a-z_]+)(?:\s[^\]]*)?\]/gi;

// An unrendered `[caption]<img …> Text[/caption]`: the picture, then its caption.
const CAPTION = /\[caption[^\]]*\]\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*?)\[\/caption\]/gi;

export function stripShortcodes(html: string): string {
  return html
    .replace(
      CAPTION,
      (_match, picture: string, caption: string) =>
        `<figure>${picture}<figcaption>${caption.trim()}</figcaption></figure>`,
    )
    .replace(SHORTCODE, '');
}

/** Attachment ids named by `wp-image-N` classes whose `<img>` lacks a usable width or height. */
export function mediaIdsWithoutSize(html: string): number[] {
  const ids = new Set<number>();
  for (const img of Array.from(parseFragment(html).querySelectorAll('img'))) {
    if (dimension(img.getAttribute('width')) && dimension(img.getAttribute('height'))) continue;
    const id = attachmentId(img);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}

function attachmentId(img: Element): number | null {
  const match = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.getAttribute('class') ?? '');
  return match ? Number(match[1]) : null;
}

function dimension(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
// Elements that only lay out other blocks: read what is inside.
const WRAPPERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'CENTER', 'SPAN']);
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'FORM', 'HR', 'BR', 'BUTTON']);

function imageBlock(img: Element, caption: string | null, context: BodyContext): Block | null {
  const src = safeUrl(img.getAttribute('src'), context.base);
  if (!src) return null;
  const id = attachmentId(img);
  const known = id !== null ? context.media.get(id) : undefined;
  const width = dimension(img.getAttribute('width')) ?? known?.width ?? null;
  const height = dimension(img.getAttribute('height')) ?? known?.height ?? null;
  const alt = normaliseSpace(img.getAttribute('alt') ?? '') || known?.alt || '';
  if (width === null || height === null) {
    // The contract's image block needs a size; without one the picture still shows as markup.
    return { type: 'html', html: sanitize(`<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`) };
  }
  return { type: 'image', src, alt, width, height, caption: caption ? rich(caption) : null, href: null };
}

/** The address an embed block points at: its link, its frame's source, or the URL WordPress left as text. */
function embedUrl(element: Element, base: string): string | null {
  const link = element.querySelector('a[href]')?.getAttribute('href');
  const frame = element.querySelector('iframe[src], video[src], audio[src], source[src]')?.getAttribute('src');
  const text = normaliseSpace(element.querySelector('.wp-block-embed__wrapper')?.textContent ?? '');
  const fromText = /^https?:\/\/\S+$/.test(text) ? text : null;
  return safeUrl(fromText ?? link ?? frame ?? null, base);
}

function linkBlock(url: string, label: string): Block {
  return { type: 'html', html: sanitize(`<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`) };
}

function embedLabel(element: Element, url: string): string {
  const className = element.getAttribute('class') ?? '';
  const provider = (/\bis-provider-([a-z0-9-]+)/.exec(className) ??
    /\bwp-block-embed-([a-z0-9-]+)/.exec(className))?.[1];
  const caption = normaliseSpace(element.querySelector('figcaption')?.textContent ?? '');
  if (caption) return caption;
  const host = new URL(url).hostname.replace(/^www\./, '');
  const name = provider && provider !== 'wordpress' ? provider.replace(/-/g, ' ') : host;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${url}`;
}

function isEmbed(element: Element): boolean {
  const className = element.getAttribute('class') ?? '';
  return /\bwp-block-embed\b/.test(className) || /\bwp-embedded-content\b/.test(className);
}

function quoteBlock(element: Element): Block | null {
  const cite = element.querySelector('cite');
  let attribution = cite ? normaliseSpace(cite.textContent ?? '') : '';
  cite?.remove();
  const paragraphs = Array.from(element.querySelectorAll('p'));
  const texts = paragraphs.map((p) => normaliseSpace(p.textContent ?? '')).filter(Boolean);
  const text = texts.length > 0 ? texts.join('\n') : normaliseSpace(element.textContent ?? '');
  if (!text) return null;
  if (!attribution && texts.length > 0) {
    // A tweet's "— Name (@handle) date" follows its paragraph, without a <cite>.
    for (const p of paragraphs) p.remove();
    attribution = normaliseSpace(element.textContent ?? '');
  }
  const by = attribution.replace(/^[—–-]\s*/, '');
  return { type: 'quote', text: rich(text), attribution: by ? rich(by) : null, pull: false };
}

function hasLink(element: Element): boolean {
  return Array.from(element.querySelectorAll('a[href]')).some((a) => safeUrl(a.getAttribute('href')) !== null);
}

function htmlBlock(element: Element): Block | null {
  const html = sanitize(element.outerHTML);
  const text = normaliseSpace(parseFragment(html).textContent ?? '');
  return text || /<img\b/.test(html) ? { type: 'html', html } : null;
}

function figureCaption(element: Element): string | null {
  const caption = element.querySelector('figcaption, .wp-caption-text, .gallery-caption');
  return caption ? normaliseSpace(caption.textContent ?? '') || null : null;
}

function fromElement(element: Element, context: BodyContext, out: Block[]): void {
  const tag = element.tagName;
  if (DROPPED.has(tag)) return;
  if (isEmbed(element)) {
    // A tweet or post embedded as a blockquote keeps its words; the link says where it is from.
    const quoted = element.querySelector('blockquote');
    const quote = quoted ? quoteBlock(quoted.cloneNode(true) as Element) : null;
    if (quote) out.push(quote);
    const url = embedUrl(element, context.base);
    if (url) out.push(linkBlock(url, embedLabel(element, url)));
    return;
  }
  if (tag === 'IFRAME' || tag === 'VIDEO' || tag === 'AUDIO' || tag === 'OBJECT' || tag === 'EMBED') {
    const url = safeUrl(
      element.getAttribute('src') ?? element.querySelector('source[src]')?.getAttribute('src'),
      context.base,
    );
    if (url) out.push(linkBlock(url, url));
    return;
  }
  if (HEADINGS.has(tag)) {
    const text = normaliseSpace(element.textContent ?? '');
    if (text) out.push({ type: 'heading', text: rich(text), level: 2 });
    return;
  }
  if (tag === 'BLOCKQUOTE') {
    const block = quoteBlock(element);
    if (block) out.push(block);
    return;
  }
  if (tag === 'IMG') {
    const block = imageBlock(element, null, context);
    if (block) out.push(block);
    return;
  }
  if (tag === 'FIGURE' || (tag === 'DIV' && /\bwp-caption\b|\bgallery\b/.test(element.getAttribute('class') ?? ''))) {
    const quote = element.querySelector('blockquote');
    if (quote) {
      const block = quoteBlock(quote);
      if (block) out.push(block);
      return;
    }
    const images = Array.from(element.querySelectorAll('img'));
    if (images.length === 1 && images[0]) {
      const block = imageBlock(images[0], figureCaption(element), context);
      if (block) out.push(block);
      return;
    }
    if (images.length > 1) {
      // A gallery: each picture with its own caption, if it has one.
      for (const img of images) {
        const item = img.closest('figure, .gallery-item, li');
        const caption = item && item !== element ? figureCaption(item) : null;
        const block = imageBlock(img, caption, context);
        if (block) out.push(block);
      }
      return;
    }
    // A table, an audio player, a code figure: the children say what it is.
    for (const child of Array.from(element.children)) fromElement(child, context, out);
    return;
  }
  if (tag === 'P') {
    for (const media of Array.from(element.querySelectorAll('iframe, video, audio, object, embed'))) {
      fromElement(media, context, out);
      media.remove();
    }
    const images = Array.from(element.querySelectorAll('img'));
    for (const img of images) {
      const block = imageBlock(img, null, context);
      if (block) out.push(block);
      img.remove();
    }
    const text = normaliseSpace(element.textContent ?? '');
    if (!text) return;
    // A URL alone on a line is an embed WordPress could not resolve: a link reads better than the bare text.
    const bare = /^https?:\/\/\S+$/.test(text) ? safeUrl(text) : null;
    if (bare) {
      out.push(linkBlock(bare, bare));
      return;
    }
    // A paragraph's links matter to the story; plain text would lose them.
    if (hasLink(element)) {
      const block = htmlBlock(element);
      if (block) out.push(block);
    } else {
      out.push({ type: 'paragraph', text: rich(text) });
    }
    return;
  }
  if (WRAPPERS.has(tag)) {
    fromNodes(element.childNodes, context, out);
    return;
  }
  const block = htmlBlock(element);
  if (block) out.push(block);
}

function fromNodes(nodes: NodeListOf<ChildNode>, context: BodyContext, out: Block[]): void {
  let loose = '';
  const flush = () => {
    const text = normaliseSpace(loose);
    if (text) out.push({ type: 'paragraph', text: rich(text) });
    loose = '';
  };
  for (const node of Array.from(nodes)) {
    if (node.nodeType === 3) {
      loose += node.textContent ?? '';
    } else if (node.nodeType === 1) {
      const element = node as Element;
      // Inline markup between blocks (a stray <strong>, an <a>) joins the loose text.
      if (['A', 'STRONG', 'EM', 'B', 'I', 'SMALL', 'MARK', 'CODE'].includes(element.tagName)) {
        loose += element.textContent ?? '';
        continue;
      }
      flush();
      fromElement(element, context, out);
    }
  }
  flush();
}

export function bodyBlocks(html: string, context: BodyContext): Block[] {
  const out: Block[] = [];
  const fragment = parseFragment(stripShortcodes(html));
  // Code is never content: without this, a script inside a <p> would come out as its text.
  for (const element of Array.from(fragment.querySelectorAll('script, style, noscript, template'))) element.remove();
  fromNodes(fragment.childNodes, context, out);
  return out;
}
