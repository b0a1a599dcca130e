import { useSyncExternalStore } from 'react';

export interface UpdateState {
  /** A new service worker is installed and waiting. */
  available: boolean;
  /** The reader asked for it: the page reloads as soon as the new worker takes over. */
  applying: boolean;
}

let state: UpdateState = { available: false, applying: false };
let apply: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

function setState(next: UpdateState) {
  state = next;
  listeners.forEach((listener) => listener());
}

/** Called by the service-worker registration when a new version is waiting. */
export function announceUpdate(applyUpdate: () => Promise<void>): void {
  apply = applyUpdate;
  setState({ available: true, applying: false });
}

export function dismissUpdate(): void {
  setState({ ...state, available: false });
}

/** Activates the waiting worker; the registration reloads the page once it controls it. */
export async function applyUpdate(): Promise<void> {
  if (!apply) return;
  setState({ ...state, applying: true });
  await apply();
}

export function resetUpdateState(): void {
  apply = null;
  setState({ available: false, applying: false });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateState(): UpdateState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}
