/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.config.ts';
import { deferEntry } from './scripts/deferEntry.ts';
import { precompress } from './scripts/precompress.ts';
import { staticShell } from './scripts/staticShell.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './test/server/csp.ts';

/**
 * Two builds: the browser's (`vite build`, into dist/: the static deployment and what the
 * server sends) and the server's (`vite build --ssr server/main.ts`, into dist-server/:
 * the same components, rendered in Node; no service worker or compression there).
 */
export default defineConfig(({ isSsrBuild }) => ({
  plugins: isSsrBuild
    ? [react()]
    : [
        react(),
        tailwindcss(),
        // A build for an API (`MOCK_DATA=off`) does not precache the built-in mock data.
        VitePWA(pwaOptions({ withMockData: process.env.MOCK_DATA !== 'off' })),
        staticShell(),
        deferEntry(),
        precompress(),
      ],
  // `npm run preview` serves the build under the same strict CSP as production.
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...SECURITY_HEADERS },
  },
  build: isSsrBuild
    ? { target: 'node24', outDir: 'dist-server', emptyOutDir: true, sourcemap: true, copyPublicDir: false }
    : {
        target: 'es2022',
        sourcemap: false,
        // React, the router and the query library in one chunk: every page needs them, and
        // one file compresses better than the five shared chunks they were split into.
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                {
                  name: 'framework',
                  test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query))[\\/]/,
                },
              ],
            },
          },
        },
      },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    testTimeout: 15_000,
  },
}));
