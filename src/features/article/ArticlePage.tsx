import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { describeError, ErrorState } from '../../components/ErrorState';
import { HeadlineSkeleton, LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { isApiError } from '../../lib/api/errors';
import { formatHouseTime } from '../../lib/time';
import { useDocumentMeta } from '../../lib/head';
import { DevShotsBox, HeadlineLink, LatestNewsBox, OpinionList, StoryLink, StoryList, TrendingBox } from '../feeds';
import { isOfflineFailure, NotAvailableOffline } from '../offline';
import { FollowButton, type Topic } from '../following';
import { Listen } from '../listen';
import { useRecordOpened, type OpenedStory } from '../history';
import { changedBlocks, SaveButton, useKeepSavedFresh, useSavedChange, useSavedStory } from '../reading-list';
import { storyQuery, type Story } from './api/story';
import { articleHead } from './articleHead';
import { ArticleTools } from './ArticleTools';
import { BlockRenderer } from './BlockRenderer';
import { Breadcrumb } from './Breadcrumb';
import { Picture } from '../../components/Picture';

export const SYNDICATED_NOTE =
  '(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)';

const TERM_LINK_CLASS = 'hover:underline';

/**
 * The versions of a wire story, newest first, saying which one the reader is on: every
 * version stays readable at its own address, and an earlier one points to the newest.
 */
function Versions({ story }: { story: Story }) {
  // A copy saved on the device before the contract had `versions` has none.
  const versions = (story as Partial<Story>).versions ?? [];
  if (versions.length === 0) return null;
  const all = [story, ...versions].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  const position = all.findIndex((version) => version.slug === story.slug);
  const newest = all[0]!;
  return (
    <nav
      aria-labelledby="article-versions"
      className="mt-4 rounded border border-slate-200 p-3 text-sm dark:border-slate-700"
    >
      <h2 id="article-versions" className="font-semibold">
        Versions of this story
      </h2>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {position === 0 ? (
          <>You are reading the newest of {all.length} versions.</>
        ) : (
          <>
            You are reading version {all.length - position} of {all.length}, an earlier one.{' '}
            <StoryLink slug={newest.slug} className="font-semibold underline">
              Read the newest version
            </StoryLink>
          </>
        )}
      </p>
      <ol className="mt-2 space-y-1">
        {all.map((version) => (
          <li key={version.slug}>
            <time dateTime={version.publishedAt} className="text-slate-600 tabular-nums dark:text-slate-300">
              {formatHouseTime(version.publishedAt)}
            </time>{' '}
            {version.slug === story.slug ? (
              <span aria-current="page" className="font-semibold">
                {version.headline} (this version)
              </span>
            ) : (
              <HeadlineLink story={version} className="underline hover:no-underline" />
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Follow buttons for the story's sector and tags: its newest stories then come together on Following. */
function FollowTopics({ story }: { story: Story }) {
  const topics: Topic[] = [
    ...(story.sector ? [{ kind: 'sector' as const, ...story.sector }] : []),
    ...story.tags.map((tag) => ({ kind: 'tag' as const, slug: tag, name: tag })),
  ];
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="article-follow" className="mt-4">
      <h2 id="article-follow" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        Follow these topics
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={`${topic.kind}:${topic.slug}`}>
            <FollowButton topic={topic} variant="chip" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ArticleBody({ story, readBefore }: { story: Story; readBefore: OpenedStory | null }) {
  const savedVersion = useSavedChange(story.slug);
  const changed = savedVersion ? changedBlocks(savedVersion.body, story.body) : undefined;
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <>
      <article aria-labelledby="article-headline">
        <header>
          <Breadcrumb sector={story.sector} headline={story.headline} />
          <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-sky-300">
            {story.sector && (
              <>
                <Link to={`/sector/${encodeURIComponent(story.sector.slug)}`} className={TERM_LINK_CLASS}>
                  {story.sector.name}
                </Link>
                {' · '}
              </>
            )}
            <Link to={`/edition/${encodeURIComponent(story.edition.slug)}`} className={TERM_LINK_CLASS}>
              {story.edition.name}
            </Link>
          </p>
          <h1
            id="article-headline"
            tabIndex={-1}
            className="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl"
          >
            {story.headline}
          </h1>
          {story.summary && <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{story.summary}</p>}
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
            {story.source && (
              <>
                <span className="font-semibold text-slate-800 dark:text-slate-100">{story.source}</span>
                <span aria-hidden="true"> | </span>
              </>
            )}
            <span>
              Updated: <time dateTime={story.updatedAt}>{formatHouseTime(story.updatedAt)}</time> | Created:{' '}
              <time dateTime={story.publishedAt}>{formatHouseTime(story.publishedAt)}</time>
            </span>
          </p>
          {story.byline && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">By {story.byline}</p>}
          {readBefore && (
            <p className="mt-3 rounded border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
              <strong>Updated since you read it</strong> (you read the version of{' '}
              <time dateTime={readBefore.updatedAt}>{formatHouseTime(readBefore.updatedAt)}</time>
              {readBefore.headline !== story.headline && <>, headlined “{readBefore.headline}”</>}).
            </p>
          )}
          <div className="mt-3">
            <SaveButton story={story} size="large" />
          </div>
          <ArticleTools story={story} />
          <Listen key={story.slug} headline={story.headline} body={story.body} bodyRef={bodyRef} />
          <Versions story={story} />
        </header>

        {story.image && (
          <Picture image={story.image} priority className="mt-6 h-auto w-full rounded bg-slate-100 dark:bg-slate-800" />
        )}

        <div className="article-text mt-6">
          <BlockRenderer ref={bodyRef} blocks={story.body} changed={changed} />
        </div>

        {story.syndicated && (
          <p className="mt-6 text-sm text-slate-700 italic dark:text-slate-300">{SYNDICATED_NOTE}</p>
        )}

        {story.tags.length > 0 && (
          <footer className="mt-6">
            <h2 id="article-tags" className="sr-only">
              Tags
            </h2>
            <ul aria-labelledby="article-tags" className="flex flex-wrap gap-2">
              {story.tags.map((tag) => (
                <li
                  key={tag}
                  className="rounded-full border border-slate-300 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300"
                >
                  <Link to={`/tag/${encodeURIComponent(tag)}`} className="inline-block px-3 py-1 hover:underline">
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        )}
        <FollowTopics story={story} />
      </article>

      {story.related.length > 0 && (
        <section aria-labelledby="related-stories" className="mt-10">
          <h2 id="related-stories" className="box-title mb-4">
            Related stories
          </h2>
          <StoryList stories={story.related} headingLevel={3} />
        </section>
      )}
    </>
  );
}

/** Shaped like the article (headline, meta line, 16:9 image, paragraphs), so nothing jumps when it loads. */
function ArticleSkeleton() {
  return (
    <LoadingRegion label="Loading the story">
      <div className="space-y-3">
        <HeadlineSkeleton />
        <SkeletonLine className="mt-3 h-6 w-full" />
        <SkeletonLine className="h-6 w-5/6" />
        <SkeletonLine className="mt-4 h-5 w-2/3" />
        <SkeletonLine className="mt-6 aspect-video w-full" />
        <div className="space-y-3 pt-6">
          {Array.from({ length: 4 }, (_, index) => (
            <div key={index} className="space-y-2 pb-3">
              <SkeletonLine className="h-5 w-full" />
              <SkeletonLine className="h-5 w-full" />
              <SkeletonLine className="h-5 w-4/5" />
            </div>
          ))}
        </div>
      </div>
    </LoadingRegion>
  );
}

export function ArticlePage() {
  const { slug = '' } = useParams();
  const query = useQuery(storyQuery(slug));
  // The reading-list copy stands in when the network cannot answer (offline).
  const savedCopy = useSavedStory(slug, query.data === undefined);
  const story = query.data ?? savedCopy?.story;
  const readBefore = useRecordOpened(story);
  useKeepSavedFresh(query.data);
  const notFound = query.isError && isApiError(query.error) && query.error.kind === 'not_found';
  const offlineMiss =
    (query.isError && isOfflineFailure(query.error)) || (query.isPending && query.fetchStatus === 'paused');

  const title = story
    ? story.headline
    : offlineMiss
      ? 'Not available offline'
      : notFound
        ? 'Story not found'
        : query.isError
          ? describeError(query.error, 'this story').title
          : null;
  useDocumentMeta(title, story?.summary, story ? articleHead(story) : {});

  let main;
  if (story) main = <ArticleBody story={story} readBefore={readBefore} />;
  else if (offlineMiss) main = <NotAvailableOffline />;
  // A manual retry after an error shows the skeleton again, so the reader sees it working.
  else if (query.isPending || (query.isError && query.isFetching)) main = <ArticleSkeleton />;
  else if (notFound)
    main = (
      <NotFound
        title="Story not found"
        reason="There is no story at this address. It may have been moved or removed."
      />
    );
  else if (query.isError)
    main = (
      <ErrorState
        error={query.error}
        what="this story"
        headingLevel={1}
        onRetry={() => void query.refetch()}
        showHomeLink
      />
    );
  else main = <ArticleSkeleton />;

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0">{main}</div>
      <aside aria-label="More news" className="space-y-8">
        {/* Beside the story; below it on phones. */}
        <TrendingBox />
        <OpinionList />
        <DevShotsBox />
        <LatestNewsBox />
      </aside>
    </div>
  );
}
