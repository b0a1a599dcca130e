/**
 * A post's `content.rendered` → the contract's typed body blocks. Text keeps its inline
 * formatting as rich text (inline.ts); lists, tables, code, media, embeds, details and
 * footnotes become blocks of their own; layout wrappers (groups, columns, covers) are
 * read through in reading order; shortcodes WordPress left unrendered are removed. No
 * markup leaves the server except MathML, sanitized, in an `html` block.
 */
import type { Inline, RichText } from '../../../src/lib/api/richText.ts';
import type { Block, ListData, TableCell } from '../../../src/lib/api/schemas.ts';
import { parseFragment } from '../../dom.ts';
import { normaliseSpace, safeUrl, sanitize } from './html.ts';
import { inlineOf, linkHref, preformattedOf, textOf } from './inline.ts';

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

const hasClass = (element: Element, name: string) => element.classList.contains(name);
const tagOf = (node: Node) => (node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '');

// Elements that are never content.
const DROPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'SVG', 'INPUT']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MEDIA = new Set(['IFRAME', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED']);
// Elements that start a block of their own; anything else between them is part of a run of text.
const BLOCK_TAGS = new Set([
  ...HEADINGS,
  ...MEDIA,
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'HEADER',
  'HR',
  'IMG',
  'LI',
  'MAIN',
  'MATH',
  'NAV',
  'OL',
  'P',
  'PICTURE',
  'PRE',
  'SECTION',
  'SELECT',
  'TABLE',
  'UL',
]);
const BLOCK_SELECTOR = [...BLOCK_TAGS].map((tag) => tag.toLowerCase()).join(',');

function isBlockish(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return BLOCK_TAGS.has(tagOf(element)) || element.querySelector(BLOCK_SELECTOR) !== null;
}

const PROVIDERS: Record<string, string> = {
  youtube: 'YouTube',
  'youtu.be': 'YouTube',
  twitter: 'X',
  x: 'X',
  instagram: 'Instagram',
  vimeo: 'Vimeo',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  soundcloud: 'SoundCloud',
  spotify: 'Spotify',
  flickr: 'Flickr',
};

/** Who hosts an embed: from WordPress's provider class, else from the address's host. */
function providerOf(url: string, element?: Element): string | null {
  const className = element?.getAttribute('class') ?? '';
  const slug = (/\bis-provider-([a-z0-9-]+)/.exec(className) ?? /\bwp-block-embed-([a-z0-9-]+)/.exec(className))?.[1];
  if (slug && PROVIDERS[slug]) return PROVIDERS[slug];
  const host = new URL(url).hostname.replace(/^(www|m|mobile)\./, '');
  if (host === 'youtu.be') return 'YouTube';
  const name = host.split('.').slice(-2, -1)[0] ?? '';
  return PROVIDERS[name] ?? null;
}

const BARE_URL = /^https?:\/\/\S+$/;

class Builder {
  readonly out: Block[] = [];
  readonly context: BodyContext;
  constructor(context: BodyContext) {
    this.context = context;
  }

  rich(nodes: Iterable<Node>, skip?: (element: Element) => boolean): RichText {
    return inlineOf(nodes, this.context.base, skip);
  }

  /** A run of loose inline nodes is one paragraph, however many elements it spans. */
  paragraph(nodes: Node[]): void {
    const text = this.rich(nodes);
    const words = normaliseSpace(textOf(text));
    if (!words) return;
    // A URL alone is an embed WordPress could not resolve: a link card reads better than the bare text.
    const only = text.length === 1 ? text[0] : undefined;
    const bare = typeof only === 'string' && BARE_URL.test(words) ? safeUrl(words) : null;
    if (bare) {
      this.out.push({ type: 'embed', url: bare, provider: providerOf(bare), title: null, caption: null });
      return;
    }
    this.out.push({ type: 'paragraph', text });
  }

  /** Children in order: inline runs become paragraphs, block elements their blocks. */
  flow(nodes: Iterable<Node>): void {
    let run: Node[] = [];
    const flush = () => {
      if (run.length > 0) this.paragraph(run);
      run = [];
    };
    for (const node of nodes) {
      if (node.nodeType === 3) {
        run.push(node);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const element = node as Element;
      if (DROPPED.has(tagOf(element))) continue;
      if (!isBlockish(element)) {
        run.push(element);
        continue;
      }
      flush();
      const image = tagOf(element) === 'A' ? linkedImage(element) : null;
      if (image) this.image(image, null);
      else if (BLOCK_TAGS.has(tagOf(element))) this.element(element);
      // An inline element (a link, a span) around blocks: its blocks, in order.
      else this.flow(element.childNodes);
    }
    flush();
  }

  element(element: Element): void {
    const tag = tagOf(element);
    const className = element.getAttribute('class') ?? '';
    if (/\bwp-block-embed\b|\bwp-embedded-content\b/.test(className)) {
      // WordPress's own post embeds come as a blockquote and an iframe of the same post: one card.
      const last = this.out[this.out.length - 1];
      if (tag === 'IFRAME' && last?.type === 'embed') return;
      return this.embed(element);
    }
    if (hasClass(element, 'wp-block-file')) return this.file(element);
    if (hasClass(element, 'wp-block-footnotes')) return this.footnotes(element);
    if (hasClass(element, 'wp-video') || hasClass(element, 'wp-block-video')) return this.mediaIn(element);
    if (hasClass(element, 'wp-block-audio')) return this.mediaIn(element);
    if (hasClass(element, 'wp-block-math')) return this.flow(element.childNodes);
    if (/\bwp-caption\b/.test(className) || /(?:^|\s)gallery(?:\s|$)/.test(className)) return this.figure(element);
    if (HEADINGS.has(tag)) {
      const text = this.rich(element.childNodes);
      if (textOf(text).trim()) this.out.push({ type: 'heading', text, level: Math.max(2, Number(tag[1])) });
      return;
    }
    switch (tag) {
      case 'P':
        return this.flow(element.childNodes);
      case 'BLOCKQUOTE':
        return this.quote(element, hasClass(element, 'wp-block-pullquote'));
      case 'FIGURE':
        return this.figure(element);
      case 'IMG':
        return this.image(element, null);
      case 'PICTURE': {
        const img = element.querySelector('img');
        return img ? this.image(img, null) : undefined;
      }
      case 'UL':
      case 'OL': {
        if (isLayoutList(element)) return this.flow(element.childNodes);
        const list = this.list(element);
        if (list.items.length > 0) this.out.push({ type: 'list', ...list });
        return;
      }
      case 'DL':
        return this.definitions(element);
      case 'SELECT':
        return this.select(element);
      case 'TABLE':
        return this.table(element, null);
      case 'PRE':
        return this.pre(element);
      case 'HR':
        this.out.push({ type: 'separator' });
        return;
      case 'DETAILS':
        return this.details(element);
      case 'MATH':
        return this.math(element);
      case 'IFRAME':
      case 'VIDEO':
      case 'AUDIO':
      case 'OBJECT':
      case 'EMBED':
        return this.media(element);
      default:
        // Wrappers (div, section, columns, groups, covers) and anything unknown: what is inside.
        return this.flow(element.childNodes);
    }
  }

  imageData(img: Element, caption: RichText | null) {
    const src = secure(safeUrl(img.getAttribute('src'), this.context.base), this.context.base);
    if (!src) return null;
    const id = attachmentId(img);
    const known = id !== null ? this.context.media.get(id) : undefined;
    const width = dimension(img.getAttribute('width')) ?? known?.width ?? null;
    const height = dimension(img.getAttribute('height')) ?? known?.height ?? null;
    const alt = normaliseSpace(img.getAttribute('alt') ?? '') || known?.alt || '';
    const link = img.closest('a[href]');
    const href = link ? linkHref(link.getAttribute('href'), this.context.base) : null;
    // Both sizes or neither: a box with one side known would be drawn wrong.
    const sized = width !== null && height !== null;
    return {
      src,
      alt,
      width: sized ? width : null,
      height: sized ? height : null,
      caption: caption && caption.length > 0 ? caption : null,
      href,
    };
  }

  /** A picture; one that cannot be shown (a `data:` URL) still leaves its caption. */
  image(img: Element, caption: RichText | null): void {
    const data = this.imageData(img, caption);
    if (data) this.out.push({ type: 'image', ...data });
    else if (caption && textOf(caption).trim()) this.out.push({ type: 'paragraph', text: caption });
  }

  captionOf(element: Element): RichText | null {
    const caption = Array.from(element.children).find(
      (child) =>
        tagOf(child) === 'FIGCAPTION' ||
        hasClass(child, 'wp-caption-text') ||
        hasClass(child, 'gallery-caption') ||
        hasClass(child, 'blocks-gallery-caption'),
    );
    if (!caption) return null;
    const text = this.rich(caption.childNodes);
    return textOf(text).trim() ? text : null;
  }

  figure(element: Element): void {
    const className = element.getAttribute('class') ?? '';
    const caption = this.captionOf(element);
    if (
      hasClass(element, 'wp-block-pullquote') ||
      (element.querySelector('blockquote') && tagOf(element) === 'FIGURE')
    ) {
      const quote = element.querySelector('blockquote');
      if (quote) return this.quote(quote, hasClass(element, 'wp-block-pullquote'), caption);
    }
    const table = element.querySelector('table');
    if (table) return this.table(table, caption);
    const media = element.querySelector('video, audio');
    if (media) return this.media(media, caption);
    const images = Array.from(element.querySelectorAll('img'));
    const gallery =
      images.length > 1 || /\bwp-block-gallery\b|(?:^|\s)gallery(?:\s|$)/.test(className) || images.length === 0;
    if (!gallery) return this.image(images[0]!, caption);
    if (images.length === 0) {
      // A code figure, an empty gallery: what is inside, then its caption.
      this.flow(Array.from(element.childNodes).filter((child) => !isCaption(child)));
      if (caption) this.out.push({ type: 'paragraph', text: caption });
      return;
    }
    const items: NonNullable<ReturnType<Builder['imageData']>>[] = [];
    const lost: RichText[] = [];
    for (const img of images) {
      const item = img.closest('figure, .gallery-item, li, dl');
      const own = item && item !== element && element.contains(item) ? this.captionOf(item) : null;
      const data = this.imageData(img, own);
      if (data) items.push(data);
      else if (own) lost.push(own);
    }
    if (items.length > 0) this.out.push({ type: 'gallery', images: items, caption });
    else if (caption) lost.push(caption);
    for (const text of lost) this.out.push({ type: 'paragraph', text });
  }

  quote(element: Element, pull: boolean, outerCaption: RichText | null = null): void {
    const copy = element.cloneNode(true) as Element;
    const citation = Array.from(copy.children).find(
      (child) =>
        tagOf(child) === 'CITE' ||
        tagOf(child) === 'FOOTER' ||
        (tagOf(child) === 'P' &&
          child.children.length === 1 &&
          tagOf(child.children[0]!) === 'CITE' &&
          normaliseSpace(child.textContent ?? '') === normaliseSpace(child.children[0]!.textContent ?? '')),
    );
    let attribution: RichText | null = citation ? this.rich(citation.childNodes) : outerCaption;
    citation?.remove();
    const inner = new Builder(this.context);
    const paragraphs = Array.from(copy.children).filter((child) => tagOf(child) === 'P');
    if (!attribution && paragraphs.length > 0 && hasClass(copy, 'twitter-tweet')) {
      // A tweet's "— Name (@handle) date" follows its paragraphs, without a <cite>.
      inner.flow(paragraphs);
      for (const p of paragraphs) p.remove();
      attribution = this.rich(copy.childNodes);
    } else inner.flow(copy.childNodes);
    const parts = inner.out.flatMap(textsOf).filter((text) => textOf(text).trim());
    if (parts.length === 0) return;
    const text: Inline[] = [];
    parts.forEach((part, index) => {
      if (index > 0) text.push('\n\n');
      text.push(...part);
    });
    if (attribution && typeof attribution[0] === 'string') {
      attribution = [attribution[0].replace(/^[—–-]\s*/, ''), ...attribution.slice(1)].filter((node) => node !== '');
    }
    this.out.push({
      type: 'quote',
      text,
      attribution: attribution && textOf(attribution).trim() ? attribution : null,
      pull,
    });
  }

  list(element: Element): ListData {
    const items: ListData['items'] = [];
    for (const li of Array.from(element.children)) {
      if (tagOf(li) !== 'LI') continue;
      const nested = Array.from(li.children).filter((child) => tagOf(child) === 'UL' || tagOf(child) === 'OL');
      const text = this.rich(li.childNodes, (child) => nested.includes(child));
      let list: ListData | null = null;
      for (const child of nested) {
        const sub = this.list(child);
        if (list) list.items.push(...sub.items);
        else list = sub;
      }
      if (textOf(text).trim() || list) items.push({ text, list });
    }
    const start = tagOf(element) === 'OL' ? Number.parseInt(element.getAttribute('start') ?? '', 10) : NaN;
    return { ordered: tagOf(element) === 'OL', start: Number.isInteger(start) ? start : null, items };
  }

  /** A drop-down (an archive widget's months): its choices as a list, linked when they are addresses. */
  select(element: Element): void {
    const items: ListData['items'] = [];
    for (const option of Array.from(element.querySelectorAll('option'))) {
      const label = normaliseSpace(option.textContent ?? '');
      const value = option.getAttribute('value') ?? '';
      if (!label || value === '') continue;
      const href = /^https?:/.test(value) ? linkHref(value, this.context.base) : null;
      items.push({ text: href ? [{ type: 'link', href, id: null, children: [label] }] : [label], list: null });
    }
    if (items.length > 0) this.out.push({ type: 'list', ordered: false, start: null, items });
  }

  /** A definition list: each term in bold, each definition a paragraph under it. */
  definitions(element: Element): void {
    for (const child of Array.from(element.children)) {
      const text = this.rich(child.childNodes);
      if (!textOf(text).trim()) continue;
      this.out.push({ type: 'paragraph', text: tagOf(child) === 'DT' ? [{ type: 'strong', children: text }] : text });
    }
  }

  table(table: Element, outerCaption: RichText | null): void {
    const captionElement = Array.from(table.children).find((child) => tagOf(child) === 'CAPTION');
    const caption = captionElement ? this.rich(captionElement.childNodes) : outerCaption;
    const rows = (section: Element) =>
      Array.from(section.children)
        .filter((row) => tagOf(row) === 'TR')
        .map((row) =>
          Array.from(row.children)
            .filter((cell) => tagOf(cell) === 'TD' || tagOf(cell) === 'TH')
            .map((cell): TableCell => ({
              text: this.rich(cell.childNodes),
              header: tagOf(cell) === 'TH',
              colSpan: span(cell.getAttribute('colspan')),
              rowSpan: span(cell.getAttribute('rowspan')),
            })),
        );
    const head: TableCell[][] = [];
    const body: TableCell[][] = [];
    const foot: TableCell[][] = [];
    for (const child of Array.from(table.children)) {
      const tag = tagOf(child);
      if (tag === 'THEAD') head.push(...rows(child));
      else if (tag === 'TFOOT') foot.push(...rows(child));
      else if (tag === 'TBODY') body.push(...rows(child));
    }
    body.push(...rows(table));
    if (head.length + body.length + foot.length === 0) return;
    this.out.push({ type: 'table', caption: caption && textOf(caption).trim() ? caption : null, head, body, foot });
  }

  pre(element: Element): void {
    const className = element.getAttribute('class') ?? '';
    const onlyChild = element.children.length === 1 ? element.children[0] : undefined;
    const code =
      onlyChild &&
      tagOf(onlyChild) === 'CODE' &&
      normaliseSpace(element.textContent ?? '') === normaliseSpace(onlyChild.textContent ?? '')
        ? onlyChild
        : null;
    if (code || hasClass(element, 'wp-block-code')) {
      const language = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(
        `${className} ${code?.getAttribute('class') ?? ''}`,
      );
      const text = rawText(code ?? element);
      if (text.trim()) this.out.push({ type: 'code', text, language: language?.[1] ?? null });
      return;
    }
    // Preformatted text and verse: rich text with its spaces and line breaks.
    const text = preformattedOf(element, this.context.base);
    if (textOf(text).trim()) this.out.push({ type: 'preformatted', text });
  }

  details(element: Element): void {
    const summaryElement = Array.from(element.children).find((child) => tagOf(child) === 'SUMMARY');
    const summary = summaryElement ? this.rich(summaryElement.childNodes) : [];
    const inner = new Builder(this.context);
    inner.flow(Array.from(element.childNodes).filter((child) => child !== summaryElement));
    const paragraphs = inner.out.flatMap(textsOf).filter((text) => textOf(text).trim());
    if (textOf(summary).trim() || paragraphs.length > 0) {
      this.out.push({ type: 'details', summary: textOf(summary).trim() ? summary : ['Details'], paragraphs });
    }
  }

  /** Gutenberg's footnotes list; the body's `sup.fn` links point at each item's id. */
  footnotes(element: Element): void {
    const items = Array.from(element.querySelectorAll('li')).map((li) => ({
      id: li.getAttribute('id') ?? '',
      text: this.rich(li.childNodes),
    }));
    const kept = items.filter((item) => textOf(item.text).trim());
    if (kept.length > 0) this.out.push({ type: 'footnotes', items: kept });
  }

  /** MathML, sanitized (DOMPurify's MathML profile); its text when nothing survives. */
  math(element: Element): void {
    const html = sanitize(element.outerHTML);
    if (/<math\b/.test(html) && normaliseSpace(parseFragment(html).textContent ?? '')) {
      this.out.push({ type: 'html', html });
      return;
    }
    const text = normaliseSpace(element.textContent ?? '');
    if (text) this.out.push({ type: 'paragraph', text: [text] });
  }

  /** A file block: its link and its download button as links in one paragraph, apart. */
  file(element: Element): void {
    const links = Array.from(element.querySelectorAll('a'));
    const text: Inline[] = [];
    for (const link of links) {
      const part = this.rich([link]);
      if (!textOf(part).trim()) continue;
      if (text.length > 0) text.push(' ');
      text.push(...part);
    }
    if (text.length > 0) this.out.push({ type: 'paragraph', text });
  }

  mediaIn(element: Element): void {
    const media = element.querySelector('video, audio, iframe, object, embed');
    if (media) this.media(media, this.captionOf(element));
    else this.flow(element.childNodes);
  }

  media(element: Element, caption: RichText | null = null): void {
    const base = this.context.base;
    const tag = tagOf(element);
    const src = secure(
      safeUrl(
        element.getAttribute('src') ??
          element.getAttribute('data') ??
          element.querySelector('source[src]')?.getAttribute('src'),
        base,
      ),
      base,
    );
    const fallback = () => {
      // What the player's fallback content says, when there is no address to play.
      const text = this.rich(element.childNodes);
      if (textOf(text).trim()) this.out.push({ type: 'paragraph', text });
      else if (caption) this.out.push({ type: 'paragraph', text: caption });
    };
    if (!src) return fallback();
    const track = element.querySelector('track[kind="captions"][src], track[kind="subtitles"][src], track[src]');
    const subtitles = secure(safeUrl(track?.getAttribute('src'), base), base);
    if (tag === 'VIDEO') {
      this.out.push({
        type: 'video',
        src,
        poster: secure(safeUrl(element.getAttribute('poster'), base), base),
        width: dimension(element.getAttribute('width')),
        height: dimension(element.getAttribute('height')),
        duration: null,
        subtitles,
        caption,
      });
    } else if (tag === 'AUDIO') {
      this.out.push({ type: 'audio', src, duration: null, subtitles, caption });
    } else {
      const title = normaliseSpace(element.getAttribute('title') ?? '') || null;
      this.out.push({ type: 'embed', url: src, provider: providerOf(src), title, caption });
    }
  }

  /** An embed: a tweet keeps its words as a quote; the card links to the original. */
  embed(element: Element): void {
    const caption = this.captionOf(element);
    const quoted = element.querySelector('blockquote');
    if (quoted) this.quote(quoted, false);
    const wrapper = element.querySelector('.wp-block-embed__wrapper') ?? element;
    const text = normaliseSpace(wrapper.textContent ?? '');
    const frame = element.querySelector('iframe[src]');
    // A tweet's own address is its last link (the date); the ones before are in its text.
    const link =
      (quoted ? Array.from(quoted.querySelectorAll('a[href]')).pop() : null) ?? element.querySelector('a[href]');
    const url =
      safeUrl(BARE_URL.test(text) ? text : null) ??
      safeUrl(link?.getAttribute('href'), this.context.base) ??
      safeUrl(frame?.getAttribute('src'), this.context.base);
    if (!url) {
      if (!quoted) this.flow(element.childNodes);
      return;
    }
    const title =
      normaliseSpace(frame?.getAttribute('title') ?? '') || (!quoted && text && !BARE_URL.test(text) ? text : null);
    this.out.push({ type: 'embed', url, provider: providerOf(url, element), title, caption });
  }
}

function isCaption(node: Node): boolean {
  return (
    tagOf(node) === 'FIGCAPTION' ||
    (node.nodeType === 1 &&
      /\b(?:wp-caption-text|gallery-caption)\b/.test((node as Element).getAttribute('class') ?? ''))
  );
}

// What a list item's text cannot carry: a list holding these is layout, read as blocks so they
// are not lost. Headings can: a query loop's post titles stay items of its list.
const LAYOUT_IN_ITEM = 'figure, table, blockquote, pre, img, video, audio, iframe';

function isLayoutList(list: Element): boolean {
  return Array.from(list.children).some(
    (item) =>
      tagOf(item) === 'LI' &&
      Array.from(item.querySelectorAll(LAYOUT_IN_ITEM)).some((found) => found.closest('ul, ol') === list),
  );
}

/** A link around a single picture (and nothing else to read): the picture, linked. */
function linkedImage(link: Element): Element | null {
  const images = link.querySelectorAll('img');
  if (images.length !== 1 || normaliseSpace(link.textContent ?? '')) return null;
  return images[0] ?? null;
}

/**
 * Pictures and media from other sites (avatars) on plain http are asked over https: the
 * reader's page is https, and its policy allows other origins' only on https.
 */
function secure(src: string | null, base: string): string | null {
  if (!src?.startsWith('http:')) return src;
  const url = new URL(src);
  if (url.host === new URL(base).host) return src;
  url.protocol = 'https:';
  return url.toString();
}

function span(value: string | null): number | null {
  const number = dimension(value);
  return number !== null && number > 1 ? Math.min(number, 1000) : null;
}

/** Text of code as written: line breaks from `<br>` too. */
function rawText(element: Element): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (tagOf(node) === 'BR') text += '\n';
    else if (node.nodeType === 1) text += rawText(node as Element);
  }
  return text;
}

/** The rich text a block holds, for blocks read into a quote or a details block. */
function textsOf(block: Block): RichText[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
    case 'preformatted':
      return [block.text];
    case 'list': {
      const lines = (items: ListData['items']): RichText[] =>
        items.flatMap((item) => [item.text, ...(item.list ? lines(item.list.items) : [])]);
      return lines(block.items);
    }
    case 'code':
      return [[{ type: 'code', children: [block.text] }]];
    case 'image':
      return block.caption ? [block.caption] : [];
    case 'table':
      return [...block.head, ...block.body, ...block.foot].map((row) =>
        row.flatMap((cell, index) => (index > 0 ? [' · ', ...cell.text] : cell.text)),
      );
    case 'details':
      return [block.summary, ...block.paragraphs];
    case 'embed':
      return [[{ type: 'link', href: block.url, id: null, children: [block.title ?? block.url] }]];
    default:
      return [];
  }
}

export function bodyBlocks(html: string, context: BodyContext): Block[] {
  const fragment = parseFragment(stripShortcodes(html));
  // Code is never content: without this, a script inside a <p> would come out as its text.
  for (const element of Array.from(fragment.querySelectorAll('script, style, noscript, template'))) element.remove();
  const builder = new Builder(context);
  builder.flow(Array.from(fragment.childNodes));
  return builder.out;
}
