#!/usr/bin/env node
/**
 * The performance benchmark (`npm run bench`).
 *
 * 1. Builds the app the production way, for a same-origin API (`MOCK_DATA=off`; the
 *    servers' config.json names it), into `dist-bench/`, and the production server's
 *    bundle into `dist-bench-server/`.
 * 2. Writes a "floor" for each of two stories beside it: the story as one plain static
 *    HTML page (`/bench-floor-<n>.html`) from the mock story JSON, with the app's own
 *    CSS file and no JavaScript at all. The reference story's largest text is its
 *    summary; the second story has a one-line summary, so its largest text is the
 *    first body paragraph.
 * 3. Serves the static build and the floors with the project's test server
 *    (test/server/server.ts: the same CSP, cache headers and compression as static
 *    hosting; the API from the fixtures over real HTTP), and the same build through
 *    the production server (`node dist-bench-server/main.js`, pages rendered per URL).
 * 4. Runs Lighthouse (default mobile settings, simulated throttling) on the home page
 *    and both stories, static and server-rendered, and the floors, several runs each
 *    interleaved, and prints the medians, the app/floor ratios and every built chunk's
 *    gzip and brotli size. The same figures go to `bench/results.json`.
 *
 * Options: `--runs N` (default 5: TBT moves by ±200 ms from run to run on 2 cores), `--skip-build` (reuse dist-bench/),
 * `--pages a,b` (only the pages whose names contain one of these, e.g. `article`).
 *
 * A/B: `--against REF` and/or `--patch FILE` build a second version B (the commit REF,
 * default HEAD, with FILE applied, in a temporary git worktree) into dist-bench-b/ and
 * run its pages interleaved with this working tree's (A), and print each page's median
 * and range for both, the paired differences and a sign test. The patches in
 * bench/variants/ take out one start-up technique each, e.g.
 * `npm run bench -- --patch bench/variants/no-early-paint.patch --pages home,article --runs 10`.
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { defaultSettings as lighthouseDefaults } from 'lighthouse/core/config/constants.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.ts';
import { plainText } from '../src/lib/api/richText.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'dist-bench');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');
const SERVER_OUT_DIR = path.join(ROOT, 'dist-bench-server');
const B_OUT_DIR = path.join(ROOT, 'dist-bench-b');
const B_SERVER_OUT_DIR = path.join(ROOT, 'dist-bench-b-server');
const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
/** A story whose summary is one line: its largest text is the first body paragraph. */
const SECOND_SLUG = 'imd-forecasts-above-normal-monsoon-for-second-year';
const STORIES = [
  { name: '1', slug: REFERENCE_SLUG, floor: 'bench-floor-1.html' },
  { name: '2', slug: SECOND_SLUG, floor: 'bench-floor-2.html' },
];
const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];

const TARGETS = {
  score: 0.99,
  lcpRatio: 1.5,
  fcpRatio: 1.15,
  tbtMs: 50,
  cls: 0.01,
  articleJsGzipKB: 110,
  // The production server's pages, against the floor and the static build.
  serverScore: 1,
  serverLcpRatio: 1.05,
  serverFcpRatio: 1.0,
  serverJsGzipKB: 132,
};

function parseArgs(argv) {
  const args = { runs: 5, skipBuild: false, against: null, patch: null, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 5);
    else if (argv[i] === '--skip-build') args.skipBuild = true;
    else if (argv[i] === '--against') args.against = argv[++i];
    else if (argv[i] === '--patch') args.patch = path.resolve(argv[++i]);
    else if (argv[i] === '--pages') args.pages = argv[++i].split(',').filter(Boolean);
    else throw new Error(`bench: unknown option ${argv[i]} (see the comment at the top of scripts/bench.mjs)`);
  }
  args.ab = args.against !== null || args.patch !== null;
  return args;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotliSize = (buffer) =>
  brotliCompressSync(buffer, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function buildApp(root = ROOT, outDir = OUT_DIR, serverOutDir = SERVER_OUT_DIR) {
  const started = Date.now();
  // The production build for an API: no mock data in its precache.
  process.env.MOCK_DATA = 'off';
  const { build } = await import('vite');
  const common = { root, configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' };
  await build({ ...common, build: { outDir, emptyOutDir: true } });
  await build({ ...common, build: { ssr: 'server/main.ts', outDir: serverOutDir, emptyOutDir: true } });
  const where = `${path.relative(ROOT, outDir)}/ and ${path.relative(ROOT, serverOutDir)}/`;
  console.log(`bench: built ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Version B of an A/B: the commit `against` (default HEAD) with `patch` applied, built in a temporary worktree. */
async function buildVariant(against, patch) {
  const tree = await mkdtemp(path.join(os.tmpdir(), 'bench-b-'));
  const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  git('worktree', 'add', '--detach', tree, against ?? 'HEAD');
  try {
    if (patch) execFileSync('git', ['apply', patch], { cwd: tree, stdio: 'inherit' });
    await symlink(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
    await buildApp(tree, B_OUT_DIR, B_SERVER_OUT_DIR);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

/** The app's CSS file(s), as linked from the built index.html. */
async function builtStylesheets() {
  const html = await readFile(path.join(OUT_DIR, 'index.html'), 'utf8');
  return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
    .map((match) => /href="([^"]+)"/.exec(match[0])?.[1])
    .filter(Boolean);
}

const HOUSE_TIME = new Intl.DateTimeFormat('en-IN', {
  timeZone: 'Asia/Kolkata',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A story as plain HTML: the same markup and classes the app renders, no script. */
async function writeFloorPage(slug, file) {
  const story = JSON.parse(await readFile(path.join(ROOT, 'mocks', 'stories', `${slug}.json`), 'utf8'));
  const stylesheets = await builtStylesheets();
  // The same header as the app's static shell in index.html, so both pages paint the same furniture.
  const indexHtml = await readFile(path.join(OUT_DIR, 'index.html'), 'utf8');
  const header = /<header[\s\S]*?<\/header>/.exec(indexHtml)?.[0] ?? '';
  if (stylesheets.length === 0) throw new Error('dist-bench/index.html links no stylesheet');
  const time = (iso) =>
    `<time datetime="${escapeHtml(iso)}">${escapeHtml(HOUSE_TIME.format(new Date(iso)))} IST</time>`;
  const blocks = story.body
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${escapeHtml(plainText(block.text))}</p>`;
      if (block.type === 'heading') return `<h2>${escapeHtml(plainText(block.text))}</h2>`;
      if (block.type === 'quote') return `<blockquote><p>${escapeHtml(plainText(block.text))}</p></blockquote>`;
      return '';
    })
    .join('\n          ');
  const image = story.image
    ? `<img src="${escapeHtml(story.image.src)}" alt="${escapeHtml(story.image.alt)}" width="${story.image.width}" height="${story.image.height}" fetchpriority="high" decoding="async" class="mt-6 h-auto w-full rounded bg-slate-100 dark:bg-slate-800">`
    : '';
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(story.headline)} | Devdiscourse</title>
    <meta name="description" content="${escapeHtml(story.summary)}">
    <meta name="color-scheme" content="light dark">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n    ')}
  </head>
  <body>
    <div class="flex min-h-screen flex-col">
      ${header}
      <div class="mx-auto flex w-full max-w-7xl flex-1 gap-8 px-4">
        <main id="main" class="min-w-0 flex-1 py-6">
          <article aria-labelledby="article-headline">
            <header>
              <p class="text-xs font-semibold tracking-wide text-brand-700 uppercase dark:text-sky-300">${
                story.sector ? `${escapeHtml(story.sector.name)} · ` : ''
              }${escapeHtml(story.edition.name)}</p>
              <h1 id="article-headline" class="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl">${escapeHtml(story.headline)}</h1>
              <p class="mt-3 text-lg text-slate-700 dark:text-slate-300">${escapeHtml(story.summary)}</p>
              <p class="mt-4 text-sm text-slate-600 dark:text-slate-300">${
                story.source
                  ? `<span class="font-semibold text-slate-800 dark:text-slate-100">${escapeHtml(story.source)}</span> | `
                  : ''
              }Updated: ${time(story.updatedAt)} | Created: ${time(story.publishedAt)}</p>
            </header>
            ${image}
            <div class="article-text mt-6">
          ${blocks}
            </div>
          </article>
        </main>
      </div>
    </div>
  </body>
</html>
`;
  await writeFile(path.join(OUT_DIR, file), html);
}

/** Every built JS and CSS file of the build in `outDir`, with its gzip -9 and brotli sizes. */
async function chunkSizes(outDir) {
  const dir = path.join(outDir, 'assets');
  const files = (await readdir(dir)).filter((name) => /\.(js|css)$/.test(name)).sort();
  const rows = [];
  for (const name of files) {
    const buffer = await readFile(path.join(dir, name));
    rows.push({ file: `assets/${name}`, bytes: buffer.length, gzip: gzipSize(buffer), brotli: brotliSize(buffer) });
  }
  return rows.sort((a, b) => b.gzip - a.gzip);
}

function summariseRun(lhr, chunks) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  // First load: what the page itself fetched (not a service worker's precache).
  const pageRequests = requests.filter((r) => !r.sessionTargetType || r.sessionTargetType === 'page');
  const sum = (type) =>
    pageRequests.filter((r) => r.resourceType === type).reduce((total, r) => total + (r.transferSize ?? 0), 0);
  const gzipOf = (type) =>
    pageRequests
      .filter((r) => r.resourceType === type)
      .reduce((total, r) => {
        const chunk = chunks.find((c) => new URL(r.url).pathname === `/${c.file}`);
        return total + (chunk ? chunk.gzip : (r.transferSize ?? 0));
      }, 0);
  const score = (id) => lhr.categories[id]?.score ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndex: audit('speed-index'),
    jsTransferred: sum('Script'),
    cssTransferred: sum('Stylesheet'),
    jsGzip: gzipOf('Script'),
    scripts: pageRequests.filter((r) => r.resourceType === 'Script').map((r) => new URL(r.url).pathname),
    failedAudits: Object.values(lhr.categories)
      .filter((category) => category.id !== 'performance')
      .flatMap((category) => category.auditRefs)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
    runtimeError: lhr.runtimeError?.message ?? null,
    // e.g. "There may be stored data affecting loading performance": then the run was not a first visit.
    warnings: lhr.runWarnings ?? [],
  };
}

const METRICS = [
  'performance',
  'accessibility',
  'bestPractices',
  'seo',
  'fcp',
  'lcp',
  'tbt',
  'cls',
  'speedIndex',
  'jsTransferred',
  'cssTransferred',
  'jsGzip',
];

function medianOf(runs) {
  const result = {};
  for (const metric of METRICS) result[metric] = median(runs.map((run) => run[metric]));
  return result;
}

const kb = (bytes) => (bytes === null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const ms = (value) => (value === null ? '–' : `${Math.round(value)} ms`);
const fixed = (digits) => (value) => (value === null ? '–' : value.toFixed(digits));

function printTable(pages, ratios, chunks) {
  const rows = [
    ['performance', 'performance', fixed(2)],
    ['accessibility', 'accessibility', fixed(2)],
    ['best practices', 'bestPractices', fixed(2)],
    ['SEO', 'seo', fixed(2)],
    ['FCP', 'fcp', ms],
    ['LCP', 'lcp', ms],
    ['TBT', 'tbt', ms],
    ['CLS', 'cls', fixed(3)],
    ['Speed Index', 'speedIndex', ms],
    ['JS transferred', 'jsTransferred', kb],
    ['CSS transferred', 'cssTransferred', kb],
    ['JS (gzip -9)', 'jsGzip', kb],
  ];
  const names = Object.keys(pages);
  const header = ['median', ...names];
  const body = rows.map(([label, key, format]) => [label, ...names.map((name) => format(pages[name].median[key]))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
  console.log('');
  for (const [name, ratio] of Object.entries(ratios)) {
    console.log(`${`${name}/floor:`.padEnd(22)} LCP ${fixed(2)(ratio.lcp)}x, FCP ${fixed(2)(ratio.fcp)}x`);
  }
  console.log('');
  const fileWidth = Math.max(...chunks.map((c) => c.file.length), 5);
  console.log(`${'chunk'.padEnd(fileWidth)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const c of chunks)
    console.log(
      `${c.file.padEnd(fileWidth)}  ${kb(c.bytes).padStart(9)}  ${kb(c.gzip).padStart(9)}  ${kb(c.brotli).padStart(9)}`,
    );
}

/** Two-sided sign test: how likely `wins` of `n` or a split as uneven is when A and B are alike. */
function signTest(wins, n) {
  const choose = (k) => {
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
    return c;
  };
  let tail = 0;
  for (let k = 0; k <= Math.min(wins, n - wins); k++) tail += choose(k);
  return Math.min(1, (2 * tail) / 2 ** n);
}

/**
 * A against B, page by page: medians with each one's range, and the runs paired (A's
 * and B's run of one round came one after the other, so a busy moment of the machine
 * hits both): the median of B − A and how often A was lower. All pages together get a
 * sign test, so a difference can be told from the noise.
 */
function printComparison(pages) {
  // Of the paired differences B − A: how many had A lower, and how many differed at all.
  const tally = (diffs) => ({ lower: diffs.filter((d) => d > 0).length, differ: diffs.filter((d) => d !== 0).length });
  const values = (runs, key) => runs.map((run) => run[key]).filter((v) => typeof v === 'number');
  const spread = (list, format) =>
    `${format(median(list))} (${format(Math.min(...list))}–${format(Math.max(...list))})`;
  const names = Object.keys(pages).filter((page) => pages[`${page}-B`]);
  console.log('');
  console.log('A/B: median (min–max) of each metric, A this working tree, B the variant; B − A of paired runs');
  for (const [label, key, format] of [
    ['TBT', 'tbt', ms],
    ['LCP', 'lcp', ms],
    ['FCP', 'fcp', ms],
    ['CLS', 'cls', fixed(3)],
    ['JS', 'jsGzip', kb],
  ]) {
    const all = [];
    for (const name of names) {
      const a = values(pages[name].runs, key);
      const b = values(pages[`${name}-B`].runs, key);
      const paired = a.slice(0, b.length).map((value, i) => b[i] - value);
      all.push(...paired);
      const { lower, differ } = tally(paired);
      console.log(
        `${name.padEnd(18)} ${label.padEnd(4)} A ${spread(a, format).padEnd(24)} B ${spread(b, format).padEnd(24)} B − A ${format(median(paired))}, A lower in ${lower}/${differ}`,
      );
    }
    const { lower, differ } = tally(all);
    console.log(
      `${'all pages'.padEnd(18)} ${label.padEnd(4)} B − A median ${format(median(all))}, mean ${format(all.reduce((t, d) => t + d, 0) / (all.length || 1))}, A lower in ${lower}/${differ}, sign test p = ${signTest(lower, differ).toFixed(3)}`,
    );
  }
}

function checkTargets(pages, ratios) {
  const failures = [];
  for (const name of Object.keys(pages).filter((page) => !page.startsWith('floor'))) {
    const m = pages[name].median;
    if (m.performance < TARGETS.score) failures.push(`${name} performance ${m.performance} < ${TARGETS.score}`);
    for (const key of ['accessibility', 'bestPractices', 'seo'])
      if (m[key] < 1) failures.push(`${name} ${key} ${m[key]} < 1`);
    if (m.tbt > TARGETS.tbtMs) failures.push(`${name} TBT ${Math.round(m.tbt)} ms > ${TARGETS.tbtMs} ms`);
    if (m.cls > TARGETS.cls) failures.push(`${name} CLS ${m.cls.toFixed(3)} > ${TARGETS.cls}`);
  }
  for (const [name, ratio] of Object.entries(ratios)) {
    const server = name.startsWith('server');
    const lcpTarget = server ? TARGETS.serverLcpRatio : TARGETS.lcpRatio;
    const fcpTarget = server ? TARGETS.serverFcpRatio : TARGETS.fcpRatio;
    if (ratio.lcp > lcpTarget) failures.push(`${name} LCP ${ratio.lcp.toFixed(2)}x floor > ${lcpTarget}x`);
    if (ratio.fcp > fcpTarget) failures.push(`${name} FCP ${ratio.fcp.toFixed(2)}x floor > ${fcpTarget}x`);
    const jsKB = pages[name].median.jsGzip / 1024;
    const jsTarget = server ? TARGETS.serverJsGzipKB : TARGETS.articleJsGzipKB;
    if (jsKB > jsTarget) failures.push(`${name} first-load JS ${jsKB.toFixed(1)} KB gzip > ${jsTarget} KB`);
    if (server) {
      const m = pages[name].median;
      const staticTbt = pages[name.replace('server', 'static')]?.median.tbt;
      if (m.performance < TARGETS.serverScore)
        failures.push(`${name} performance ${m.performance} < ${TARGETS.serverScore}`);
      if (staticTbt !== undefined && m.tbt > staticTbt)
        failures.push(`${name} TBT ${Math.round(m.tbt)} ms > the static build's ${Math.round(staticTbt)} ms`);
    }
  }
  return failures;
}

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const chromePath = chromiumPath();

  if (
    !args.skipBuild ||
    !existsSync(path.join(OUT_DIR, 'index.html')) ||
    !existsSync(path.join(SERVER_OUT_DIR, 'main.js'))
  )
    await buildApp();
  if (args.ab && (!args.skipBuild || !existsSync(path.join(B_SERVER_OUT_DIR, 'main.js'))))
    await buildVariant(args.against, args.patch);
  for (const story of STORIES) await writeFloorPage(story.slug, story.floor);
  const chunks = await chunkSizes(OUT_DIR);
  // B's pages are measured against B's own files: looked up among A's, its differently
  // hashed chunks were not found, and its brotli transfer sizes were counted as gzip.
  const chunksB = args.ab ? await chunkSizes(B_OUT_DIR) : null;

  const { startServer } = await import('../test/server/server.ts');
  const { startProductionServer } = await import('../test/server/productionServer.ts');
  const server = await startServer({ root: OUT_DIR, api: true });
  const production = await startProductionServer({ DIST_DIR: OUT_DIR }, path.join(SERVER_OUT_DIR, 'main.js'));
  const serverB = args.ab ? await startServer({ root: B_OUT_DIR, api: true }) : null;
  const productionB = args.ab
    ? await startProductionServer({ DIST_DIR: B_OUT_DIR }, path.join(B_SERVER_OUT_DIR, 'main.js'))
    : null;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-chromium-'));
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS, userDataDir, logLevel: 'silent' });

  const all = {};
  const addPages = (suffix, staticUrl, serverUrl) => {
    all[`static-home${suffix}`] = `${staticUrl}/`;
    all[`server-home${suffix}`] = `${serverUrl}/`;
    for (const story of STORIES) {
      all[`static-article-${story.name}${suffix}`] = `${staticUrl}/article/${story.slug}`;
      all[`server-article-${story.name}${suffix}`] = `${serverUrl}/article/${story.slug}`;
    }
  };
  addPages('', server.url, production.url);
  if (args.ab) addPages('-B', serverB.url, productionB.url);
  for (const story of STORIES) all[`floor-${story.name}`] = `${server.url}/${story.floor}`;
  const targets = Object.fromEntries(
    Object.entries(all).filter(([name]) => args.pages.length === 0 || args.pages.some((part) => name.includes(part))),
  );
  const pages = {};
  try {
    for (const [name, url] of Object.entries(targets)) pages[name] = { url, runs: [] };
    // Interleave the pages so machine noise spreads over all of them alike.
    for (let run = 1; run <= args.runs; run++) {
      for (const [name, url] of Object.entries(targets)) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          // Every run is a first visit. Lighthouse's default reset keeps IndexedDB and
          // localStorage, where the app persists its query cache: without these, runs
          // after the first would read the story from the last run's cache.
          clearStorageTypes: [...lighthouseDefaults.clearStorageTypes, 'indexeddb', 'local_storage'],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const summary = summariseRun(result.lhr, name.endsWith('-B') ? chunksB : chunks);
        // The full report of each run, for digging into a figure (dist-bench/ is not committed).
        await writeFile(path.join(OUT_DIR, `lighthouse-${name}-${run}.json`), JSON.stringify(result.lhr));
        if (summary.runtimeError) throw new Error(`Lighthouse on ${url}: ${summary.runtimeError}`);
        for (const warning of summary.warnings) console.warn(`bench: ${name} run ${run}: Lighthouse warns: ${warning}`);
        pages[name].runs.push(summary);
        console.log(
          `bench: ${name} run ${run}/${args.runs}: perf ${summary.performance} FCP ${ms(summary.fcp)} LCP ${ms(summary.lcp)} TBT ${ms(summary.tbt)} CLS ${fixed(3)(summary.cls)}${summary.failedAudits.length ? ` failing: ${summary.failedAudits.join(', ')}` : ''}`,
        );
      }
    }
  } finally {
    chrome.kill();
    await server.close();
    await production.close();
    await serverB?.close();
    await productionB?.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }

  for (const page of Object.values(pages)) page.median = medianOf(page.runs);
  const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  const ratios = {};
  for (const story of STORIES) {
    const floor = pages[`floor-${story.name}`]?.median;
    for (const kind of ['static', 'server']) {
      const page = pages[`${kind}-article-${story.name}`]?.median;
      if (page && floor)
        ratios[`${kind}-article-${story.name}`] = { lcp: ratio(page.lcp, floor.lcp), fcp: ratio(page.fcp, floor.fcp) };
    }
  }
  printTable(pages, ratios, chunks);
  if (args.ab) printComparison(pages);
  // Targets are for the whole bench: a run of some pages, or an A/B, is a measurement, not a check.
  const failures = args.ab || args.pages.length ? [] : checkTargets(pages, ratios);
  console.log('');
  if (args.ab || args.pages.length) console.log('bench: targets not checked (an A/B, or some pages only)');
  else if (failures.length === 0) console.log('bench: every target met');
  else console.log(`bench: targets missed:\n  - ${failures.join('\n  - ')}`);

  // An A/B keeps its figures apart: bench/results.json stays the last whole bench.
  const resultsFile = args.ab ? path.join(ROOT, 'bench', 'ab-results.json') : RESULTS_FILE;
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } }).catch(() => null))?.default
          ?.version,
        runsPerPage: args.runs,
        ...(args.ab
          ? { b: { against: args.against ?? 'HEAD', patch: args.patch && path.relative(ROOT, args.patch) } }
          : {}),
        targets: TARGETS,
        pages,
        ratios,
        chunks,
        failures,
        seconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `bench: wrote ${path.relative(ROOT, resultsFile)} (${Math.round((Date.now() - started) / 1000)} s in all)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
