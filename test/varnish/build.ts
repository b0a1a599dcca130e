/** Builds the app and the server once when `dist/` or `dist-server/` is missing (npm test's e2e stage builds them first). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './varnish.ts';

export async function buildIfMissing(): Promise<void> {
  if (existsSync(path.join(ROOT, 'dist/index.html')) && existsSync(path.join(ROOT, 'dist-server/main.js'))) return;
  // Vitest's NODE_ENV=test would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn' });
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { ssr: 'server/main.ts' } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
