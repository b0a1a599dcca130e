/**
 * Lite mode: pages as text with no script, made by the production server (server/lite.ts).
 * The reader's choice (a cookie) wins; without one, the browser's Save-Data hint.
 */
export const LITE_COOKIE = 'reader-lite';

export function wantsLite(cookieHeader: string | undefined, saveData: string | undefined): boolean {
  const choice = /(?:^|;\s*)reader-lite=(on|off)(?:;|$)/.exec(cookieHeader ?? '')?.[1];
  if (choice) return choice === 'on';
  return (saveData ?? '').trim().toLowerCase() === 'on';
}

/** The browser's own view: its cookie and its Save-Data setting. */
export function browserWantsLite(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return wantsLite(document.cookie, connection?.saveData ? 'on' : undefined);
}

/**
 * A service worker answers every page with the app's shell, so the server's lite pages would
 * never be seen: leaving for them means unregistering it first (and it would precache about
 * 1 MB, the opposite of saving data).
 */
export async function withoutServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
}
