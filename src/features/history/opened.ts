import {
  appInstance,
  browserChannel,
  browserStorage,
  createDeviceStore,
  useDeviceStore,
  type DeviceStore,
} from '../../lib/deviceStore';

/** A story the reader opened, and the version they saw. */
export interface OpenedStory {
  slug: string;
  headline: string;
  /** The story's `updatedAt` when it was read. */
  updatedAt: string;
  /** Milliseconds since the epoch. */
  openedAt: number;
}

/** The history is bounded: the newest this many opened stories. */
export const HISTORY_LIMIT = 500;
export const HISTORY_DB = 'devdiscourse-history';
export const HISTORY_CHANNEL = 'devdiscourse-history';

export type HistoryStore = DeviceStore<OpenedStory>;

export function createHistoryStore(
  options: Omit<Parameters<typeof createDeviceStore<OpenedStory>>[0], 'keyOf' | 'compare'>,
) {
  return createDeviceStore<OpenedStory>({
    limit: HISTORY_LIMIT,
    ...options,
    keyOf: (item) => item.slug,
    compare: (a, b) => b.openedAt - a.openedAt,
  });
}

const instance = appInstance<HistoryStore>(() =>
  createHistoryStore({
    storage: browserStorage(HISTORY_DB, 'opened'),
    channel: browserChannel(HISTORY_CHANNEL),
  }),
);
export const getHistoryStore = instance.get;
/** Tests put their own store in place (e.g. memory storage with records already in). */
export const setHistoryStore = instance.set;

const EMPTY = { status: 'loading' as const, items: [] };

/** The opened stories, newest first; empty on the server. */
export function useHistory() {
  return useDeviceStore(getHistoryStore, EMPTY);
}
