/**
 * Builds the app once for the whole e2e run, exactly as `npm run build` does, so the
 * tests exercise the production bundle. E2E_SKIP_BUILD=1 reuses the existing dist/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(): Promise<void> {
  const outDir = path.resolve(projectRoot, process.env.E2E_DIST ?? 'dist');
  const index = path.join(outDir, 'index.html');
  const serverBundle = path.join(projectRoot, 'dist-server/main.js');
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(index) || !existsSync(serverBundle)) {
      throw new Error('E2E_SKIP_BUILD=1 but dist/index.html or dist-server/main.js is missing: run `npm run build`.');
    }
    return;
  }
  const started = Date.now();
  // Vitest sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: without this the
  // bundle would carry React's development build, not what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: projectRoot,
      configFile: path.join(projectRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    // The production server (npm start), which renders pages from the same components.
    await build({
      root: projectRoot,
      configFile: path.join(projectRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { ssr: 'server/main.ts' },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`e2e: production build ready in ${Date.now() - started} ms`);
}
