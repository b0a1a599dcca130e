/**
 * Rich text in the content contract (docs/api.md, "Rich text"): a list of inline nodes,
 * plain strings and marked runs, that our own components render on the server and in the
 * browser. No HTML reaches the DOM from it, so ordinary text needs no sanitizer: safe by
 * construction. Why this model: docs/decisions/rich-text-model.md.
 */
import { z } from '../zod';

/** Marks that only wrap their children, each rendered as the element of the same name. */
export const inlineMarks = [
  'em',
  'strong',
  'code',
  'sub',
  'sup',
  'del',
  'ins',
  's',
  'kbd',
  'small',
  'mark',
  'q',
] as const;
export type InlineMark = (typeof inlineMarks)[number];

export type Inline =
  | string
  | { type: InlineMark; children: Inline[] }
  | { type: 'link'; href: string; id: string | null; children: Inline[] }
  | { type: 'abbr'; title: string | null; children: Inline[] }
  | { type: 'br' };
export type RichText = Inline[];

/** Deeper nesting than any author writes: past it a run keeps its text only, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 16;
const ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * A link target we render: web and mail addresses, same-site paths and fragments.
 * Anything else (`javascript:`, `data:`, `vbscript:`, protocol-relative `//host`) is refused.
 */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const href = value.trim();
  if (href.startsWith('#')) return ID.test(href.slice(1)) ? href : null;
  if (href.startsWith('/') && !href.startsWith('//') && !href.includes('\\')) return href;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

export function safeId(value: unknown): string | null {
  return typeof value === 'string' && ID.test(value) ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One node in; zero or more out: an unknown or unsafe node degrades to its children (its text), never to nothing. */
function normaliseNode(value: unknown, depth: number): Inline[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (typeof value === 'number') return [String(value)];
  if (!isRecord(value)) return [];
  const children = depth >= MAX_DEPTH ? [plainText(value.children)] : normaliseList(value.children, depth + 1);
  const type = value.type;
  if (type === 'br') return [{ type: 'br' }];
  if (type === 'link') {
    const href = safeHref(value.href);
    return href ? [{ type: 'link', href, id: safeId(value.id), children }] : children;
  }
  if (type === 'abbr') {
    return [{ type: 'abbr', title: typeof value.title === 'string' ? value.title : null, children }];
  }
  if (typeof type === 'string' && (inlineMarks as readonly string[]).includes(type)) {
    return [{ type: type as InlineMark, children }];
  }
  if (typeof value.text === 'string') return [value.text];
  return children;
}

function normaliseList(value: unknown, depth: number): Inline[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((node) => normaliseNode(node, depth));
}

/** The text of any rich text (or anything shaped like it), marks dropped, line breaks as spaces. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plainText).join('');
  if (!isRecord(value)) return '';
  if (value.type === 'br') return ' ';
  if (typeof value.text === 'string' && !('children' in value)) return value.text;
  return plainText(value.children);
}

/**
 * `string | Inline[]`: a plain string (every older API sends one) or rich text. Both come
 * out as Inline[]; unknown inline types keep their text, unsafe links lose only the link.
 */
export const richTextSchema = z.pipe(
  z.union([z.string(), z.array(z.unknown())], {
    error: (issue) => `expected a string or rich text (a list of inline nodes), received ${typeof issue.input}`,
  }),
  z.transform((value: string | unknown[]): RichText => normaliseList(value, 0)),
);

/** Rich text of a single plain string, for code that builds blocks from text. */
export function rich(text: string): RichText {
  return text ? [text] : [];
}
