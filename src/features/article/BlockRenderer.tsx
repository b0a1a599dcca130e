import type { Block, VideoBlock as VideoBlockData } from '../../lib/api/schemas';
import { formatClock, spokenDuration } from '../../lib/duration';
import { SafeHtml } from './SafeHtml';
import { Picture } from '../../components/Picture';

/** Compile-time exhaustiveness check; renders nothing if the impossible happens at run time. */
function unreachable(block: never): null {
  void block;
  return null;
}

/**
 * A clip with the browser's own player: the reader starts it (no autoplay), only its
 * metadata loads up front, and width/height plus the aspect ratio reserve its box before
 * the poster or the first frame arrive. Captions when the story has a WebVTT file.
 */
function VideoBlock({ block }: { block: VideoBlockData }) {
  return (
    <figure>
      <video
        controls
        preload="metadata"
        playsInline
        src={block.src}
        poster={block.poster ?? undefined}
        width={block.width}
        height={block.height}
        aria-label={block.caption ?? `Video, ${spokenDuration(block.duration)}`}
        className="aspect-video h-auto w-full rounded bg-slate-900"
      >
        {block.subtitles && <track kind="captions" src={block.subtitles} srcLang="en" label="English" default />}
      </video>
      <figcaption className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {block.caption && <span>{block.caption} </span>}
        <span className="text-slate-600 tabular-nums dark:text-slate-400">
          (<span className="sr-only">Length: </span>
          {formatClock(block.duration)})
        </span>
      </figcaption>
    </figure>
  );
}

/** One body block. Exhaustive over the Block union: a new block type fails to compile here. */
export function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'heading':
      return <h2 className="pt-2 font-serif text-2xl font-bold">{block.text}</h2>;
    case 'quote':
      return (
        <figure className="border-l-4 border-brand-700 pl-4 dark:border-sky-400">
          <blockquote className="font-serif text-xl italic">
            <p>{block.text}</p>
          </blockquote>
          {block.attribution && (
            <figcaption className="mt-2 text-sm text-slate-700 not-italic dark:text-slate-300">
              — <cite className="not-italic">{block.attribution}</cite>
            </figcaption>
          )}
        </figure>
      );
    case 'image':
      return (
        <figure>
          <Picture image={block} className="h-auto w-full rounded bg-slate-100 dark:bg-slate-800" />
          {block.caption && (
            <figcaption className="mt-2 text-sm text-slate-700 dark:text-slate-300">{block.caption}</figcaption>
          )}
        </figure>
      );
    case 'html':
      return <SafeHtml html={block.html} />;
    case 'video':
      return <VideoBlock block={block} />;
    default:
      return unreachable(block);
  }
}

/** A story body. Unknown block types never get here: the schema drops them. */
export function BlockRenderer({ blocks }: { blocks: Block[] }) {
  return (
    <div className="space-y-5 text-lg leading-relaxed">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}
