import { useSyncExternalStore } from 'react';
import { getReadingListStore, type ReadingListSnapshot } from './store';
import type { SavedStory } from './storage';

function useSnapshot(): ReadingListSnapshot {
  const store = getReadingListStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** The reading list (newest saved first) and its actions. */
export function useReadingList() {
  const snapshot = useSnapshot();
  const store = getReadingListStore();
  return { ...snapshot, save: store.save, remove: store.remove };
}

/** The saved copy of one story, if it is on the reading list. */
export function useSavedStory(slug: string): SavedStory | null {
  return useSnapshot().items.find((item) => item.story.slug === slug) ?? null;
}
