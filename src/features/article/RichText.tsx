import { Fragment, type ReactNode } from 'react';
import { safeHref, type Inline, type RichText as RichTextData } from '../../lib/api/richText';

/** Ids and fragment links from a story live under one prefix, so a story can never clobber the page's own ids. */
export const STORY_ID_PREFIX = 'story-';

const LINK_CLASS = 'text-brand-700 underline dark:text-sky-300';

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
    case 'code':
      return (
        <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
          <RichText text={node.children} />
        </code>
      );
    case 'kbd':
      return (
        <kbd className="rounded border border-slate-300 px-1 font-mono text-[0.9em] dark:border-slate-600">
          <RichText text={node.children} />
        </kbd>
      );
    case 'mark':
      return (
        <mark className="bg-yellow-200 text-inherit dark:bg-yellow-700">
          <RichText text={node.children} />
        </mark>
      );
    case 'em':
    case 'strong':
    case 'sub':
    case 'sup':
    case 'del':
    case 'ins':
    case 's':
    case 'small':
    case 'q': {
      const Tag = node.type;
      return (
        <Tag>
          <RichText text={node.children} />
        </Tag>
      );
    }
    default:
      return unknownInline(node);
  }
}

/** Compile-time exhaustiveness; at run time an unexpected node keeps nothing but can't break the page. */
function unknownInline(node: never): null {
  void node;
  return null;
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
