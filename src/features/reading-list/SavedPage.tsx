import { Link } from 'react-router';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { formatHouseTime } from '../../lib/time';
import { useDocumentMeta } from '../../lib/head';
import { useReadingList } from './useReadingList';

/** /saved: the reading list, newest saved first, each with Remove. Works offline (IndexedDB). */
export function SavedPage() {
  const { status, items, remove } = useReadingList();
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
          {items.map(({ story, savedAt }) => (
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
    </div>
  );
}
