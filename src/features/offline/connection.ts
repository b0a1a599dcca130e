import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

export function isBrowserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** navigator.onLine, kept current by the online/offline events. */
export function useOnlineStatus(): boolean {
  return useSyncExternalStore(subscribe, isBrowserOnline, () => true);
}

/**
 * Keeps TanStack Query in step with the connection. Its onlineManager assumes
 * "online" at start, so a page loaded offline would never see the change back:
 * tell it the truth now. When the connection returns, everything on screen (feeds
 * above all) is refetched, not only what has gone stale.
 */
export function watchConnection(queryClient: QueryClient): () => void {
  onlineManager.setOnline(isBrowserOnline());
  const onOnline = () => void queryClient.invalidateQueries({ refetchType: 'active' });
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
}
