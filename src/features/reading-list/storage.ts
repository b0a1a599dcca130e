import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { Story } from '../article/api/story';

/** One story on the reading list: the whole story (body included) and when it was saved. */
export interface SavedStory {
  story: Story;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /**
   * The version the reader saved, once the publisher changed the story (the copy above is then
   * the new one); absent or null while unchanged, and again once the reader has seen the change.
   */
  previous?: SavedVersion | null;
}

export interface SavedVersion {
  headline: string;
  updatedAt: string;
  body: Story['body'];
}

/** Where the reading list lives; IndexedDB in the browser, memory in tests. */
export interface ReadingListStorage {
  getAll(): Promise<SavedStory[]>;
  put(item: SavedStory): Promise<void>;
  remove(slug: string): Promise<void>;
}

/**
 * Its own IndexedDB database, apart from the query cache: clearing or busting that
 * cache (a new app version) never touches what the reader saved. One record per
 * story, keyed by slug, so two tabs saving different stories cannot overwrite each other.
 */
export const READING_LIST_DB = 'devdiscourse-reading-list';

export function idbStorage(): ReadingListStorage {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(READING_LIST_DB, 'stories'));
  return {
    getAll: () => values<SavedStory>(db()),
    put: (item) => set(item.story.slug, item, db()),
    remove: (slug) => del(slug, db()),
  };
}

/** An in-memory list (tests, and browsers without IndexedDB). */
export function memoryStorage(initial: SavedStory[] = []): ReadingListStorage {
  const items = new Map(initial.map((item) => [item.story.slug, structuredClone(item)]));
  return {
    getAll: async () => [...items.values()].map((item) => structuredClone(item)),
    put: async (item) => {
      items.set(item.story.slug, structuredClone(item));
    },
    remove: async (slug) => {
      items.delete(slug);
    },
  };
}
