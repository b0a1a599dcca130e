import { whenIdle } from '../../lib/wait';
import { getConfig, loadRuntimeConfig } from '../../lib/config';
import { browserWantsLite, withoutServiceWorker } from '../../lib/liteMode';
import { announceUpdate } from './updateStore';

const UPDATE_CHECK_INTERVAL_MS = 60 * 60_000;

/**
 * Registers the app's service worker (sw.js, built by vite-plugin-pwa) from the
 * app's own bundle, as the CSP allows no inline script. A waiting new version is
 * announced (UpdatePrompt) and never activated without the reader's say-so. In
 * development the plugin makes this a no-op.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // The reader wants the server's lite pages: no worker, and a worker that answered this page goes.
  if (getConfig().liteMode && browserWantsLite()) {
    const controlled = navigator.serviceWorker.controller !== null;
    void withoutServiceWorker().then(() => {
      if (controlled) window.location.reload();
    });
    return;
  }

  // On the very first visit config.json was fetched before the worker existed, so it
  // is not in the worker's cache: read it again once the worker controls the page,
  // or an offline start would not know which API (and which cached answers) to use.
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', () => void loadRuntimeConfig(), { once: true });
  }

  // The first install precaches the whole shell: let the page load and settle first.
  const afterLoad = () => void whenIdle().then(register);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

async function register(): Promise<void> {
  // workbox-window, in its own chunk: nothing on the page needs it before this.
  const { registerSW } = await import('virtual:pwa-register');
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () =>
      announceUpdate(async () => {
        // Reload once the waiting worker has taken over (also when this page was
        // opened before any worker controlled it, which workbox-window leaves alone).
        navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
        await updateServiceWorker(true);
      }),
    // The reload above is the only one.
    onNeedReload: () => {},
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // Long-open tabs look for a new version now and then (the browser also checks on navigation).
      setInterval(() => {
        if (navigator.onLine && !registration.installing) void registration.update().catch(() => {});
      }, UPDATE_CHECK_INTERVAL_MS);
    },
    onRegisterError: (error: unknown) => console.warn('The service worker could not be registered', error),
  });
}
