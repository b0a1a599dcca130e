import { useSyncExternalStore } from 'react';

/**
 * Visits, for "new since your last visit". A visit ends after VISIT_GAP_MS without the
 * reader on the site; the next one marks what was published after that. Kept in
 * localStorage (a few bytes, read synchronously, so the marks are right at the first
 * render after hydration) and shared by every tab: a second tab continues the visit.
 */
export const VISIT_KEY = 'devdiscourse-visit';
export const VISIT_GAP_MS = 30 * 60_000;

interface VisitRecord {
  /** When the previous visit ended (ms since the epoch); null on the first visit. */
  since: number | null;
  lastActiveAt: number;
}

/** The part of Storage visits use (tests pass a Map-backed one). */
export type VisitStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function read(storage: VisitStorage): VisitRecord | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(VISIT_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { since, lastActiveAt } = value as Record<string, unknown>;
    if (typeof lastActiveAt !== 'number' || !(since === null || typeof since === 'number')) return null;
    return { since, lastActiveAt };
  } catch {
    return null;
  }
}

function write(storage: VisitStorage, record: VisitRecord) {
  try {
    storage.setItem(VISIT_KEY, JSON.stringify(record));
  } catch {
    // Storage full or refused (private mode): the marks are a courtesy, the page works without.
  }
}

/**
 * Starts or continues a visit at `now`, returning the time stories count as new from:
 * the end of the previous visit, or null when there was none (nothing is new on a first visit).
 */
export function beginVisit(storage: VisitStorage, now: number): number | null {
  const stored = read(storage);
  const since = stored === null ? null : now - stored.lastActiveAt > VISIT_GAP_MS ? stored.lastActiveAt : stored.since;
  write(storage, { since, lastActiveAt: now });
  return since;
}

/** The reader is still here: the visit goes on. */
export function touchVisit(storage: VisitStorage, now: number): void {
  const stored = read(storage);
  write(storage, { since: stored?.since ?? null, lastActiveAt: now });
}

export function forgetVisits(storage: VisitStorage): void {
  storage.removeItem(VISIT_KEY);
}

// This page's view: the visit's start is read once, so a list does not change under the reader.
let since: number | null = null;
const listeners = new Set<() => void>();

function visitStorage(): VisitStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Called once the app runs in the browser (and again in tests for a new visit). */
export function startVisit(now = Date.now(), storage = visitStorage()): void {
  since = storage ? beginVisit(storage, now) : null;
  listeners.forEach((listener) => listener());
}

export function keepVisitAlive(now = Date.now(), storage = visitStorage()): void {
  if (storage) touchVisit(storage, now);
}

export function clearVisits(storage = visitStorage()): void {
  if (storage) forgetVisits(storage);
  since = null;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** When the previous visit ended, or null (first visit, the server, hydration). */
export function useVisitSince(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => since,
    () => null,
  );
}
