/**
 * What of a WordPress post's rendered content the reader's article keeps: its words
 * (coverage) and, element by element, how many of WordPress's links, marks, captions,
 * separators, players, lists, tables, quotes and code blocks are in the article too.
 * Both sides are parsed with jsdom and counted the same way.
 */
import { JSDOM } from 'jsdom';

/** What is counted: a selector on WordPress's content and on the reader's article body. */
export const KINDS: { name: string; wordpress: string; reader: string }[] = [
  { name: 'links', wordpress: 'a[href]', reader: 'a[href]' },
  { name: 'em/i', wordpress: 'em, i', reader: 'em, i' },
  { name: 'strong/b', wordpress: 'strong, b', reader: 'strong, b' },
  { name: 'code (inline)', wordpress: ':not(pre) > code', reader: ':not(pre) > code' },
  { name: 'line breaks', wordpress: 'br', reader: 'br' },
  { name: 'sup/sub', wordpress: 'sup, sub', reader: 'sup, sub' },
  { name: 'del/s/strike', wordpress: 'del, s, strike', reader: 'del, s, strike' },
  { name: 'ins', wordpress: 'ins', reader: 'ins' },
  { name: 'kbd', wordpress: 'kbd', reader: 'kbd' },
  { name: 'abbr/acronym', wordpress: 'abbr, acronym', reader: 'abbr, acronym' },
  { name: 'q', wordpress: 'q', reader: 'q' },
  { name: 'captions', wordpress: 'figcaption, .wp-caption-text', reader: 'figcaption' },
  { name: 'separators', wordpress: 'hr', reader: 'hr' },
  { name: 'video', wordpress: 'video', reader: 'video' },
  { name: 'audio', wordpress: 'audio', reader: 'audio' },
  { name: 'lists', wordpress: 'ul, ol', reader: 'ul, ol' },
  { name: 'list items', wordpress: 'li', reader: 'li' },
  { name: 'tables', wordpress: 'table', reader: 'table' },
  { name: 'table cells', wordpress: 'td, th', reader: 'td, th' },
  { name: 'quotes', wordpress: 'blockquote', reader: 'blockquote' },
  { name: 'code blocks', wordpress: 'pre', reader: 'pre' },
  { name: 'images', wordpress: 'img[src^="http"]', reader: 'img[src^="http"]' },
  { name: 'headings', wordpress: 'h1, h2, h3, h4, h5, h6', reader: 'h2, h3, h4, h5, h6' },
];

/** Kinds the done-when bar applies to, with the share of WordPress's that must be kept. */
export const REQUIRED: Record<string, number> = {
  links: 0.95,
  'em/i': 0.95,
  'strong/b': 0.95,
  captions: 0.95,
  separators: 1,
  video: 1,
  audio: 1,
  lists: 0.95,
  tables: 0.95,
  quotes: 0.95,
  'code blocks': 0.95,
};

const window = new JSDOM('').window;

function parse(html: string): Element {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  const root = window.document.createElement('div');
  root.append(template.content);
  return root;
}

/** Elements that carry something a reader reads (an empty `<em></em>` or `<li></li>` is not counted). */
function meaningful(element: Element, kind: string): boolean {
  if (kind === 'line breaks') return breaksText(element);
  if (['separators', 'video', 'audio', 'images', 'tables', 'table cells'].includes(kind)) return true;
  if (kind === 'links') return /^(https?:|mailto:|\/|#)/.test(element.getAttribute('href') ?? '');
  return (element.textContent ?? '').trim() !== '';
}

/** A line break between words of the same block; one at a block's edge or beside another break shows nothing. */
function breaksText(br: Element): boolean {
  const block = br.parentElement?.closest('p, li, td, th, blockquote, cite, pre, figcaption, dd, dt, div, summary');
  if (!block) return false;
  const range = window.document.createRange();
  range.setStart(block, 0);
  range.setEndBefore(br);
  const before = range.toString();
  range.setStartAfter(br);
  range.setEnd(block, block.childNodes.length);
  const after = range.toString();
  return before.trim() !== '' && after.trim() !== '' && !/\n\s*$/.test(before) && !/^\s*\n/.test(after);
}

/** Text with a space at every element edge, so "6546<a>Download</a>" counts as two words on both sides. */
function spacedText(root: Element): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(tag)) return;
      text += ' ';
      node.childNodes.forEach(walk);
      text += ' ';
    }
  };
  walk(root);
  return text;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface PostMeasure {
  coverage: number;
  wordpressWords: number;
  counts: Record<string, { wordpress: number; reader: number; kept: number }>;
  /** Links WordPress has that the article lacks, for the failure message. */
  missingLinks: string[];
  executable: string[];
}

/** `readerBody` is the article body's markup; `base` resolves WordPress's relative links. */
export function measure(wordpressHtml: string, readerBody: string, base: string): PostMeasure {
  const ours = parse(readerBody);
  const theirs = parse(wordpressHtml.replace(/\[(?:\/?(?:caption|gallery|embed|video|audio)[^\]]*)\]/g, ''));
  for (const element of Array.from(theirs.querySelectorAll('script, style, noscript, template'))) element.remove();
  // A player's fallback (a link to the file) only shows in a browser without players.
  for (const player of Array.from(theirs.querySelectorAll('video, audio'))) {
    for (const child of Array.from(player.childNodes)) {
      if (!['SOURCE', 'TRACK'].includes((child as Element).tagName ?? '')) child.remove();
    }
  }

  const theirWords = words(spacedText(theirs));
  const ourWords = new Map<string, number>();
  for (const word of words(spacedText(ours))) ourWords.set(word, (ourWords.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of theirWords) {
    const left = ourWords.get(word) ?? 0;
    if (left > 0) {
      found++;
      ourWords.set(word, left - 1);
    }
  }

  const counts: PostMeasure['counts'] = {};
  let missingLinks: string[] = [];
  for (const kind of KINDS) {
    const wordpress = Array.from(theirs.querySelectorAll(kind.wordpress)).filter((e) => meaningful(e, kind.name));
    const reader = Array.from(ours.querySelectorAll(kind.reader)).filter((e) => meaningful(e, kind.name));
    let kept = Math.min(wordpress.length, reader.length);
    if (kind.name === 'links') {
      // A link is kept when the article links to the same place (as many times).
      const resolve = (href: string) => {
        try {
          return href.startsWith('#') ? href : new URL(href, base).toString();
        } catch {
          return href;
        }
      };
      const left = new Map<string, number>();
      for (const a of reader) {
        const href = resolve(a.getAttribute('href') ?? '');
        left.set(href, (left.get(href) ?? 0) + 1);
      }
      kept = 0;
      missingLinks = [];
      for (const a of wordpress) {
        const href = resolve(a.getAttribute('href') ?? '');
        const n = left.get(href) ?? 0;
        if (n > 0) {
          kept++;
          left.set(href, n - 1);
        } else missingLinks.push(href);
      }
    }
    if (kind.name === 'captions') {
      // A caption is kept when its words are in the article, whatever element holds them.
      const text = ` ${words(spacedText(ours)).join(' ')} `;
      kept = wordpress.filter((caption) => text.includes(` ${words(caption.textContent ?? '').join(' ')} `)).length;
    }
    counts[kind.name] = { wordpress: wordpress.length, reader: reader.length, kept };
  }

  const executable = [
    ...Array.from(ours.querySelectorAll('script, iframe, object, embed')).map((e) => `<${e.tagName.toLowerCase()}>`),
    ...Array.from(ours.querySelectorAll('*')).flatMap((e) =>
      e.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
    ),
    ...Array.from(ours.querySelectorAll('[href], [src]'))
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
      .filter((url) => /^\s*(javascript|vbscript|data:text)/i.test(url)),
  ];

  return {
    coverage: theirWords.length === 0 ? 1 : found / theirWords.length,
    wordpressWords: theirWords.length,
    counts,
    missingLinks,
    executable,
  };
}

/** The per-kind table over the corpus: WordPress's count, ours, kept and the share kept. */
export function table(measures: PostMeasure[]): {
  rows: string;
  totals: Record<string, { wordpress: number; kept: number; reader: number }>;
} {
  const totals: Record<string, { wordpress: number; kept: number; reader: number }> = {};
  for (const kind of KINDS) {
    totals[kind.name] = { wordpress: 0, kept: 0, reader: 0 };
    for (const post of measures) {
      const count = post.counts[kind.name]!;
      totals[kind.name]!.wordpress += count.wordpress;
      totals[kind.name]!.kept += count.kept;
      totals[kind.name]!.reader += count.reader;
    }
  }
  const lines = [
    '| in WordPress       | WordPress | reader | kept | kept % |',
    '| ------------------ | --------: | -----: | ---: | -----: |',
  ];
  for (const [name, total] of Object.entries(totals)) {
    const share = total.wordpress === 0 ? '—' : `${((100 * total.kept) / total.wordpress).toFixed(1)}`;
    lines.push(
      `| ${name.padEnd(18)} | ${String(total.wordpress).padStart(9)} | ${String(total.reader).padStart(6)} | ${String(total.kept).padStart(4)} | ${share.padStart(6)} |`,
    );
  }
  return { rows: lines.join('\n'), totals };
}
