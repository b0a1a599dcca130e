import { Fragment, type ReactNode } from 'react';
import {
  inlineMarks,
  safeHref,
  type Inline,
  type InlineMark,
  type RichText as RichTextData,
} from '../../lib/api/richText';

/** Ids and fragment links from a story live under one prefix, so a story can never clobber the page's own ids. */
export const STORY_ID_PREFIX = 'story-';

const LINK_CLASS = 'text-brand-700 underline dark:text-sky-300';

/** Marks that need a look of their own; the others keep the browser's (em italic, sub lowered…). */
const MARK_CLASS: Partial<Record<InlineMark, string>> = {
  code: 'rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800',
  kbd: 'rounded border border-slate-300 px-1 font-mono text-[0.9em] dark:border-slate-600',
  mark: 'bg-yellow-200 text-inherit dark:bg-yellow-700',
};

/**
 * An http(s) address leaves the reader: it opens without access to this page. Decided from
 * the link alone (not the page's origin) so the server and the browser render the same markup.
 */
function linkProps(href: string): { href: string; target?: string; rel?: string } {
  if (href.startsWith('#')) return { href: `#${STORY_ID_PREFIX}${href.slice(1)}` };
  if (/^https?:/i.test(href)) return { href, target: '_blank', rel: 'noopener noreferrer' };
  return { href };
}

function InlineNode({ node }: { node: Inline }): ReactNode {
  if (typeof node === 'string') return node;
  switch (node.type) {
    case 'br':
      return <br />;
    case 'link': {
      // Checked again here: rich text built in code (not parsed by the schema) reaches this too.
      const href = safeHref(node.href);
      const children = <RichText text={node.children} />;
      if (!href) return children;
      return (
        <a {...linkProps(href)} id={node.id ? `${STORY_ID_PREFIX}${node.id}` : undefined} className={LINK_CLASS}>
          {children}
        </a>
      );
    }
    case 'abbr':
      return (
        <abbr title={node.title ?? undefined}>
          <RichText text={node.children} />
        </abbr>
      );
    default: {
      const Tag = node.type;
      // Only the contract's marks become elements: data that skipped the schema (an old saved copy) keeps its text.
      if (!inlineMarks.includes(Tag)) return <RichText text={node.children} />;
      return (
        <Tag className={MARK_CLASS[Tag]}>
          <RichText text={node.children} />
        </Tag>
      );
    }
  }
}

/** Rich text from the API, rendered as elements (never as HTML): safe by construction. */
export function RichText({ text }: { text: RichTextData }) {
  // A plain string still arrives from stories saved on the device before rich text existed.
  const nodes: readonly Inline[] = typeof text === 'string' ? [text] : Array.isArray(text) ? text : [];
  return (
    <>
      {nodes.map((node, index) => (
        <Fragment key={index}>
          <InlineNode node={node} />
        </Fragment>
      ))}
    </>
  );
}
