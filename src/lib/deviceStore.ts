import { clear, createStore, del, entries, set, setMany, type UseStore } from 'idb-keyval';
import { useSyncExternalStore } from 'react';

/**
 * Records kept on the reader's device, keyed by a string: what the reader follows, what they
 * opened. Nothing of it is sent anywhere. One record per key, so two tabs changing different
 * records cannot overwrite each other.
 */
export interface KeyedStorage<T> {
  getAll(): Promise<T[]>;
  putMany(items: [string, T][]): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** An IndexedDB database of its own (apart from the query cache, which a new app version busts). */
export function idbKeyedStorage<T>(database: string, storeName: string): KeyedStorage<T> {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(database, storeName));
  return {
    getAll: async () => (await entries<string, T>(db())).map(([, value]) => value),
    putMany: (items) => (items.length === 1 ? set(items[0]![0], items[0]![1], db()) : setMany(items, db())),
    remove: (key) => del(key, db()),
    clear: () => clear(db()),
  };
}

/** In memory (tests, and browsers without IndexedDB). */
export function memoryKeyedStorage<T>(initial: [string, T][] = []): KeyedStorage<T> {
  const items = new Map(initial.map(([key, value]) => [key, structuredClone(value)]));
  return {
    getAll: async () => [...items.values()].map((value) => structuredClone(value)),
    putMany: async (more) => {
      for (const [key, value] of more) items.set(key, structuredClone(value));
    },
    remove: async (key) => {
      items.delete(key);
    },
    clear: async () => {
      items.clear();
    },
  };
}

/** The part of BroadcastChannel a store uses (so tests can pass a fake pair). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface DeviceSnapshot<T> {
  /** 'loading' until storage has been read once. */
  status: 'loading' | 'ready';
  items: readonly T[];
}

export interface DeviceStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): DeviceSnapshot<T>;
  /** Resolves once the first read from storage is done. */
  ready: Promise<void>;
  put(...items: T[]): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
  /** Reads storage again (another tab changed it). */
  reload(): Promise<void>;
  dispose(): void;
}

/**
 * Keyed records as an external store for useSyncExternalStore. Storage is the truth, the
 * snapshot a sorted copy; each change is announced on the channel and other tabs re-read
 * storage, so every tab agrees (the reading list's model, for any record).
 */
export function createDeviceStore<T>({
  storage,
  keyOf,
  compare,
  channel = null,
  limit = Infinity,
}: {
  storage: KeyedStorage<T>;
  keyOf: (item: T) => string;
  /** Sort order of the snapshot (the first `limit` are kept). */
  compare: (a: T, b: T) => number;
  channel?: ChannelLike | null;
  /** At most this many records; the last in `compare` order are dropped on the next write. */
  limit?: number;
}): DeviceStore<T> {
  let snapshot: DeviceSnapshot<T> = { status: 'loading', items: [] };
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  // Reads can finish out of order (a write and a broadcast at once): only the latest counts.
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    let items: T[];
    try {
      items = await storage.getAll();
    } catch (error) {
      console.error('Could not read what this device keeps', error);
      items = [];
    }
    if (mine !== generation) return;
    snapshot = { status: 'ready', items: items.sort(compare) };
    emit();
  }

  const announce = () => channel?.postMessage({ type: 'changed' });
  channel?.addEventListener('message', () => void reload());
  const ready = reload();

  async function change(next: T[], write: () => Promise<void>) {
    snapshot = { status: snapshot.status, items: next };
    emit(); // shown at once; storage follows
    await write();
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
    async put(...items) {
      const keys = new Set(items.map(keyOf));
      const all = [...items, ...snapshot.items.filter((item) => !keys.has(keyOf(item)))].sort(compare);
      const dropped = all.slice(limit);
      await change(all.slice(0, limit), async () => {
        await storage.putMany(items.map((item) => [keyOf(item), item]));
        for (const item of dropped) await storage.remove(keyOf(item));
      });
    },
    async remove(key) {
      await change(
        snapshot.items.filter((item) => keyOf(item) !== key),
        () => storage.remove(key),
      );
    },
    async clear() {
      await change([], () => storage.clear());
    },
    reload,
    dispose() {
      channel?.close();
      listeners.clear();
    },
  };
}

/** The app's one instance of a store, made on first use; tests put their own in place (`set`). */
export function appInstance<S extends { dispose(): void }>(create: () => S): { get(): S; set(store: S | null): void } {
  let current: S | null = null;
  return {
    get: () => (current ??= create()),
    set(store) {
      current?.dispose();
      current = store;
    },
  };
}

/** IndexedDB and a BroadcastChannel where the browser has them, memory otherwise (jsdom, the server). */
export function browserStorage<T>(database: string, storeName: string): KeyedStorage<T> {
  return typeof indexedDB === 'undefined' ? memoryKeyedStorage<T>() : idbKeyedStorage<T>(database, storeName);
}
export function browserChannel(name: string): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
}

const noSubscription = () => () => {};

/**
 * A store's snapshot, or `empty` on the server and during hydration: what the reader keeps is
 * their own, so the server renders without it and the browser moves to it after hydrating.
 */
export function useDeviceStore<T>(getStore: () => DeviceStore<T>, empty: DeviceSnapshot<T>): DeviceSnapshot<T> {
  return useDeviceStoreValue(getStore, (snapshot) => snapshot, empty);
}

/**
 * One value read from a store's snapshot, `serverValue` on the server and during hydration.
 * The component re-renders only when that value changes: a store that arrives after
 * hydration and changes nothing on the page re-renders nothing.
 */
export function useDeviceStoreValue<T, V>(
  getStore: () => Pick<DeviceStore<T>, 'subscribe' | 'getSnapshot'>,
  select: (snapshot: DeviceSnapshot<T>) => V,
  serverValue: V,
): V {
  const store = typeof window === 'undefined' ? null : getStore();
  const server = () => serverValue;
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    store ? () => select(store.getSnapshot()) : server,
    server,
  );
}
