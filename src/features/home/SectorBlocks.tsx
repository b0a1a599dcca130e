import { useQuery } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { Link } from 'react-router';
import { BoxErrorBoundary } from '../../components/BoxErrorBoundary';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonLine } from '../../components/Skeleton';
import type { StoryCard, Term } from '../../lib/api/schemas';
import { HeadlineLink, kindLabel, RelativeTime } from '../feeds';
import { feedQuery } from '../feeds/api/feed';
import { taxonomyQuery } from '../site/api/taxonomy';
import { Picture } from '../../components/Picture';
import { useNearViewport } from '../../lib/useNearViewport';

/** Stories per block: the lead with its picture, then headlines. */
export const SECTOR_BLOCK_LIMIT = 4;

/** How far below the viewport a block starts loading, so it is usually ready when the reader gets there. */
const NEAR_VIEWPORT = '600px 0px';

/**
 * The space a block holds before it renders and while it loads: about a block's height
 * (picture, four headlines), so the page below it hardly moves when it arrives.
 */
const RESERVED = 'min-h-[34rem] sm:min-h-[22rem]';

const LINK_CLASS =
  'font-semibold text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-sky-300';

function BlockSkeleton() {
  return (
    <div aria-hidden="true" className="grid gap-4 sm:grid-cols-2">
      <div className="space-y-2">
        <SkeletonLine className="aspect-video w-full" />
        <SkeletonLine className="h-6 w-full" />
        <SkeletonLine className="h-6 w-2/3" />
      </div>
      <div className="space-y-4">
        {Array.from({ length: SECTOR_BLOCK_LIMIT - 1 }, (_, index) => (
          <SkeletonLine key={index} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}

function BlockStories({ stories, headingLevel }: { stories: StoryCard[]; headingLevel: 3 }) {
  const [lead, ...rest] = stories;
  if (!lead) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      <div>
        {lead.image && (
          <Picture
            image={lead.image}
            decorative
            className="aspect-video w-full rounded bg-slate-100 object-cover dark:bg-slate-800"
          />
        )}
        <Heading className="mt-2 font-serif text-xl leading-snug font-bold">
          <HeadlineLink story={lead} className={LINK_CLASS} />
        </Heading>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {lead.kind !== 'news' && <span>{kindLabel(lead.kind)} · </span>}
          {lead.edition.name} · <RelativeTime iso={lead.publishedAt} />
        </p>
      </div>
      {rest.length > 0 && (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700">
          {rest.map((story) => (
            <li key={story.slug} className="py-3 first:pt-0">
              <Heading className="text-base leading-snug">
                <HeadlineLink story={story} className={LINK_CLASS} />
              </Heading>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                {story.edition.name} · <RelativeTime iso={story.publishedAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One sector's newest stories; renders nothing if the sector has none. */
function SectorBlockContent({ sector }: { sector: Term }) {
  const headingId = useId();
  const query = useQuery(feedQuery({ feed: 'latest', sector: sector.slug, limit: SECTOR_BLOCK_LIMIT }));
  const loading = query.isPending || (query.isError && query.isFetching);
  if (query.isSuccess && query.data.items.length === 0) return null;

  return (
    <section aria-labelledby={headingId} aria-busy={loading} className={loading ? RESERVED : undefined}>
      <h2 id={headingId} className="box-title mb-4">
        {sector.name}
      </h2>
      {loading ? (
        <BlockSkeleton />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          what={`${sector.name} stories`}
          headingLevel={3}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <BlockStories stories={query.data.items} headingLevel={3} />
          <p className="mt-4 text-right text-sm">
            <Link
              to={`/sector/${encodeURIComponent(sector.slug)}`}
              className="font-semibold text-brand-700 hover:underline dark:text-sky-300"
            >
              More {sector.name}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * A sector's block as it comes near the viewport: until then an empty box of about its
 * height (nothing fetched, nothing rendered: no cost to the first paint). A failure, even
 * a rendering bug, stays inside the block.
 */
function LazySectorBlock({ sector }: { sector: Term }) {
  const placeholderRef = useRef<HTMLDivElement>(null);
  const nearness = useNearViewport(placeholderRef, NEAR_VIEWPORT);
  // Without IntersectionObserver none: blocks are an extra, each story a click away on its sector page.
  if (nearness === 'unsupported') return null;
  if (nearness === 'waiting')
    return <div ref={placeholderRef} aria-hidden="true" data-sector-placeholder={sector.slug} className={RESERVED} />;
  return (
    <BoxErrorBoundary what={`${sector.name} stories`}>
      <SectorBlockContent sector={sector} />
    </BoxErrorBoundary>
  );
}

/** A block for each sector of the taxonomy, in its order, under the latest news. */
export function SectorBlocks() {
  const query = useQuery(taxonomyQuery());
  // The sector list is a nicety below the fold: while it loads or if it fails, the page
  // goes without it (the Sections menu says so where the reader asked for it).
  if (!query.isSuccess) return null;
  return (
    <div className="mt-10 space-y-10">
      {query.data.sectors.map((sector) => (
        <LazySectorBlock key={sector.slug} sector={sector} />
      ))}
    </div>
  );
}
