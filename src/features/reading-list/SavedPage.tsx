import { Link } from 'react-router';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { formatHouseTime } from '../../lib/time';
import { useDocumentMeta } from '../../lib/head';
import { ClearHistory } from '../history';
import { changedBlocks } from './changes';
import { useReadingList, useRefreshSaved } from './useReadingList';
import type { SavedStory } from './storage';
import { blockText } from '../../lib/api/blockText';

/** What the publisher changed in a saved story since it was saved: headline, time and paragraphs. */
function SavedChange({ item, onSeen }: { item: SavedStory; onSeen: () => void }) {
  const { story, previous } = item;
  if (!previous) return null;
  const changed = [...changedBlocks(previous.body, story.body)];
  return (
    <div className="mt-2 rounded border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100">
      <p>
        <strong>Updated since you saved it</strong>, at{' '}
        <time dateTime={story.updatedAt}>{formatHouseTime(story.updatedAt)}</time> (you saved the version of{' '}
        <time dateTime={previous.updatedAt}>{formatHouseTime(previous.updatedAt)}</time>).
        {previous.headline !== story.headline && <> It was headlined “{previous.headline}”.</>} The saved copy is the
        new one.
      </p>
      {changed.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer font-semibold">
            {changed.length} {changed.length === 1 ? 'paragraph' : 'paragraphs'} changed
          </summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {changed.map((index) => (
              <li key={index}>
                <mark className="bg-amber-200 text-slate-900">{blockText(story.body[index]!)}</mark>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" className="mt-2 text-sm font-semibold underline" onClick={onSeen}>
        Seen it
        <span className="sr-only">: {story.headline}</span>
      </button>
    </div>
  );
}

/** /saved: the reading list, newest saved first, each with Remove. Works offline (IndexedDB). */
export function SavedPage() {
  const { status, items, remove, acknowledge } = useReadingList();
  useRefreshSaved();
  useDocumentMeta('Saved stories', 'Stories you saved to read later, also offline.');

  return (
    <div className="max-w-3xl">
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        Saved stories
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Stories saved on this device, whole, so you can read them offline.
      </p>
      {status === 'loading' ? (
        <div className="mt-6">
          <LoadingRegion label="Loading saved stories">
            <SkeletonLine className="h-6 w-3/4" />
          </LoadingRegion>
        </div>
      ) : items.length === 0 ? (
        <p className="mt-6 rounded border border-slate-200 p-4 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          No saved stories yet. Use <strong>Save</strong> on a story to keep it here for reading later, even offline.
        </p>
      ) : (
        <ul aria-label="Saved stories" className="mt-6 divide-y divide-slate-200 dark:divide-slate-700">
          {items.map(({ story, savedAt, previous }) => (
            <li key={story.slug} className="flex flex-wrap items-start justify-between gap-3 py-4">
              <div className="min-w-0 flex-1">
                <h2 className="font-serif text-lg leading-snug font-semibold">
                  <Link
                    to={`/article/${encodeURIComponent(story.slug)}`}
                    className="text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-sky-300"
                  >
                    {story.headline}
                  </Link>
                </h2>
                {story.summary && (
                  <p className="mt-1 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{story.summary}</p>
                )}
                <SavedChange item={{ story, savedAt, previous }} onSeen={() => void acknowledge(story.slug)} />
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                  Saved{' '}
                  <time dateTime={new Date(savedAt).toISOString()}>
                    {formatHouseTime(new Date(savedAt).toISOString())}
                  </time>
                </p>
              </div>
              <button
                type="button"
                aria-label={`Remove: ${story.headline}`}
                onClick={() => void remove(story.slug)}
                className="btn-secondary"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ClearHistory />
    </div>
  );
}
