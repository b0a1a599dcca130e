/**
 * Browser tests against the production build (`npm run test:e2e`): Node environment,
 * the build made once in globalSetup, one test file at a time (each drives its own
 * Chromium; the CI machine has two cores).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    restoreMocks: true,
  },
});
