/**
 * The Progressive Web App: web app manifest and service worker (vite-plugin-pwa,
 * Workbox generateSW). See docs/offline.md.
 *
 * - The app shell (HTML, JS, CSS, icons) is precached, so the app starts with no
 *   network. The demo build (no `MOCK_DATA=off`) also precaches the mock-data chunk
 *   and its images; a build for an API leaves them out (about 160 kB gzip that such a
 *   deployment never uses: the worker's install downloads only the real shell).
 * - Client-side routes fall back to the precached index.html.
 * - API responses and images are cached at run time in bounded caches.
 * - Updates wait for the reader: registerType 'prompt' (no skipWaiting); the app shows
 *   "A new version is available" and only reloads when asked (src/features/offline).
 * - Nothing inline, so the strict CSP holds: the app registers the worker itself from
 *   its own bundle (injectRegister: false, `virtual:pwa-register`).
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

const DAY = 24 * 60 * 60;

/** Brand navy (--color-brand-800) and the page background (white). */
export const THEME_COLOR = '#0f3b66';
export const BACKGROUND_COLOR = '#ffffff';

/** Files only the built-in mock API uses (src/lib/api/mockTransport.ts and the fixtures' pictures and posters). */
const MOCK_DATA_FILES = ['assets/mockTransport-*.js', 'mock-images/**', 'mock-media/**'];

export function pwaOptions({ withMockData }: { withMockData: boolean }): Partial<VitePWAOptions> {
  return {
    registerType: 'prompt',
    injectRegister: false,
    strategies: 'generateSW',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      id: '/',
      name: 'Devdiscourse Reader',
      short_name: 'Devdiscourse',
      description:
        'News on development, economy, technology and health from every region, readable offline, with a reading list.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      categories: ['news'],
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // The shell: every built script and style, the HTML and icons, and in the demo
      // build the mock data and its images (about 210 kB, so it shows its pictures
      // offline). config.json is not precached: it is per deployment (runtime rule below).
      // Video clips (.webm, .mp4) and their captions (.vtt) match no pattern on purpose:
      // media is streamed with range requests, and one clip can outweigh the whole shell.
      // JPEG only for the demo's raster pictures; the share card is for other sites, not readers.
      globPatterns: ['**/*.{js,css,html,svg,png,jpg}'],
      globIgnores: [
        '**/node_modules/**',
        'config.json',
        'icons/share-card.png',
        ...(withMockData ? [] : MOCK_DATA_FILES),
      ],
      maximumFileSizeToCacheInBytes: 1024 * 1024,
      navigateFallback: '/index.html',
      // Not for the API, the fault switch or anything that looks like a file.
      navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/__/, /\/[^/?]+\.[^/?]+$/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      runtimeCaching: [
        {
          // Per-deployment settings (e.g. the API base URL): fresh when online, the last
          // copy offline, so an offline start still talks to the right API's cache.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/config.json',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'app-config',
            networkTimeoutSeconds: 3,
            expiration: { maxEntries: 2 },
            cacheableResponse: { statuses: [200] },
          },
        },
        {
          // The content API, wherever config.json puts it: the
          // client asks for JSON with `Accept: application/json` on every GET (see
          // src/lib/api/client.ts), and a same-origin /api/ is matched by path too.
          // Network first: the reader gets fresh news online and the last copy offline.
          // No network timeout here: the app has its own (requestTimeoutMs).
          urlPattern: ({ request, url, sameOrigin }) =>
            request.method === 'GET' &&
            (request.headers.get('accept') === 'application/json' || (sameOrigin && url.pathname.startsWith('/api/'))),
          handler: 'NetworkFirst',
          options: {
            cacheName: 'api',
            expiration: { maxEntries: 200, maxAgeSeconds: 7 * DAY, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [200] },
          },
        },
        {
          // Story pictures (also from other origins: opaque responses are allowed).
          urlPattern: ({ request }) => request.destination === 'image',
          handler: 'CacheFirst',
          options: {
            cacheName: 'images',
            expiration: { maxEntries: 120, maxAgeSeconds: 30 * DAY, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [0, 200] },
          },
        },
      ],
    },
  };
}
