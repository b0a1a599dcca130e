/**
 * Debian's Chromium, as the browser tests and the benchmark launch it: no browser
 * downloads here, and the flags that keep it quiet on a closed network.
 * Erasable TypeScript only: scripts/bench.mjs imports it under plain Node.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to run (CHROMIUM_PATH or Debian's), or an error that says how to install it. */
export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return executablePath;
}
