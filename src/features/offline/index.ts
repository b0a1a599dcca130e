/**
 * Offline support: query-cache persistence, connection state. The connection notice and
 * update prompt are imported from their own files, so their code loads after the page's.
 */
export { NotAvailableOffline, isOfflineFailure } from './NotAvailableOffline';
export { isBrowserOnline, useOnlineStatus, watchConnection } from './connection';
export { announceUpdate, resetUpdateState } from './updateStore';
export { persistQueryCache, QUERY_CACHE_MAX_AGE_MS } from './persistence';
