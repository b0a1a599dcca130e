import { memoryKeyedStorage, type KeyedStorage } from '../../lib/deviceStore';
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

/** Where the reading list lives: IndexedDB in the browser, memory in tests; keyed by slug. */
export type ReadingListStorage = KeyedStorage<SavedStory>;

/**
 * Its own IndexedDB database, apart from the query cache: clearing or busting that
 * cache (a new app version) never touches what the reader saved. One record per
 * story, keyed by slug, so two tabs saving different stories cannot overwrite each other.
 */
export const READING_LIST_DB = 'devdiscourse-reading-list';

/** An in-memory list (tests, and browsers without IndexedDB). */
export function memoryStorage(initial: SavedStory[] = []): ReadingListStorage {
  return memoryKeyedStorage(initial.map((item) => [item.story.slug, item]));
}
