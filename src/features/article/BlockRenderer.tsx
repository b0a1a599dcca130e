import type { ReactNode, Ref } from 'react';
import { plainText, safeHref, safeId, type RichText as RichTextData } from '../../lib/api/richText';
import type {
  Block,
  ImageBlock,
  ListData,
  TableCell,
  VideoBlock as VideoBlockData,
  AudioBlock as AudioBlockData,
  EmbedBlock as EmbedBlockData,
  TableBlock as TableBlockData,
} from '../../lib/api/schemas';
import { formatClock, spokenDuration } from '../../lib/duration';
import { SafeHtml } from './SafeHtml';
import { Picture } from '../../components/Picture';
import { StaticRegion } from '../../components/StaticRegion';
import { RichText, STORY_ID_PREFIX } from './RichText';

/** Compile-time exhaustiveness check; renders nothing if the impossible happens at run time. */
function unreachable(block: never): null {
  void block;
  return null;
}

const CAPTION = 'mt-2 text-sm text-slate-700 dark:text-slate-300';
const MEDIA_LINK = 'text-brand-700 underline dark:text-sky-300';

/** Pictures and players load from web addresses or this site's paths only (never `javascript:` or `data:`). */
function mediaSrc(src: string | null): string | null {
  if (!src) return null;
  return /^(https?:\/\/|\/(?!\/))/i.test(src) || !/^[a-z][a-z0-9+.-]*:/i.test(src) ? src : null;
}

function Caption({ text, children }: { text: RichTextData | null; children?: ReactNode }) {
  if (!text?.length && !children) return null;
  return (
    <figcaption className={CAPTION}>
      {text && <RichText text={text} />}
      {children}
    </figcaption>
  );
}

/** A body picture: its box reserved when its size is known; without a size, a capped box that cannot grow past the screen. */
function BodyPicture({ image }: { image: Omit<ImageBlock, 'type'> }) {
  const src = mediaSrc(image.src);
  if (!src) return null;
  const picture =
    image.width && image.height ? (
      <Picture
        image={{ src, alt: image.alt, width: image.width, height: image.height }}
        className="h-auto w-full rounded bg-slate-100 dark:bg-slate-800"
      />
    ) : (
      <img
        src={src}
        alt={image.alt}
        loading="lazy"
        decoding="async"
        className="h-auto max-h-[80vh] max-w-full rounded bg-slate-100 object-contain dark:bg-slate-800"
      />
    );
  const href = image.href ? safeHref(image.href) : null;
  return href ? (
    <a href={href} {...(/^https?:/i.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {picture}
    </a>
  ) : (
    picture
  );
}

/** A player's captions, when there are any, and a link for browsers that cannot play it. */
function PlayerExtras({ src, subtitles, what }: { src: string; subtitles: string | null; what: string }) {
  return (
    <>
      {subtitles && <track kind="captions" src={subtitles} srcLang="en" label="English" default />}
      <a href={src} className={MEDIA_LINK}>
        Download the {what}
      </a>
    </>
  );
}

/**
 * A clip with the browser's own player: the reader starts it (no autoplay), only its
 * metadata loads up front, and width/height plus the aspect ratio reserve its box before
 * the poster or the first frame arrive. Captions when the story has a WebVTT file.
 */
function VideoBlock({ block }: { block: VideoBlockData }) {
  const src = mediaSrc(block.src);
  const label = block.caption
    ? plainText(block.caption)
    : block.duration !== null
      ? `Video, ${spokenDuration(block.duration)}`
      : 'Video';
  return (
    <figure>
      {src ? (
        <video
          controls
          preload="metadata"
          playsInline
          src={src}
          poster={mediaSrc(block.poster) ?? undefined}
          width={block.width ?? undefined}
          height={block.height ?? undefined}
          aria-label={label}
          className="aspect-video h-auto w-full rounded bg-slate-900"
        >
          <PlayerExtras src={src} subtitles={block.subtitles} what="video" />
        </video>
      ) : null}
      <Caption text={block.caption}>
        {block.duration !== null && (
          <span className="text-slate-600 tabular-nums dark:text-slate-400">
            {block.caption?.length ? ' ' : ''}(<span className="sr-only">Length: </span>
            {formatClock(block.duration)})
          </span>
        )}
      </Caption>
    </figure>
  );
}

function AudioBlock({ block }: { block: AudioBlockData }) {
  const src = mediaSrc(block.src);
  return (
    <figure>
      {src && (
        <audio
          controls
          preload="metadata"
          src={src}
          aria-label={block.caption ? plainText(block.caption) : 'Audio'}
          className="w-full"
        >
          <PlayerExtras src={src} subtitles={block.subtitles} what="audio" />
        </audio>
      )}
      <Caption text={block.caption} />
    </figure>
  );
}

/** An embed as a card linking to the original: no third-party frame or script ever loads in the reader. */
function EmbedBlock({ block }: { block: EmbedBlockData }) {
  const href = safeHref(block.url);
  let host = block.url;
  try {
    host = new URL(block.url).hostname.replace(/^www\./, '');
  } catch {
    // Not a full URL: shown as given.
  }
  const provider = block.provider ?? host;
  return (
    <figure>
      <a
        href={href ?? undefined}
        target="_blank"
        rel="noopener noreferrer"
        className="block rounded border border-slate-300 p-4 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        <span className="block text-sm font-semibold text-slate-700 dark:text-slate-300">{provider}</span>
        <span className="block font-serif text-lg text-brand-700 underline dark:text-sky-300">
          {block.title ?? `View on ${provider}`}
        </span>
        <span className="block truncate text-sm text-slate-600 dark:text-slate-400">{block.url}</span>
      </a>
      <Caption text={block.caption} />
    </figure>
  );
}

function ListView({ list }: { list: ListData }) {
  const Tag = list.ordered ? 'ol' : 'ul';
  return (
    <Tag
      start={list.ordered && list.start !== null ? list.start : undefined}
      className={list.ordered ? 'ml-6 list-decimal space-y-1' : 'ml-6 list-disc space-y-1'}
    >
      {list.items.map((item, index) => (
        <li key={index}>
          <RichText text={item.text} />
          {item.list && <ListView list={item.list} />}
        </li>
      ))}
    </Tag>
  );
}

function TableRows({ rows, section }: { rows: TableCell[][]; section: 'head' | 'body' | 'foot' }) {
  if (rows.length === 0) return null;
  const Section = section === 'head' ? 'thead' : section === 'foot' ? 'tfoot' : 'tbody';
  return (
    <Section>
      {rows.map((row, rowIndex) => (
        <tr key={rowIndex}>
          {row.map((cell, cellIndex) => {
            const Cell = cell.header ? 'th' : 'td';
            return (
              <Cell
                key={cellIndex}
                colSpan={cell.colSpan ?? undefined}
                rowSpan={cell.rowSpan ?? undefined}
                scope={cell.header ? (section === 'head' ? 'col' : 'row') : undefined}
                className="border border-slate-300 p-2 text-left align-top dark:border-slate-600"
              >
                <RichText text={cell.text} />
              </Cell>
            );
          })}
        </tr>
      ))}
    </Section>
  );
}

function TableBlock({ block }: { block: TableBlockData }) {
  return (
    // Wide tables scroll on their own instead of widening the page; focusable so a keyboard can scroll it.
    <div
      className="overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={block.caption ? plainText(block.caption) : 'Table'}
    >
      <table className="w-full border-collapse text-base">
        {block.caption && (
          <caption className="mb-2 text-left text-sm text-slate-700 dark:text-slate-300">
            <RichText text={block.caption} />
          </caption>
        )}
        <TableRows rows={block.head} section="head" />
        <TableRows rows={block.body} section="body" />
        <TableRows rows={block.foot} section="foot" />
      </table>
    </div>
  );
}

const HEADING_CLASS: Record<number, string> = {
  2: 'pt-2 font-serif text-2xl font-bold',
  3: 'pt-2 font-serif text-xl font-bold',
  4: 'pt-1 text-lg font-bold',
  5: 'pt-1 text-base font-bold',
  6: 'pt-1 text-base font-semibold',
};

/** One body block. Exhaustive over the Block union: a new block type fails to compile here. */
export function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <RichText text={block.text} />
        </p>
      );
    case 'heading': {
      const Tag = `h${block.level}` as 'h2';
      return (
        <Tag className={HEADING_CLASS[block.level]}>
          <RichText text={block.text} />
        </Tag>
      );
    }
    case 'quote':
      return (
        <figure
          className={
            block.pull
              ? 'border-y-4 border-brand-700 py-4 text-center dark:border-sky-400'
              : 'border-l-4 border-brand-700 pl-4 dark:border-sky-400'
          }
        >
          <blockquote className={`font-serif italic whitespace-pre-line ${block.pull ? 'text-2xl' : 'text-xl'}`}>
            <p>
              <RichText text={block.text} />
            </p>
          </blockquote>
          {block.attribution && block.attribution.length > 0 && (
            <figcaption className="mt-2 text-sm text-slate-700 not-italic dark:text-slate-300">
              —{' '}
              <cite className="not-italic">
                <RichText text={block.attribution} />
              </cite>
            </figcaption>
          )}
        </figure>
      );
    case 'image':
      return (
        <figure>
          <BodyPicture image={block} />
          <Caption text={block.caption} />
        </figure>
      );
    case 'gallery':
      return (
        <figure>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {block.images.map((image, index) => (
              <li key={index}>
                <figure>
                  <BodyPicture image={image} />
                  <Caption text={image.caption} />
                </figure>
              </li>
            ))}
          </ul>
          <Caption text={block.caption} />
        </figure>
      );
    case 'html':
      return <SafeHtml html={block.html} />;
    case 'video':
      return <VideoBlock block={block} />;
    case 'audio':
      return <AudioBlock block={block} />;
    case 'embed':
      return <EmbedBlock block={block} />;
    case 'separator':
      return <hr className="mx-auto w-1/3 border-slate-300 dark:border-slate-600" />;
    case 'list':
      return <ListView list={block} />;
    case 'table':
      return <TableBlock block={block} />;
    case 'code':
      return (
        <pre className="overflow-x-auto rounded bg-slate-100 p-4 text-base dark:bg-slate-800" tabIndex={0}>
          <code className="font-mono">{block.text}</code>
        </pre>
      );
    case 'preformatted':
      return (
        <pre className="overflow-x-auto font-serif whitespace-pre-wrap">
          <RichText text={block.text} />
        </pre>
      );
    case 'details':
      return (
        <details className="rounded border border-slate-300 p-3 dark:border-slate-600">
          <summary className="cursor-pointer font-semibold">
            <RichText text={block.summary} />
          </summary>
          <div className="mt-2 space-y-3">
            {block.paragraphs.map((paragraph, index) => (
              <p key={index}>
                <RichText text={paragraph} />
              </p>
            ))}
          </div>
        </details>
      );
    case 'footnotes':
      return (
        <section aria-label="Notes" className="border-t border-slate-300 pt-4 text-base dark:border-slate-600">
          <ol className="ml-6 list-decimal space-y-1">
            {block.items.map((item, index) => {
              const id = safeId(item.id);
              return (
                <li key={index} id={id ? `${STORY_ID_PREFIX}${id}` : undefined}>
                  <RichText text={item.text} />
                </li>
              );
            })}
          </ol>
        </section>
      );
    default:
      return unreachable(block);
  }
}

/** A story body. Unknown block types never get here: the schema turns them into their text. */
/** `changed`: indexes of blocks that changed since the reader saved the story, set off and named so. */
export function BlockRenderer({
  blocks,
  changed,
  ref,
}: {
  blocks: Block[];
  changed?: ReadonlySet<number>;
  /** The element whose children are the blocks, in order (Listen marks the one it reads). */
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    // No block needs React in the browser (players and details are the browser's own, links are routed by the region).
    <StaticRegion ref={ref} deps={[blocks, changed?.size ?? 0]} className="space-y-5 text-lg leading-relaxed">
      {blocks.map((block, index) =>
        changed?.has(index) ? (
          <div
            key={index}
            role="group"
            aria-label="Changed since you saved it"
            className="border-l-4 border-amber-400 pl-3"
          >
            <BlockView block={block} />
          </div>
        ) : (
          <BlockView key={index} block={block} />
        ),
      )}
    </StaticRegion>
  );
}
