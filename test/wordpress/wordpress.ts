/**
 * A real WordPress for the tests: Debian's `wordpress` package on PHP's built-in
 * server, with its own throw-away MariaDB (a data folder and a unix socket under a
 * temporary folder, no TCP port), installed and seeded by install.php. Nothing here
 * downloads anything, and Apache is never started.
 *
 *   node test/wordpress/wordpress.ts          starts it and prints the URL (Ctrl-C stops it)
 *   node test/wordpress/wordpress.ts record   also re-records test/wordpress/recorded/
 *   node test/wordpress/wordpress.ts corpus   the shared corpus instead of the seed
 *
 * Runs under Vitest and directly under Node 24 (type stripping).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/ports.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const WORDPRESS_ROOT = '/usr/share/wordpress';
const MARIADB = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'];
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'];
export const INSTALL_COMMAND =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wordpress php-cli php-mysql mariadb-server';

export interface WordPress {
  /** The site's address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Slugs of the seeded posts the tests look at (from install.php). */
  slugs: Record<string, string>;
  version: string;
  /** Milliseconds: MariaDB's data folder and first start, the WordPress install and seed, PHP's server up. */
  timings: { database: number; install: number; server: number; total: number };
  /** The environment a PHP script needs to load this WordPress (`require wp-load.php`), as install.php does. */
  phpEnv: Record<string, string>;
  /** Makes the REST API refuse visitors (401), as a security plugin does, or lets them in again. */
  lockRestApi(locked: boolean): Promise<void>;
  stop(): Promise<void>;
}

function firstExisting(paths: string[]): string | null {
  return paths.find((candidate) => existsSync(candidate)) ?? null;
}

export interface PackagePaths {
  wordpressRoot: string;
  mariadb: string[];
  installDb: string[];
  php: string;
}

const DEBIAN_PATHS: PackagePaths = {
  wordpressRoot: WORDPRESS_ROOT,
  mariadb: MARIADB,
  installDb: INSTALL_DB,
  php: 'php',
};

/** Fails with the exact install instruction when a package is missing (never a skip). */
export function checkPackages(paths: PackagePaths = DEBIAN_PATHS): {
  mariadbd: string;
  installDb: string;
  php: string;
} {
  const mariadbd = firstExisting(paths.mariadb);
  const installDb = firstExisting(paths.installDb);
  const php = spawnSync(paths.php, ['-r', 'echo extension_loaded("mysqli") ? "ok" : "no";'], { encoding: 'utf8' });
  const missing = [
    existsSync(`${paths.wordpressRoot}/wp-load.php`) ? null : 'wordpress',
    php.stdout === 'ok' ? null : php.error ? 'php-cli' : 'php-mysql',
    mariadbd && installDb ? null : 'mariadb-server',
  ].filter((name) => name !== null);
  if (missing.length > 0 || !mariadbd || !installDb) {
    throw new Error(
      `The WordPress tests need Debian's ${missing.join(', ')}. Install them (as root) with:\n  ${INSTALL_COMMAND}`,
    );
  }
  return { mariadbd, installDb, php: paths.php };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${err}\n${out}`)),
    );
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, child: ChildProcess, ms = 30_000) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited with ${child.exitCode}`);
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what}: not ready after ${ms} ms`);
}

/** Children are started detached (their own process group), so this reaches PHP's forked workers too. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    child.kill(name);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signal(child, 'SIGTERM');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal(child, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signal(child, 'SIGTERM');
  });
}

export interface WordPressStartOptions {
  /** Import the shared corpus (corpus.ts) instead of the newsreader seed. */
  corpus?: boolean;
  /** More must-use plugins: their files, linked into wp-content/mu-plugins/. */
  muPlugins?: string[];
  /** More environment for WordPress's PHP (what a plugin reads with getenv). */
  env?: Record<string, string>;
}

export async function startWordPress(start: WordPressStartOptions = {}): Promise<WordPress> {
  const { mariadbd, installDb } = checkPackages();
  const started = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'newsreader-wp-'));
  const dataDir = path.join(dir, 'db');
  const socket = path.join(dir, 'mysql.sock');
  const content = path.join(dir, 'wp-content');
  const configName = `newsreader-test-${process.pid}-${path.basename(dir).replace(/[^a-zA-Z0-9]/g, '')}`;
  const configFile = `/etc/wordpress/config-${configName}.php`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopProcess(child);
    await rm(configFile, { force: true });
    await rm(dir, { recursive: true, force: true });
  };

  try {
    // MariaDB refuses to run as root unless told to; the data folder is ours alone.
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    await run(installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...user,
    ]);
    const database = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--socket=${socket}`,
        `--pid-file=${path.join(dir, 'mysqld.pid')}`,
        '--skip-networking',
        '--skip-name-resolve',
        '--skip-log-bin',
        '--performance-schema=OFF',
        '--innodb-buffer-pool-size=32M',
        '--innodb-flush-log-at-trx-commit=0',
        `--log-error=${path.join(dir, 'mysqld.log')}`,
        ...user,
      ],
      { stdio: 'ignore', detached: true },
    );
    children.push(database);
    await waitFor('MariaDB', () => existsSync(socket), database);
    await run('php', [
      '-r',
      `$db = new mysqli('localhost', 'root', '', '', 0, ${JSON.stringify(socket)}); $db->query('CREATE DATABASE wordpress CHARACTER SET utf8mb4');`,
    ]);
    const databaseReady = Date.now();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    await mkdir(path.join(content, 'uploads'), { recursive: true });
    await mkdir(path.join(content, 'themes'), { recursive: true });
    await symlink(path.join(WORDPRESS_ROOT, 'wp-content/plugins'), path.join(content, 'plugins'));
    await mkdir(path.join(content, 'mu-plugins'));
    await symlink(path.join(HERE, 'mu-plugin.php'), path.join(content, 'mu-plugins/newsreader-test.php'));
    for (const plugin of start.muPlugins ?? []) {
      await symlink(plugin, path.join(content, 'mu-plugins', path.basename(plugin)));
    }
    await writeFile(
      configFile,
      `<?php
// Written by test/wordpress/wordpress.ts for one test run; removed when it stops.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${JSON.stringify(`localhost:${socket}`)});
define('WP_HOME', ${JSON.stringify(url)});
define('WP_SITEURL', ${JSON.stringify(url)});
define('WP_CONTENT_DIR', ${JSON.stringify(content)});
define('WP_CONTENT_URL', ${JSON.stringify(`${url}/wp-content`)});
// No internet here: oEmbed lookups and update checks fail at once instead of waiting.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
`,
    );
    let corpusFile: string | null = null;
    if (start.corpus) {
      corpusFile = path.join(dir, 'corpus.json');
      const { readCorpus } = await import('./corpus.ts');
      await writeFile(corpusFile, JSON.stringify(readCorpus(url)));
    }
    const phpEnv = {
      ...(corpusFile ? { NEWSREADER_WP_CORPUS: corpusFile } : {}),
      NEWSREADER_WP_CONFIG: configName,
      NEWSREADER_WP_CONTENT: content,
      NEWSREADER_WP_URL: url,
      ...start.env,
    };
    const env = { ...process.env, ...phpEnv };
    const summary = JSON.parse(await run('php', [path.join(HERE, 'install.php')], env)) as {
      slugs: Record<string, string>;
      version: string;
    };
    const installed = Date.now();

    const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS_ROOT, path.join(HERE, 'router.php')], {
      env: { ...env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: 'ignore',
      detached: true,
    });
    children.push(php);
    await waitFor(
      'PHP server',
      () =>
        fetch(`${url}/?rest_route=/`)
          .then((response) => response.ok)
          .catch(() => false),
      php,
    );
    const ready = Date.now();
    return {
      url,
      slugs: summary.slugs,
      version: summary.version,
      phpEnv,
      timings: {
        database: databaseReady - started,
        install: installed - databaseReady,
        server: ready - installed,
        total: ready - started,
      },
      async lockRestApi(locked) {
        const flag = path.join(content, 'rest-locked');
        if (locked) await writeFile(flag, '');
        else await rm(flag, { force: true });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wordpress = await startWordPress({ corpus: process.argv[2] === 'corpus' });
  console.log(`WordPress ${wordpress.version} at ${wordpress.url}`, wordpress.timings, wordpress.slugs);
  if (process.argv[2] === 'record') {
    const { record } = await import('./record.ts');
    await record(wordpress);
    await wordpress.stop();
  } else {
    const shutdown = () => void wordpress.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
}
