#!/usr/bin/env node
/**
 * The performance benchmark (`npm run bench`).
 *
 * 1. Builds the app the production way, for a same-origin API (`MOCK_DATA=off`; the
 *    servers' config.json names it), into `dist-bench/`, and the production server's
 *    bundle into `dist-bench-server/`.
 * 2. Serves the static build with the project's test server (test/server/server.ts: the
 *    same CSP, cache headers and compression as static hosting; the API from the fixtures)
 *    and the same build through the production server (`node dist-bench-server/main.js`).
 * 3. Writes two kinds of "floor" beside the build, static files with no JavaScript:
 *    - the bare floor of each story (`bench-floor-article-<n>.html`): the story as plain HTML
 *      from the mock JSON, with the app's CSS and header and nothing else;
 *    - the same-DOM floor of each server page (`bench-dom-<page>.html`): the production
 *      server's own HTML for that page with every `<script>` and modulepreload link taken
 *      out (the dehydrated state with them): the same DOM, no JavaScript.
 * 4. Calibrates Lighthouse's CPU slowdown to a mid-range phone: Lighthouse's own calculator,
 *    `3 + (benchmarkIndex − 1300) / 233`, from the median benchmarkIndex of three quick runs
 *    of a floor (`--multiplier N` skips them).
 * 5. Runs Lighthouse (default mobile settings, simulated throttling) on the home page, a feed
 *    page and both stories, static and server-rendered, and on the floors, at 4x (the
 *    default) and at the calibrated multiplier, interleaved, and prints the medians per
 *    multiplier, the targets table for the server pages at the calibrated multiplier and
 *    every built chunk's size. The figures go to `bench/results.json`.
 *
 * Options: `--runs N` (default 7; TBT moves by ±200 ms from run to run on 2 cores), `--skip-build`
 * (reuse dist-bench/), `--pages a,b` (only the pages whose names contain one of these),
 * `--multiplier N` (the calibrated CPU slowdown, without probing).
 *
 * A/B: `--against REF` and/or `--patch FILE` build a second version B (the commit REF,
 * default HEAD, with FILE applied, in a temporary git worktree) into dist-bench-b/ and
 * run its pages interleaved with this working tree's (A), and print each page's median
 * and range for both, the paired differences and a sign test, per multiplier. The patches in
 * bench/variants/ take out one start-up technique each, e.g.
 * `npm run bench -- --patch bench/variants/intl-dates.patch --pages home,article --runs 10`.
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'dist-bench');
const SERVER_OUT_DIR = path.join(ROOT, 'dist-bench-server');
const B_OUT_DIR = path.join(ROOT, 'dist-bench-b');
const B_SERVER_OUT_DIR = path.join(ROOT, 'dist-bench-b-server');
/** The reference story's largest text is its summary; story 2's summary is one line, so its largest text is the first body paragraph. */
const STORIES = [
  { name: 'article-1', slug: 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app' },
  { name: 'article-2', slug: 'imd-forecasts-above-normal-monsoon-for-second-year' },
];
const PATHS = {
  home: '/',
  latest: '/latest',
  ...Object.fromEntries(STORIES.map((s) => [s.name, `/article/${s.slug}`])),
};
const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_ARGS];
const DEFAULT_MULTIPLIER = 4;

/** The server pages' targets, at the calibrated multiplier, against the floors. */
const TARGETS = {
  performanceBelowDom: 0.02,
  tbtOverDom: 1.3,
  lcpOverDom: 1.05,
  lcpOverBare: 1.15,
  fcpOverBare: 1.03,
  cls: 0,
  jsGzipKB: 100,
  jsTransferredKB: 90,
  htmlOverDom: 1.15,
};

function parseArgs(argv) {
  const args = { runs: 7, skipBuild: false, against: null, patch: null, pages: [], multiplier: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 7);
    else if (argv[i] === '--skip-build') args.skipBuild = true;
    else if (argv[i] === '--against') args.against = argv[++i];
    else if (argv[i] === '--patch') args.patch = path.resolve(argv[++i]);
    else if (argv[i] === '--pages') args.pages = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--multiplier') args.multiplier = Number(argv[++i]);
    else throw new Error(`bench: unknown option ${argv[i]} (see the comment at the top of scripts/bench.mjs)`);
  }
  if (args.multiplier !== null && !(args.multiplier >= 1)) throw new Error('bench: --multiplier takes a number ≥ 1');
  args.ab = args.against !== null || args.patch !== null;
  return args;
}

/** A rich text's words (a string, or nodes with `text` or `children`): the app's source imports need a bundler. */
const plainText = (value) =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? value.map(plainText).join('')
      : value?.type === 'br'
        ? ' '
        : (value?.text ?? plainText(value?.children ?? ''));

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

/** A server page with every script (the dehydrated state too) and modulepreload link taken out: the same DOM, no JavaScript. */
async function writeDomFloor(url, file) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`bench: ${url} answered ${response.status}`);
  const html = await response.text();
  const dom = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
  const state = /<script[^>]*id="server-state"[^>]*>[\s\S]*?<\/script>/.exec(html)?.[0] ?? '';
  await writeFile(file, dom);
  const bytes = (text) => Buffer.byteLength(text);
  return { html: bytes(html), htmlGzip: gzipSize(html), dom: bytes(dom), state: bytes(state) };
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
  const scripts = requests.filter(
    (r) => r.resourceType === 'Script' && (!r.sessionTargetType || r.sessionTargetType === 'page'),
  );
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
    jsTransferred: scripts.reduce((total, r) => total + (r.transferSize ?? 0), 0),
    jsGzip: scripts.reduce((total, r) => {
      const chunk = chunks.find((c) => new URL(r.url).pathname === `/${c.file}`);
      return total + (chunk ? chunk.gzip : (r.transferSize ?? 0));
    }, 0),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
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

const kb = (bytes) => (bytes === null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
const ms = (value) => (value === null ? '–' : `${Math.round(value)} ms`);
const fixed = (digits) => (value) => (value === null ? '–' : value.toFixed(digits));
const ROWS = [
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
  ['JS (gzip -9)', 'jsGzip', kb],
];
const medianOf = (runs) => Object.fromEntries(ROWS.map(([, key]) => [key, median(runs.map((run) => run[key]))]));

/** A markdown table: the first column left-aligned, the others right-aligned. */
function printMarkdown(header, body) {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => String(row[i]).length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

function printMedians(pages, multiplier) {
  const names = Object.keys(pages);
  printMarkdown(
    [`median at ${multiplier}x`, ...names],
    ROWS.map(([label, key, format]) => [label, ...names.map((name) => format(pages[name].median[multiplier][key]))]),
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
function printComparison(pages, multiplier) {
  // Of the paired differences B − A: how many had A lower, and how many differed at all.
  const tally = (diffs) => ({ lower: diffs.filter((d) => d > 0).length, differ: diffs.filter((d) => d !== 0).length });
  const values = (page, key) => page.runs[multiplier].map((run) => run[key]).filter((v) => typeof v === 'number');
  const spread = (list, format) =>
    `${format(median(list))} (${format(Math.min(...list))}–${format(Math.max(...list))})`;
  const names = Object.keys(pages).filter((page) => pages[`${page}-B`]);
  console.log(`\nA/B at ${multiplier}x: median (min–max), A this working tree, B the variant; B − A of paired runs`);
  for (const [label, key, format] of ROWS.filter(([, key]) => ['tbt', 'lcp', 'fcp', 'cls', 'jsGzip'].includes(key))) {
    const all = [];
    for (const name of names) {
      const a = values(pages[name], key);
      const b = values(pages[`${name}-B`], key);
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

/** The server pages against their floors at the calibrated multiplier: one line per target, figure, target, met. */
function targetRows(pages, html, multiplier) {
  const rows = [];
  const at = (name) => pages[name]?.median[multiplier];
  const add = (page, metric, figure, limit, format, met) =>
    rows.push({
      page,
      metric,
      figure: format(figure),
      target: `${met === 'min' ? '≥' : '≤'} ${format(limit)}`,
      met: figure !== null && limit !== null && (met === 'min' ? figure >= limit - 1e-9 : figure <= limit + 1e-9),
    });
  for (const key of Object.keys(PATHS)) {
    const server = at(`server-${key}`);
    if (!server) continue;
    const page = `server-${key}`;
    const dom = at(`dom-${key}`);
    const bare = at(`floor-${key}`);
    if (dom) {
      add(
        page,
        'performance (same-DOM − 0.02)',
        server.performance,
        dom.performance - TARGETS.performanceBelowDom,
        fixed(2),
        'min',
      );
      add(page, 'TBT (1.3x same-DOM)', server.tbt, dom.tbt * TARGETS.tbtOverDom, ms);
      add(page, 'LCP (1.05x same-DOM)', server.lcp, dom.lcp * TARGETS.lcpOverDom, ms);
    }
    if (bare) {
      add(page, 'LCP (1.15x bare)', server.lcp, bare.lcp * TARGETS.lcpOverBare, ms);
      add(page, 'FCP (1.03x bare)', server.fcp, bare.fcp * TARGETS.fcpOverBare, ms);
    }
    add(page, 'CLS', server.cls, TARGETS.cls, fixed(3));
    add(page, 'first-load JS gzip', server.jsGzip, TARGETS.jsGzipKB * 1024, kb);
    add(page, 'first-load JS transferred', server.jsTransferred, TARGETS.jsTransferredKB * 1024, kb);
    if (html[key]) add(page, 'HTML (1.15x same-DOM)', html[key].html, html[key].dom * TARGETS.htmlOverDom, kb);
  }
  return rows;
}

/** Lighthouse's CPU calculator: the slowdown that makes this machine a mid-range phone, to one decimal. */
const calibratedMultiplier = (benchmarkIndex) => Math.max(1, Math.round((3 + (benchmarkIndex - 1300) / 233) * 10) / 10);

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
  for (const story of STORIES) await writeFloorPage(story.slug, `bench-floor-${story.name}.html`);
  const chunks = await chunkSizes(OUT_DIR);
  // B's pages are measured against B's own files: looked up among A's, its differently
  // hashed chunks were not found, and its brotli transfer sizes were counted as gzip.
  const chunksB = args.ab ? await chunkSizes(B_OUT_DIR) : null;

  const { startServer } = await import('../test/server/server.ts');
  const { startProductionServer } = await import('../test/server/productionServer.ts');
  const versions = [{ suffix: '', outDir: OUT_DIR, serverOutDir: SERVER_OUT_DIR, chunks }];
  if (args.ab) versions.push({ suffix: '-B', outDir: B_OUT_DIR, serverOutDir: B_SERVER_OUT_DIR, chunks: chunksB });
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-chromium-'));
  const closers = [() => rm(userDataDir, { recursive: true, force: true }).catch(() => {})];
  const pages = {};
  const html = {};
  let multipliers;
  try {
    const all = {};
    for (const version of versions) {
      const server = await startServer({ root: version.outDir, api: true });
      const production = await startProductionServer(
        { DIST_DIR: version.outDir },
        path.join(version.serverOutDir, 'main.js'),
      );
      closers.push(
        () => server.close(),
        () => production.close(),
      );
      for (const [key, pathname] of Object.entries(PATHS)) {
        const sizes = await writeDomFloor(
          `${production.url}${pathname}`,
          path.join(version.outDir, `bench-dom-${key}.html`),
        );
        html[`${key}${version.suffix}`] = sizes;
        all[`static-${key}${version.suffix}`] = { url: `${server.url}${pathname}`, chunks: version.chunks };
        all[`server-${key}${version.suffix}`] = { url: `${production.url}${pathname}`, chunks: version.chunks };
        all[`dom-${key}${version.suffix}`] = { url: `${server.url}/bench-dom-${key}.html`, chunks: version.chunks };
        if (!version.suffix && STORIES.some((s) => s.name === key))
          all[`floor-${key}`] = { url: `${server.url}/bench-floor-${key}.html`, chunks };
      }
    }
    const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS, userDataDir, logLevel: 'silent' });
    closers.unshift(() => chrome.kill());
    // A run that fails to record (e.g. NO_NAVSTART on a busy machine) is run again, twice at most.
    const runLighthouse = async (url, multiplier, attempt = 1) => {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        {
          extends: 'lighthouse:default',
          settings: {
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
            throttling: { ...lighthouseDefaults.throttling, cpuSlowdownMultiplier: multiplier },
            // Every run is a first visit. Lighthouse's default reset keeps IndexedDB and
            // localStorage, where the app persists its query cache.
            clearStorageTypes: [...lighthouseDefaults.clearStorageTypes, 'indexeddb', 'local_storage'],
          },
        },
      );
      const error = result ? result.lhr.runtimeError?.message : 'no result';
      if (!error) return result.lhr;
      if (attempt >= 3) throw new Error(`Lighthouse on ${url}: ${error}`);
      console.warn(`bench: ${url}: ${error}; running it again`);
      return runLighthouse(url, multiplier, attempt + 1);
    };

    let calibrated = args.multiplier;
    if (calibrated === null) {
      const indexes = [];
      for (let i = 0; i < 3; i++)
        indexes.push((await runLighthouse(all['floor-article-1'].url, DEFAULT_MULTIPLIER)).environment.benchmarkIndex);
      calibrated = calibratedMultiplier(median(indexes));
      console.log(
        `bench: benchmarkIndex ${indexes.join(', ')} (median ${median(indexes)}): CPU multiplier ${calibrated}x`,
      );
    } else console.log(`bench: CPU multiplier ${calibrated}x (--multiplier)`);
    multipliers = [...new Set([DEFAULT_MULTIPLIER, calibrated])];

    const targets = Object.entries(all).filter(
      ([name]) => args.pages.length === 0 || args.pages.some((part) => name.includes(part)),
    );
    for (const [name, { url }] of targets)
      pages[name] = { url, runs: Object.fromEntries(multipliers.map((m) => [m, []])), median: {} };
    // Interleave the pages and multipliers so machine noise spreads over all of them alike.
    for (let run = 1; run <= args.runs; run++) {
      for (const multiplier of multipliers) {
        for (const [name, { url, chunks: pageChunks }] of targets) {
          const lhr = await runLighthouse(url, multiplier);
          const summary = summariseRun(lhr, pageChunks);
          // The full report of each run, for digging into a figure (dist-bench/ is not committed).
          await writeFile(path.join(OUT_DIR, `lighthouse-${name}-${multiplier}x-${run}.json`), JSON.stringify(lhr));
          for (const warning of summary.warnings)
            console.warn(`bench: ${name} run ${run}: Lighthouse warns: ${warning}`);
          pages[name].runs[multiplier].push(summary);
          console.log(
            `bench: ${name} ${multiplier}x run ${run}/${args.runs}: perf ${summary.performance} FCP ${ms(summary.fcp)} LCP ${ms(summary.lcp)} TBT ${ms(summary.tbt)} CLS ${fixed(3)(summary.cls)}${summary.failedAudits.length ? ` failing: ${summary.failedAudits.join(', ')}` : ''}`,
          );
        }
      }
    }
  } finally {
    for (const close of closers) await close();
  }

  for (const page of Object.values(pages)) for (const m of multipliers) page.median[m] = medianOf(page.runs[m]);
  const calibrated = multipliers.at(-1);
  for (const m of multipliers) printMedians(pages, m);
  console.log('');
  for (const [key, size] of Object.entries(html))
    console.log(
      `HTML ${key.padEnd(14)} server ${kb(size.html)} (gzip ${kb(size.htmlGzip)}), of it the state ${kb(size.state)}; same-DOM floor ${kb(size.dom)}`,
    );
  if (args.ab) for (const m of multipliers) printComparison(pages, m);
  const targetTable = targetRows(pages, html, calibrated);
  if (targetTable.length) {
    console.log(`\nTargets, server pages at ${calibrated}x:`);
    printMarkdown(
      ['page', 'target', 'figure', 'limit', 'met'],
      targetTable.map((row) => [row.page, row.metric, row.figure, row.target, row.met ? 'yes' : 'NO']),
    );
  }
  console.log('');
  const fileWidth = Math.max(...chunks.map((c) => c.file.length), 5);
  console.log(`${'chunk'.padEnd(fileWidth)}  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}  ${'brotli'.padStart(9)}`);
  for (const c of chunks)
    console.log(
      `${c.file.padEnd(fileWidth)}  ${kb(c.bytes).padStart(9)}  ${kb(c.gzip).padStart(9)}  ${kb(c.brotli).padStart(9)}`,
    );

  // An A/B keeps its figures apart: bench/results.json stays the last whole bench.
  const resultsFile = path.join(ROOT, 'bench', args.ab ? 'ab-results.json' : 'results.json');
  await mkdir(path.dirname(resultsFile), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    runsPerPage: args.runs,
    multipliers,
    ...(args.ab
      ? { b: { against: args.against ?? 'HEAD', patch: args.patch && path.relative(ROOT, args.patch) } }
      : {}),
    targets: targetTable,
    html,
    pages,
    chunks,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bench: wrote ${path.relative(ROOT, resultsFile)} (${report.seconds} s in all)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
