import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useDeviceStoreValue } from '../../lib/deviceStore';
import { getReadingListStore, type ReadingListSnapshot } from './store';
import type { SavedStory, SavedVersion } from './storage';
import { storyQuery, type Story } from '../article/api/story';

/** The reading list is the reader's own: the server renders it empty, and hydration starts from that. */
const SERVER_SNAPSHOT: ReadingListSnapshot = { status: 'loading', items: [] };

function useSnapshot(): ReadingListSnapshot {
  return useDeviceStoreValue(getReadingListStore, (snapshot) => snapshot, SERVER_SNAPSHOT);
}

const acknowledge = (slug: string) => getReadingListStore().acknowledge(slug);

// Saving and removing happen in event handlers, in the browser only. The same two
// functions every render, so a component may pass them on or list them as dependencies.
const save = (story: Story) => getReadingListStore().save(story);
const remove = (slug: string) => getReadingListStore().remove(slug);

/** The reading list (newest saved first) and its actions. */
export function useReadingList() {
  return { ...useSnapshot(), save, remove, acknowledge };
}

/**
 * The saved copy of one story, if it is on the reading list and `wanted` (a page asks only
 * while it has no other copy). Subscribed to that one value: the list arriving after
 * hydration re-renders nothing unless the answer changed, so the article renders once.
 */
export function useSavedStory(slug: string, wanted = true): SavedStory | null {
  const saved = ({ items }: ReadingListSnapshot) => (wanted && items.find(({ story }) => story.slug === slug)) || null;
  return useDeviceStoreValue(getReadingListStore, saved, null);
}

/** The version the reader saved, when the saved story has changed since and they have not seen it. */
export function useSavedChange(slug: string): SavedVersion | null {
  const previous = ({ items }: ReadingListSnapshot) => items.find(({ story }) => story.slug === slug)?.previous ?? null;
  return useDeviceStoreValue(getReadingListStore, previous, null);
}

/** A newer version of a saved story, fetched for the page, replaces the offline copy. */
export function useKeepSavedFresh(story: Story | undefined): void {
  useEffect(() => {
    if (story && typeof window !== 'undefined') void getReadingListStore().refresh(story);
  }, [story]);
}

/**
 * Asks for each saved story again (through the query cache, so a fresh copy costs nothing)
 * and keeps any newer version; offline, the saved copies simply stay.
 */
export function useRefreshSaved(): void {
  const queryClient = useQueryClient();
  const { status } = useSnapshot();
  useEffect(() => {
    if (status !== 'ready') return;
    for (const { story } of getReadingListStore().getSnapshot().items) {
      queryClient
        .fetchQuery(storyQuery(story.slug))
        .then((fresh) => getReadingListStore().refresh(fresh))
        .catch(() => {}); // offline or gone: the saved copy stays as it is
    }
  }, [queryClient, status]);
}
