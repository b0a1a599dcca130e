import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRegion } from '../../components/Skeleton';
import { SITE_NAME, useDocumentMeta } from '../../lib/head';
import {
  DevShotsBox,
  OpinionList,
  StoryCard,
  StoryCardSkeleton,
  StoryList,
  StoryListSkeleton,
  TrendingBox,
} from '../feeds';
import { feedQuery, type FeedName, type FeedParams } from '../feeds/api/feed';
import { NewSinceNotice } from '../history';
import { BreakingNews } from './BreakingNews';
import { homeFeeds } from './homeFeeds';
import { SectorBlocks } from './SectorBlocks';

/** The home page's params for one feed: exactly what the route prefetch asked for. */
function homeFeed(feed: FeedName): FeedParams {
  return homeFeeds.find((params) => params.feed === feed) ?? { feed };
}

const latestFeed = homeFeed('latest');
const breakingFeed = homeFeed('breaking');

/** The ticker, from the breaking feed; nothing while it loads or if it fails (the lead stories matter more). */
function BreakingBar() {
  const query = useQuery(feedQuery(breakingFeed));
  return query.isSuccess ? <BreakingNews stories={query.data.items} /> : null;
}

function LeadAndLatest() {
  const leadId = useId();
  const latestId = useId();
  const query = useQuery(feedQuery(latestFeed));
  const [lead, ...rest] = query.data?.items ?? [];
  const loading = query.isPending || (query.isError && query.isFetching);

  return (
    <>
      <BreakingBar />
      {/* Keyed like the latest news below: the ticker arriving above it must not move an element the reader saw. */}
      <section key={loading ? 'lead-loading' : 'lead'} aria-labelledby={leadId}>
        <h2 id={leadId} className="sr-only">
          Lead story
        </h2>
        {loading ? (
          <LoadingRegion label="Loading the lead story">
            <StoryCardSkeleton variant="lead" />
          </LoadingRegion>
        ) : lead ? (
          <StoryCard story={lead} variant="lead" headingLevel={3} />
        ) : null}
      </section>

      {/* A new element when the lead arrives, not a moved one: the lead card is rarely the
          skeleton's exact height, and moving a section the reader sees is a layout shift. */}
      <section key={loading ? 'loading' : 'loaded'} aria-labelledby={latestId} className="relative mt-10">
        <h2 id={latestId} className="box-title mb-4">
          Latest News
        </h2>
        {/* On the heading's line, right: arriving after hydration, it moves nothing. */}
        {query.data && <NewSinceNotice stories={query.data.items} className="absolute top-0 right-0" />}
        {loading ? (
          <StoryListSkeleton count={(latestFeed.limit ?? 12) - 1} label="Loading the latest news" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            what="the latest news"
            headingLevel={3}
            onRetry={() => void query.refetch()}
          />
        ) : rest.length === 0 && !lead ? (
          <p className="text-slate-700 dark:text-slate-300">No stories here yet.</p>
        ) : (
          <StoryList stories={rest} headingLevel={3} labelledBy={latestId} />
        )}
        {query.isSuccess && rest.length > 0 && (
          <p className="mt-4 text-right text-sm">
            <Link to="/latest" className="font-semibold text-brand-700 hover:underline dark:text-sky-300">
              More latest news
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

const HOME_DESCRIPTION =
  'Development news from every sector and edition: the latest stories, trending, opinion and DevShots.';

/** The site, with its search, for search engines' sitelinks search box. */
const homeJsonLd = (absolute: (path: string) => string) => [
  {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: SITE_NAME,
    url: absolute('/'),
    description: HOME_DESCRIPTION,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absolute('/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  },
];

export function HomePage() {
  useDocumentMeta(null, HOME_DESCRIPTION, { path: '/', jsonLd: homeJsonLd });
  return (
    <>
      <h1 className="sr-only">Top stories</h1>
      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <LeadAndLatest />
          {/* Far below the fold: each block only as the reader nears it. */}
          <SectorBlocks />
        </div>
        <div className="space-y-8">
          {/* Beside the lead and the latest news; below them on phones. */}
          <TrendingBox params={homeFeed('trending')} />
          <OpinionList params={homeFeed('opinion')} />
          <DevShotsBox params={homeFeed('devshots')} />
        </div>
      </div>
    </>
  );
}
