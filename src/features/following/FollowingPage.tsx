import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { useDocumentMeta } from '../../lib/head';
import { NewSinceNotice } from '../history';
import { feedQuery } from '../feeds/api/feed';
import { StoryList, StoryListSkeleton } from '../feeds';
import { taxonomyQuery } from '../site/api/taxonomy';
import { FollowButton } from './FollowButton';
import { mergeNewestFirst, topicFeedParams } from './followedFeed';
import { loadZod } from '../../lib/zod';
import { exportFollowing, parseFollowingFile, topicKey, topicPath, type Topic } from './topics';
import { useFollowing } from './useFollowing';

/** Stories shown at first and added by each "Show more". */
export const FOLLOWING_PAGE_SIZE = 20;

/** Sectors and editions to offer when nothing is followed yet. */
function Suggestions() {
  const taxonomy = useQuery(taxonomyQuery());
  if (!taxonomy.data) return null;
  const groups: { title: string; topics: Topic[] }[] = [
    { title: 'Sectors', topics: taxonomy.data.sectors.map((term) => ({ kind: 'sector', ...term })) },
    { title: 'Editions', topics: taxonomy.data.editions.map((term) => ({ kind: 'edition', ...term })) },
  ];
  return (
    <>
      {groups.map((group) => (
        <section key={group.title} aria-label={`Suggested ${group.title.toLowerCase()}`} className="mt-4">
          <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">{group.title}</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {group.topics.map((topic) => (
              <li key={topicKey(topic)}>
                <FollowButton topic={topic} variant="chip" />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Export to and import from a small JSON file, to take what one follows to another device. */
function MoveToAnotherDevice() {
  const { topics, importTopics } = useFollowing();
  const [message, setMessage] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  function exportFile() {
    const blob = new Blob([JSON.stringify(exportFollowing(topics), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'following.json';
    link.click();
    // The download has started by the next task; the URL is not needed after it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage(`Exported ${topics.length} ${topics.length === 1 ? 'topic' : 'topics'} to following.json.`);
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const [text] = await Promise.all([file.text(), loadZod()]);
    const result = parseFollowingFile(text);
    if (input.current) input.current.value = '';
    if ('error' in result) {
      setMessage(result.error);
      return;
    }
    await importTopics(result.topics);
    setMessage(`Imported ${result.topics.length} ${result.topics.length === 1 ? 'topic' : 'topics'}.`);
  }

  return (
    <section
      aria-labelledby={`${inputId}-title`}
      className="mt-8 rounded border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id={`${inputId}-title`} className="font-semibold">
        Move to another device
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        What you follow is kept on this device only. Export it as a file and import it on another.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" onClick={exportFile} disabled={topics.length === 0}>
          Export
        </button>
        <label htmlFor={inputId} className="btn-secondary cursor-pointer focus-within:outline-2">
          Import from a file
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(event) => void importFile(event)}
        />
      </div>
      <p role="status" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {message}
      </p>
    </section>
  );
}

function FollowedStories({ topics }: { topics: readonly Topic[] }) {
  const headingId = useId();
  const [shown, setShown] = useState(FOLLOWING_PAGE_SIZE);
  const results = useQueries({ queries: topics.map((topic) => feedQuery(topicFeedParams(topic))) });
  const loaded = results.filter((result) => result.data !== undefined);
  const failed = results.filter((result) => result.data === undefined && result.isError && !result.isFetching);
  const stories = mergeNewestFirst(loaded.map((result) => result.data!.items));

  if (loaded.length === 0) {
    return failed.length > 0 ? (
      <ErrorState
        error={failed[0]!.error}
        what="the stories you follow"
        onRetry={() => failed.forEach((result) => void result.refetch())}
      />
    ) : (
      <StoryListSkeleton count={6} label="Loading the stories you follow" />
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="sr-only">
        Newest stories
      </h2>
      {failed.length > 0 && (
        <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          Some of what you follow could not be loaded; showing the rest.
        </p>
      )}
      {stories.length === 0 ? (
        <p className="py-8 text-slate-700 dark:text-slate-300">No stories here yet.</p>
      ) : (
        <>
          <NewSinceNotice stories={stories} />
          <StoryList stories={stories.slice(0, shown)} headingLevel={3} labelledBy={headingId} />
          {shown < stories.length && (
            <div className="mt-6 flex justify-center">
              <button type="button" className="btn-primary" onClick={() => setShown(shown + FOLLOWING_PAGE_SIZE)}>
                Show more
              </button>
            </div>
          )}
          <p role="status" className="sr-only">
            {`Showing ${Math.min(shown, stories.length)} of ${stories.length} stories`}
          </p>
        </>
      )}
    </section>
  );
}

/** /following: the newest stories of every sector, edition and tag the reader follows, merged. */
export function FollowingPage() {
  const { status, topics } = useFollowing();
  useDocumentMeta('Following', 'The newest stories from the sectors, editions and tags you follow.');

  let content;
  if (status === 'loading') {
    content = (
      <>
        <LoadingRegion label="Loading what you follow">
          <SkeletonLine className="h-6 w-3/4" />
        </LoadingRegion>
        <noscript>
          <p className="mt-4">Following keeps what you follow on this device, which needs JavaScript.</p>
        </noscript>
      </>
    );
  } else if (topics.length === 0) {
    content = (
      <div className="rounded border border-slate-200 p-4 dark:border-slate-700">
        <h2 className="font-semibold">You do not follow anything yet</h2>
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          Follow a sector, an edition or a tag and its newest stories come together here. Start with one of these, or
          use <strong>Follow</strong> on a sector&rsquo;s page or beside a story&rsquo;s tags.
        </p>
        <Suggestions />
      </div>
    );
  } else {
    content = (
      <>
        <section aria-label="What you follow" className="mb-6">
          <ul className="flex flex-wrap gap-2">
            {topics.map((topic) => (
              <li key={topicKey(topic)} className="inline-flex items-center gap-1">
                <Link
                  to={topicPath(topic)}
                  className="text-sm text-brand-700 underline hover:no-underline dark:text-sky-300"
                >
                  {topic.name}
                </Link>
                <FollowButton topic={topic} />
              </li>
            ))}
          </ul>
        </section>
        <FollowedStories topics={topics} />
      </>
    );
  }

  return (
    <div className="mx-auto max-w-3xl">
      <h1
        tabIndex={-1}
        className="mb-6 border-b-2 border-brand-700 pb-2 font-serif text-3xl font-bold dark:border-sky-400"
      >
        Following
      </h1>
      {content}
      {status === 'ready' && <MoveToAnotherDevice />}
    </div>
  );
}
