import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StoryCard } from '../../lib/api/schemas';
import { storyQuery, type Story } from '../article/api/story';
import { useReadingList } from './useReadingList';

function isWholeStory(story: StoryCard | Story): story is Story {
  return 'body' in story && Array.isArray(story.body);
}

/**
 * Save / Saved toggle for the reading list. A card only has the summary, so saving
 * from a card fetches the whole story first (through the query cache: no second
 * request when it is already there), so the saved copy can be read offline.
 */
export function SaveButton({ story, size = 'small' }: { story: StoryCard | Story; size?: 'small' | 'large' }) {
  const queryClient = useQueryClient();
  const { items, save, remove } = useReadingList();
  const saved = items.some((item) => item.story.slug === story.slug);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function toggle() {
    setFailed(false);
    if (saved) {
      await remove(story.slug);
      return;
    }
    setBusy(true);
    try {
      const whole = isWholeStory(story) ? story : await queryClient.fetchQuery(storyQuery(story.slug));
      await save(whole);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const label = busy ? 'Saving…' : saved ? 'Saved' : 'Save';
  const sizeClass = size === 'large' ? 'px-3 py-1.5 text-sm' : 'px-2 py-0.5 text-xs';
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-pressed={saved}
        aria-label={`${label}: ${story.headline}`}
        disabled={busy}
        onClick={() => void toggle()}
        className={`inline-flex items-center gap-1 rounded border font-semibold disabled:opacity-60 ${sizeClass} ${
          saved
            ? 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800 dark:border-sky-300 dark:bg-sky-300 dark:text-slate-900'
            : 'border-slate-400 text-slate-800 hover:bg-slate-100 dark:border-slate-500 dark:text-slate-100 dark:hover:bg-slate-800'
        }`}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5">
          <path
            d="M4 2h8v12l-4-3-4 3z"
            fill={saved ? 'currentColor' : 'none'}
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>
        {label}
      </button>
      {failed && (
        <span role="alert" className="text-xs text-accent-600 dark:text-red-300">
          Could not save this story. Check the connection and try again.
        </span>
      )}
    </span>
  );
}
