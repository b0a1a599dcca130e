/**
 * WordPress's inline markup → the contract's rich text (`Inline[]`). Only the marks the
 * contract knows survive as marks; every other element gives its children, so text is
 * never lost and no markup leaves the server.
 */
import { safeHref, safeId, type Inline, type InlineMark } from '../../../src/lib/api/richText.ts';

const MARKS: Record<string, InlineMark> = {
  EM: 'em',
  I: 'em',
  VAR: 'em',
  DFN: 'em',
  STRONG: 'strong',
  B: 'strong',
  CODE: 'code',
  TT: 'code',
  SAMP: 'code',
  SUB: 'sub',
  SUP: 'sup',
  DEL: 'del',
  INS: 'ins',
  S: 's',
  STRIKE: 's',
  KBD: 'kbd',
  SMALL: 'small',
  MARK: 'mark',
  Q: 'q',
};

// Never text: code, pictures and form controls say nothing a reader should read inline.
const SILENT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'CANVAS',
]);

/** A link target the reader may follow: fragments, and web or mail addresses resolved against the site. */
export function linkHref(raw: string | null, base: string): string | null {
  if (raw === null) return null;
  const href = raw.trim();
  if (!href) return null;
  if (href.startsWith('#')) return safeHref(href);
  try {
    return safeHref(new URL(href, base).toString());
  } catch {
    return null;
  }
}

interface Walk {
  base: string;
  /** Inside `pre`: white space and line breaks as written. */
  keepSpace: boolean;
  /** Elements whose content belongs elsewhere (a list item's nested list). */
  skip?: (element: Element) => boolean;
}

function walk(nodes: Iterable<Node>, options: Walk, depth: number): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      const value = options.keepSpace ? text : text.replace(/[\s\u00a0]+/g, ' ');
      if (value) out.push(value);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SILENT.has(tag) || options.skip?.(element)) continue;
    if (tag === 'BR') {
      out.push({ type: 'br' });
      continue;
    }
    // Past this depth a run keeps its text only, so hostile nesting cannot exhaust the stack.
    const children = depth > 12 ? [element.textContent ?? ''] : walk(element.childNodes, options, depth + 1);
    if (tag === 'A') {
      const href = linkHref(element.getAttribute('href'), options.base);
      if (href) out.push({ type: 'link', href, id: safeId(element.getAttribute('id')), children });
      else out.push(...children);
      continue;
    }
    if (tag === 'ABBR' || tag === 'ACRONYM') {
      out.push({ type: 'abbr', title: element.getAttribute('title'), children });
      continue;
    }
    const mark = MARKS[tag];
    if (mark) out.push({ type: mark, children });
    // Paragraphs inside a list item or a cell: keep them apart with a line break.
    else if (tag === 'P' || tag === 'DIV' || tag === 'LI' || tag === 'DT' || tag === 'DD') {
      if (out.length > 0) out.push({ type: 'br' });
      out.push(...children);
    } else out.push(...children);
  }
  return out;
}

function isEmpty(node: Inline): boolean {
  if (typeof node === 'string') return node === '';
  if (node.type === 'br') return false;
  return node.children.length === 0;
}

/** One space between words across element edges, none at the ends of a run or around a line break. */
function tidy(nodes: Inline[], state: { space: boolean }): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') {
      const text = state.space ? node.replace(/^ +/, '') : node;
      if (!text) continue;
      state.space = text.endsWith(' ');
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + text;
      else out.push(text);
    } else if (node.type === 'br') {
      // Spaces before a line break show nothing; a second break (a blank line) is the author's.
      trimSpaces(out);
      out.push(node);
      state.space = true;
    } else {
      const children = tidy(node.children, state);
      const copy = { ...node, children };
      if (!isEmpty(copy)) out.push(copy);
    }
  }
  return out;
}

function trimSpaces(nodes: Inline[]): void {
  const last = nodes[nodes.length - 1];
  if (typeof last === 'string') {
    const text = last.replace(/ +$/, '');
    if (text) nodes[nodes.length - 1] = text;
    else nodes.pop();
  } else if (last && last.type !== 'br') trimSpaces(last.children);
}

function trimEnd(nodes: Inline[]): void {
  while (nodes.length > 0) {
    const last = nodes[nodes.length - 1]!;
    if (typeof last === 'string') {
      const text = last.replace(/ +$/, '');
      if (text) {
        nodes[nodes.length - 1] = text;
        return;
      }
      nodes.pop();
    } else if (last.type === 'br') {
      // A trailing line break adds nothing at the end of a paragraph.
      nodes.pop();
    } else {
      trimEnd(last.children);
      if (last.children.length > 0) return;
      nodes.pop();
    }
  }
}

/** The rich text of some nodes (an element's children, a run of loose inline nodes). */
export function inlineOf(nodes: Iterable<Node>, base: string, skip?: (element: Element) => boolean): Inline[] {
  const out = tidy(walk(nodes, { base, keepSpace: false, skip }, 0), { space: true });
  trimEnd(out);
  // A line break before the first word adds nothing either.
  while (typeof out[0] === 'object' && out[0].type === 'br') out.shift();
  return out;
}

/** Rich text of a `pre`: every space and line break kept. */
export function preformattedOf(element: Element, base: string): Inline[] {
  return walk(element.childNodes, { base, keepSpace: true }, 0).filter((node) => !isEmpty(node));
}

/** The words of rich text, for deciding whether a run says anything. */
export function textOf(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => (typeof node === 'string' ? node : node.type === 'br' ? ' ' : textOf(node.children)))
    .join('');
}
