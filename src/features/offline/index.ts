/** Offline support: connection notice, update prompt, query-cache persistence. */
export { ConnectionNotice, OFFLINE_MESSAGE, BACK_ONLINE_MESSAGE } from './ConnectionNotice';
export { UpdatePrompt } from './UpdatePrompt';
export { NotAvailableOffline, isOfflineFailure } from './NotAvailableOffline';
export { isBrowserOnline, useOnlineStatus, watchConnection } from './connection';
export { announceUpdate, resetUpdateState } from './updateStore';
export { persistQueryCache, QUERY_CACHE_MAX_AGE_MS } from './persistence';
