/**
 * The reader's builds for the WordPress and Varnish tests: `npm test` makes both before they
 * run (the e2e setup); such a test file run on its own builds them when missing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildIfMissing(): Promise<void> {
  if (existsSync(path.join(ROOT, 'dist/index.html')) && existsSync(path.join(ROOT, 'dist-server/main.js'))) return;
  // As the e2e setup does: Vitest's NODE_ENV=test would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn' });
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { ssr: 'server/main.ts' } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
