/**
 * Browser tests against the production build (`npm run test:e2e`): Node environment,
 * the build made once in globalSetup, one test file at a time (each drives its own
 * Chromium; the CI machine has two cores, and two files at once gained only 10%).
 * The timing test (perf.e2e.ts) runs alone afterwards on the same build: `E2E_PERF=1`
 * selects it.
 */
import { defineConfig } from 'vitest/config';

const perfOnly = process.env.E2E_PERF === '1';
const PERF_TEST = 'test/e2e/perf.e2e.ts';

export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: perfOnly ? [PERF_TEST] : ['test/e2e/**/*.e2e.ts'],
    exclude: perfOnly ? [] : [PERF_TEST],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    restoreMocks: true,
  },
});
