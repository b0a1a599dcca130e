/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.config.ts';
import { precompress } from './scripts/precompress.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './test/server/csp.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), VitePWA(pwaOptions), precompress()],
  // `npm run preview` serves the build under the same strict CSP as production.
  preview: {
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, ...SECURITY_HEADERS },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    testTimeout: 15_000,
  },
});
