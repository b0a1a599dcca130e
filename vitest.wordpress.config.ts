/**
 * The WordPress tests against a real WordPress (`npm run test:wordpress`): Debian's
 * WordPress, PHP and MariaDB, started by test/wordpress/wordpress.ts for the run and
 * stopped after it. Node environment, no app setup file (nothing here renders).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'wordpress',
    environment: 'node',
    include: ['test/wordpress/**/*.wp.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    // Installing and seeding takes about 4 s on an idle machine; a busy CI machine gets room.
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
  },
});
