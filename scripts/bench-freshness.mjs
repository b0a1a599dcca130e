#!/usr/bin/env node
/**
 * How fast a change in WordPress reaches readers through Varnish (`npm run bench:freshness`).
 * A real WordPress (the tests' own, test/wordpress/wordpress.ts) with the repo's purge
 * mu-plugin, two server processes (WEB_CONCURRENCY=2) reading it, and Varnish with the
 * repo's VCL in front. Each trial publishes a post, then changes its headline and then
 * trashes it through WordPress's own PHP functions (test/wordpress/edit-post.php, so its
 * hooks fire and the mu-plugin calls the purge hook), while a reader polls the story and
 * the home page through Varnish every 50 ms: the time from the change to the new headline
 * on both, and to the story's 404. Meanwhile autocannon sends a steady 200 requests/s
 * through Varnish; the origin's access log says how many reached it, and how many times
 * each page was rendered between two purges.
 *
 * Options: `--trials N` (default 20), `--rate R` (default 200), `--skip-build`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { readableSlug } from '../server/content/wordpress/map.ts';
import { startProductionServer } from '../test/server/productionServer.ts';
import { freePort, startVarnish } from '../test/varnish/varnish.ts';
import { startWordPress } from '../test/wordpress/wordpress.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const TRIALS = option('--trials', 20);
const RATE = option('--rate', 200);
const POLL_MS = 50;
const GIVE_UP_MS = 15_000;
const SECRET = `bench-${Math.random().toString(36).slice(2)}`;
const run = promisify(execFile);

if (!args.includes('--skip-build') || !existsSync(path.join(ROOT, 'dist-server/main.js'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const serverPort = await freePort();
const varnishPort = await freePort();
const wordpress = await startWordPress({
  muPlugins: [path.join(ROOT, 'wordpress/mu-plugins/newsreader-purge.php')],
  env: {
    NEWSREADER_HOOK_URL: `http://127.0.0.1:${serverPort}/hooks/content-changed`,
    NEWSREADER_HOOK_SECRET: SECRET,
  },
});
let server;
let varnish;
let load;
try {
  server = await startProductionServer({
    PORT: String(serverPort),
    CONTENT_SOURCE: 'wordpress',
    WORDPRESS_URL: wordpress.url,
    WEB_CONCURRENCY: '2',
    SITE_URL: 'https://news.example.com',
    PURGE_SECRET: SECRET,
    PURGE_TARGETS: `http://127.0.0.1:${varnishPort}`,
    // Purges keep pages fresh: the CDN may keep them an hour, so every render counted here is a purge's.
    CDN_MAX_AGE: '3600',
  });
  varnish = await startVarnish(serverPort, varnishPort);

  const edit = async (...command) => {
    const { stdout } = await run('php', [path.join(ROOT, 'test/wordpress/edit-post.php'), ...command], {
      env: { ...process.env, ...wordpress.phpEnv },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  };
  const page = async (pathname) => {
    const response = await fetch(`${varnish.url}${pathname}`, { headers: { 'accept-encoding': 'br' } });
    return { status: response.status, body: await response.text() };
  };
  /** Milliseconds from `at` (seconds, PHP's clock: this machine's) until `check` holds. */
  const until = async (at, check) => {
    for (;;) {
      if (await check()) return Date.now() - at * 1000;
      if (Date.now() - at * 1000 > GIVE_UP_MS) return Infinity;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  // The steady load: the home page, the feeds, sectors and the seeded stories, through Varnish.
  const candidates = [
    '/',
    '/latest',
    '/trending',
    '/opinion',
    '/sector/technology',
    '/sector/economy-business',
    '/api/stories?feed=latest',
    ...Object.values(wordpress.slugs).map((slug) => `/article/${encodeURIComponent(readableSlug(slug))}`),
  ];
  // Only pages that answer 200 (a seeded post is password-protected: 404).
  const paths = [];
  for (const pathname of candidates) if ((await page(pathname)).status === 200) paths.push(pathname);
  let next = 0;
  load = autocannon({
    url: varnish.url,
    connections: 10,
    overallRate: RATE,
    duration: 3600,
    headers: { 'accept-encoding': 'br' },
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  const loadStarted = new Date();
  const trials = [];
  for (let trial = 1; trial <= TRIALS; trial++) {
    const tag = `${trial}x${Math.random().toString(36).slice(2, 7)}`;
    const original = `Freshness trial ${tag} first headline`;
    const corrected = `Freshness trial ${tag} corrected headline`;
    const created = await edit('create', original);
    const story = `/article/${created.slug}`;
    const published = await until(created.at, async () => (await page('/')).body.includes(original));
    await until(created.at, async () => (await page(story)).body.includes(original));
    const changed = await edit('title', String(created.id), corrected);
    const [storyMs, homeMs] = await Promise.all([
      until(changed.at, async () => (await page(story)).body.includes(corrected)),
      until(changed.at, async () => (await page('/')).body.includes(corrected)),
    ]);
    const trashed = await edit('trash', String(created.id));
    const [goneMs, offHomeMs] = await Promise.all([
      until(trashed.at, async () => (await page(story)).status === 404),
      until(trashed.at, async () => !(await page('/')).body.includes(corrected)),
    ]);
    const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'never');
    trials.push({ trial, published, storyMs, homeMs, goneMs, offHomeMs });
    console.log(
      `trial ${String(trial).padStart(2)}: on home ${ms(published)} after publishing; new headline on the story ${ms(storyMs)}, on home ${ms(homeMs)}; 404 ${ms(goneMs)} after trashing, off home ${ms(offHomeMs)}`,
    );
  }
  load.stop();
  const loadResult = await load;
  const loadEnded = new Date();

  // The origin's access log, both processes: requests and renders during the load.
  const lines = server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const during = (line) => new Date(line.time) >= loadStarted && new Date(line.time) <= loadEnded;
  const requests = lines.filter((line) => line.msg === 'request' && during(line) && !line.path.startsWith('/hooks/'));
  const purges = lines.filter((line) => line.msg === 'purge').map((line) => new Date(line.time).getTime());
  const renders = new Map();
  for (const line of requests.filter((line) => line.cache === 'miss')) {
    const interval = purges.filter((time) => time <= new Date(line.time).getTime()).length;
    const key = `${line.path} after purge ${interval}`;
    renders.set(key, (renders.get(key) ?? 0) + 1);
  }
  const perPage = [...renders.values()];
  const worst = [...renders.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);

  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median =
      sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return { median: Math.round(median), max: Math.round(sorted.at(-1)) };
  };
  const summary = {
    trials: TRIALS,
    'new headline on the story (ms)': stats(trials.map((t) => t.storyMs)),
    'new headline on home (ms)': stats(trials.map((t) => t.homeMs)),
    'story answers 404 (ms)': stats(trials.map((t) => t.goneMs)),
    'gone from home (ms)': stats(trials.map((t) => t.offHomeMs)),
    'new story on home (ms)': stats(trials.map((t) => t.published)),
    load: {
      'rate asked (req/s)': RATE,
      'requests through Varnish': loadResult.requests.total,
      'non-2xx': loadResult.non2xx,
      'reached the origin': requests.length,
      'origin renders': requests.filter((line) => line.cache === 'miss').length,
      purges: purges.length,
      'renders per page per purge (max)': Math.max(0, ...perPage),
      'pages rendered more than once between two purges': perPage.filter((count) => count > 1).length,
      worst,
    },
  };
  console.log(JSON.stringify(summary, null, 2));
  const ok =
    summary['new headline on the story (ms)'].median <= 2000 &&
    summary['new headline on home (ms)'].median <= 2000 &&
    summary['story answers 404 (ms)'].median <= 2000 &&
    Math.max(
      summary['new headline on the story (ms)'].max,
      summary['new headline on home (ms)'].max,
      summary['story answers 404 (ms)'].max,
    ) <= 5000;
  console.log(ok ? 'target met: ≤2 s median, ≤5 s max' : 'TARGET MISSED: ≤2 s median, ≤5 s max');
  process.exitCode = ok ? 0 : 1;
} finally {
  load?.stop();
  await varnish?.stop();
  await server?.close();
  await wordpress.stop();
}
