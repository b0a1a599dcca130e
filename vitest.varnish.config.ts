/**
 * The tests of the server behind a real Varnish (`npm run test:varnish`): Debian's
 * varnish and varnish-modules, started by test/varnish/varnish.ts with the repo's VCL,
 * in front of the production server (dist-server/); and the server's answers to hostile
 * requests. Node environment, one file at a time (each starts its own processes).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'varnish',
    environment: 'node',
    include: ['test/varnish/**/*.varnish.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
  },
});
