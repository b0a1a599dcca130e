/**
 * Starts the production server (`node dist-server/main.js`, what `npm start` runs) as
 * its own process on a free port of 127.0.0.1, for the tests that check what it
 * serves, and stops it by its PID.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './server.ts';

export interface ProductionServer {
  url: string;
  pid: number;
  /** Everything the process printed. */
  output(): string;
  close(): Promise<void>;
}

/**
 * The V8 heap limits `npm start` runs with (package.json): a small young generation and a
 * ceiling on the old one keep a process within its memory budget (docs/deploy.md#memory).
 */
export const NODE_MEMORY_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];

export function startProductionServer(
  env: Record<string, string> = {},
  bundle = path.join(PROJECT_ROOT, 'dist-server/main.js'),
): Promise<ProductionServer> {
  const child = spawn(process.execPath, [...NODE_MEMORY_FLAGS, bundle], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/[^\s]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!.replace(/\/$/, ''),
        pid: child.pid!,
        output: () => output,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it started:\n${output}`));
    });
  });
}
