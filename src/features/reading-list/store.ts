import type { Story } from '../article/api/story';
import { idbStorage, memoryStorage, type ReadingListStorage, type SavedStory } from './storage';

export interface ReadingListSnapshot {
  /** 'loading' until the list has been read from storage once. */
  status: 'loading' | 'ready';
  /** Newest saved first. */
  items: readonly SavedStory[];
}

/** The part of BroadcastChannel the store uses (so tests can pass a fake). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface ReadingListStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ReadingListSnapshot;
  /** Resolves once the first read from storage is done. */
  ready: Promise<void>;
  save(story: Story): Promise<void>;
  remove(slug: string): Promise<void>;
  /**
   * Puts a newer version of a saved story in place of the saved copy (nothing if it is not
   * saved or not newer), keeping the version the reader saved to show what changed.
   */
  refresh(story: Story): Promise<boolean>;
  /** The reader has seen what changed: the mark goes. */
  acknowledge(slug: string): Promise<void>;
  /** Reads storage again (another tab changed it). */
  reload(): Promise<void>;
  dispose(): void;
}

export const READING_LIST_CHANNEL = 'devdiscourse-reading-list';

function sortNewestFirst(items: SavedStory[]): SavedStory[] {
  return items.sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * The reading list as an external store for useSyncExternalStore. Storage is the
 * truth; the snapshot is a sorted copy in memory. Every change is announced on a
 * BroadcastChannel, and other tabs re-read storage, so all tabs agree.
 */
export function createReadingListStore({
  storage,
  channel = null,
  now = Date.now,
}: {
  storage: ReadingListStorage;
  channel?: ChannelLike | null;
  now?: () => number;
}): ReadingListStore {
  let snapshot: ReadingListSnapshot = { status: 'loading', items: [] };
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  // Reads can finish out of order (a save and a broadcast at once): only the latest counts.
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    let items: SavedStory[];
    try {
      items = await storage.getAll();
    } catch (error) {
      console.error('The reading list could not be read', error);
      items = [];
    }
    if (mine !== generation) return;
    snapshot = { status: 'ready', items: sortNewestFirst(items) };
    emit();
  }

  const announce = () => channel?.postMessage({ type: 'changed' });
  channel?.addEventListener('message', () => void reload());

  const ready = reload();

  async function replace(item: SavedStory) {
    snapshot = {
      status: snapshot.status,
      items: snapshot.items.map((other) => (other.story.slug === item.story.slug ? item : other)),
    };
    emit();
    await storage.put(item);
    announce();
    await reload();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    ready,
    async save(story) {
      const item: SavedStory = { story, savedAt: now() };
      // Show it at once; storage follows.
      snapshot = {
        status: snapshot.status,
        items: [item, ...snapshot.items.filter((other) => other.story.slug !== story.slug)],
      };
      emit();
      await storage.put(item);
      announce();
      await reload();
    },
    async remove(slug) {
      snapshot = { status: snapshot.status, items: snapshot.items.filter((item) => item.story.slug !== slug) };
      emit();
      await storage.remove(slug);
      announce();
      await reload();
    },
    async refresh(story) {
      const item = snapshot.items.find((other) => other.story.slug === story.slug);
      if (!item || !(Date.parse(story.updatedAt) > Date.parse(item.story.updatedAt))) return false;
      const { headline, updatedAt, body } = item.story;
      await replace({ story, savedAt: item.savedAt, previous: item.previous ?? { headline, updatedAt, body } });
      return true;
    },
    async acknowledge(slug) {
      const item = snapshot.items.find((other) => other.story.slug === slug);
      if (item?.previous) await replace({ story: item.story, savedAt: item.savedAt, previous: null });
    },
    reload,
    dispose() {
      channel?.close();
      listeners.clear();
    },
  };
}

let defaultStore: ReadingListStore | null = null;

/**
 * The app's reading list: IndexedDB and a BroadcastChannel where the browser has
 * them, memory otherwise (jsdom), so rendering a Save button never throws.
 */
export function getReadingListStore(): ReadingListStore {
  defaultStore ??= createReadingListStore({
    storage: typeof indexedDB === 'undefined' ? memoryStorage() : idbStorage(),
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(READING_LIST_CHANNEL),
  });
  return defaultStore;
}

/** Tests put their own store in place (e.g. memory storage with stories already saved). */
export function setReadingListStore(store: ReadingListStore | null): void {
  defaultStore?.dispose();
  defaultStore = store;
}
