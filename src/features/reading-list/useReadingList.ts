import { useSyncExternalStore } from 'react';
import { getReadingListStore, type ReadingListSnapshot } from './store';
import type { SavedStory } from './storage';
import type { Story } from '../article/api/story';

/** The reading list is the reader's own: the server renders it empty, and hydration starts from that. */
const SERVER_SNAPSHOT: ReadingListSnapshot = { status: 'loading', items: [] };
const serverSnapshot = () => SERVER_SNAPSHOT;
const noSubscription = () => () => {};

function useSnapshot(): ReadingListSnapshot {
  const store = typeof window === 'undefined' ? null : getReadingListStore();
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? serverSnapshot, serverSnapshot);
}

// Saving and removing happen in event handlers, in the browser only. The same two
// functions every render, so a component may pass them on or list them as dependencies.
const save = (story: Story) => getReadingListStore().save(story);
const remove = (slug: string) => getReadingListStore().remove(slug);

/** The reading list (newest saved first) and its actions. */
export function useReadingList() {
  return { ...useSnapshot(), save, remove };
}

const noStory = () => null;

/**
 * The saved copy of one story, if it is on the reading list and `wanted` (a page asks only
 * while it has no other copy). Subscribed to that one value: the list arriving after
 * hydration re-renders nothing unless the answer changed, so the article renders once.
 */
export function useSavedStory(slug: string, wanted = true): SavedStory | null {
  const store = typeof window === 'undefined' ? null : getReadingListStore();
  const saved = () => (wanted ? (store?.getSnapshot().items.find((item) => item.story.slug === slug) ?? null) : null);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, saved, noStory);
}
