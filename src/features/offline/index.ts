/**
 * Offline support: connection state. Query-cache persistence, the connection notice and the
 * update prompt are imported from their own files, so their code loads after the page's.
 */
export { NotAvailableOffline, isOfflineFailure } from './NotAvailableOffline';
export { isBrowserOnline, useOnlineStatus, watchConnection } from './connection';
export { announceUpdate, resetUpdateState } from './updateStore';
