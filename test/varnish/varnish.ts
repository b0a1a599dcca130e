/**
 * A real Varnish for the tests and the freshness bench: Debian's `varnishd` with the
 * repo's VCL (deploy/varnish/default.vcl, its backend pointed at the server under test)
 * and the xkey vmod from `varnish-modules`, on a free port of 127.0.0.1, in the
 * foreground of its own process group, stopped by its PID. Never a system service.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/ports.ts';

export { freePort };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VCL = path.join(ROOT, 'deploy/varnish/default.vcl');
export const VARNISH_INSTALL_COMMAND =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y varnish varnish-modules';
const XKEY = [
  '/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so',
  '/usr/lib/aarch64-linux-gnu/varnish/vmods/libvmod_xkey.so',
];

export interface Varnish {
  url: string;
  pid: number;
  /** `varnishadm` against this instance, e.g. `backend.list`. */
  admin(...args: string[]): string;
  stop(): Promise<void>;
}

/** Fails with the install instruction when Varnish or its xkey vmod is missing (never a skip). */
export function checkVarnish(): void {
  const version = spawnSync('varnishd', ['-V'], { encoding: 'utf8' });
  const missing = [
    version.error || version.status !== 0 ? 'varnish' : null,
    XKEY.some((file) => existsSync(file)) ? null : 'varnish-modules',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `The Varnish tests need Debian's ${missing.join(', ')}. Install them (as root) with:\n  ${VARNISH_INSTALL_COMMAND}`,
    );
  }
}

/** Varnish with the repo's VCL in front of `backendPort` on 127.0.0.1 (on `port`, or a free one). */
export async function startVarnish(backendPort: number, port?: number): Promise<Varnish> {
  checkVarnish();
  const dir = await mkdtemp(path.join(tmpdir(), 'newsreader-varnish-'));
  // varnishd drops to its own user, which must read the VCL.
  await chmod(dir, 0o755);
  const vcl = (await readFile(VCL, 'utf8')).replace('.port = "3000";', `.port = "${backendPort}";`);
  if (!vcl.includes(`"${backendPort}"`)) throw new Error(`${VCL} has no backend port "3000" to point at the server`);
  const vclFile = path.join(dir, 'default.vcl');
  await writeFile(vclFile, vcl);
  await chmod(vclFile, 0o644);
  port ??= await freePort();
  const workdir = path.join(dir, 'n');
  const child: ChildProcess = spawn(
    'varnishd',
    ['-F', '-n', workdir, '-a', `127.0.0.1:${port}`, '-T', '127.0.0.1:0', '-f', vclFile, '-s', 'malloc,128m'],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
      });
    }
    await rm(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (true) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`varnishd exited with ${child.exitCode}:\n${output}`);
    }
    // Up, and its probe has found the server healthy.
    const up = await fetch(`${url}/healthz`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (up) break;
    if (Date.now() - started > 20_000) {
      await stop();
      throw new Error(`varnishd did not answer in 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    admin: (...args) => spawnSync('varnishadm', ['-n', workdir, ...args], { encoding: 'utf8' }).stdout,
    stop,
  };
}
