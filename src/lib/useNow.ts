import { useSyncExternalStore } from 'react';

/**
 * The current time, updated once a minute and whenever the tab comes back into view,
 * so "3 min. ago" and the top bar's date do not go stale in a tab left open. One timer
 * serves every component that asks; it stops when none is mounted.
 */
const TICK_MS = 60_000;
/** A time this far off is refreshed when nothing keeps it current (no timer running). */
const STALE_MS = 30_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function onVisibilityChange() {
  if (document.visibilityState === 'visible') tick();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    refreshIfStale();
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

/**
 * With no timer running, `now` may be old: it is refreshed then, but only when stale. A
 * fresh value on every first subscribe would make each component that just rendered
 * with the old one render again, synchronously, as the app starts: one long task.
 */
function refreshIfStale() {
  const current = Date.now();
  if (Math.abs(current - now) >= STALE_MS) now = current;
}

const getSnapshot = () => {
  if (listeners.size === 0) refreshIfStale();
  return now;
};

/**
 * The time a server-rendered page was rendered at: hydration must render what the
 * server did ("3 min. ago" as of then), and the current time follows straight after.
 */
let renderedAt: number | null = null;
export function setServerRenderTime(time: number | null): void {
  renderedAt = time;
}
const getServerSnapshot = () => renderedAt ?? getSnapshot();

/** Milliseconds since the epoch, as of the last tick. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
