import type { Story } from '../article/api/story';
import {
  appInstance,
  browserChannel,
  browserStorage,
  createDeviceStore,
  type ChannelLike,
  type DeviceSnapshot,
} from '../../lib/deviceStore';
import { READING_LIST_DB, type ReadingListStorage, type SavedStory } from './storage';

/** 'loading' until the list has been read from storage once; then its items, newest saved first. */
export type ReadingListSnapshot = DeviceSnapshot<SavedStory>;

export type { ChannelLike };

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

/**
 * The reading list: the device's keyed store of saved stories (src/lib/deviceStore.ts: storage
 * is the truth, every tab told of each change), newest saved first, with the list's own actions.
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
  const device = createDeviceStore<SavedStory>({
    storage,
    keyOf: (item) => item.story.slug,
    compare: (a, b) => b.savedAt - a.savedAt,
    channel,
  });
  const find = (slug: string) => device.getSnapshot().items.find((item) => item.story.slug === slug);

  return {
    subscribe: device.subscribe,
    getSnapshot: device.getSnapshot,
    ready: device.ready,
    save: (story) => device.put({ story, savedAt: now() }),
    remove: device.remove,
    async refresh(story) {
      const item = find(story.slug);
      if (!item || !(Date.parse(story.updatedAt) > Date.parse(item.story.updatedAt))) return false;
      const { headline, updatedAt, body } = item.story;
      await device.put({ story, savedAt: item.savedAt, previous: item.previous ?? { headline, updatedAt, body } });
      return true;
    },
    async acknowledge(slug) {
      const item = find(slug);
      if (item?.previous) await device.put({ story: item.story, savedAt: item.savedAt, previous: null });
    },
    reload: device.reload,
    dispose: device.dispose,
  };
}

const instance = appInstance<ReadingListStore>(() =>
  createReadingListStore({
    storage: browserStorage<SavedStory>(READING_LIST_DB, 'stories'),
    channel: browserChannel(READING_LIST_CHANNEL),
  }),
);
/**
 * The app's reading list: IndexedDB and a BroadcastChannel where the browser has
 * them, memory otherwise (jsdom), so rendering a Save button never throws.
 */
export const getReadingListStore = instance.get;
/** Tests put their own store in place (e.g. memory storage with records already in). */
export const setReadingListStore = instance.set;
