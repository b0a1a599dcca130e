#!/usr/bin/env node
/**
 * React's start-up work on a server-rendered page, A/B (`npm run bench:hydration -- --patch FILE`):
 * builds this working tree (A) and, FILE applied for a moment, B; serves both with the
 * production server, and loads each page in Chromium at 4x CPU slowdown, A and B
 * interleaved. Per load: React's work from the hydrateRoot call to the hydration commit
 * (its scheduler's tasks): wall time at 4x, and their thread (CPU) time from a trace.
 * Prints medians and a sign test (pairs where A is lower).
 * Options: `--runs N` (pairs per page, default 10), `--rate N` (CPU slowdown, default 4),
 * `--skip-build` (reuse dist-hydration-*).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.ts';
import { startProductionServer } from '../test/server/productionServer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = [
  '/article/imd-forecasts-above-normal-monsoon-for-second-year',
  '/article/update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app',
];
const { values: args } = parseArgs({
  options: {
    patch: { type: 'string' },
    runs: { type: 'string', default: '10' },
    rate: { type: 'string', default: '4' },
    'skip-build': { type: 'boolean' },
  },
});

async function build(root, name) {
  const { build: viteBuild } = await import('vite');
  const common = { root, configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' };
  await viteBuild({ ...common, build: { outDir: path.join(ROOT, `dist-hydration-${name}`), emptyOutDir: true } });
  const serverOut = path.join(ROOT, `dist-hydration-${name}-server`);
  await viteBuild({ ...common, build: { ssr: 'server/main.ts', outDir: serverOut, emptyOutDir: true } });
}

if (!args['skip-build']) {
  if (!args.patch) throw new Error('--patch FILE: the change B makes to this working tree');
  process.env.MOCK_DATA = 'off'; // as scripts/bench.mjs builds: for an API, no mock data
  await build(ROOT, 'a');
  const patch = (...extra) => execFileSync('git', ['apply', ...extra, path.resolve(args.patch)], { cwd: ROOT });
  patch();
  try {
    await build(ROOT, 'b');
  } finally {
    patch('-R');
  }
}

/**
 * Sums the time of React's scheduler tasks (each a MessageChannel message) from the
 * hydrateRoot call (React listens on #root then) to the end of the task that commits.
 */
function timeHydration() {
  const state = { started: false, committed: false, done: false, ms: 0 };
  Object.assign(window, { __hydration: state });
  const listen = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (...listenArgs) {
    if (this instanceof Element && this.id === 'root') state.started = true;
    return listen.apply(this, listenArgs);
  };
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  window.MessageChannel = class extends MessageChannel {
    constructor() {
      super();
      Object.defineProperty(this.port1, 'onmessage', {
        set(handler) {
          onmessage.set.call(this, (event) => {
            const start = performance.now();
            handler(event);
            if (!state.started || state.done) return;
            state.ms += performance.now() - start;
            state.done = state.committed;
            performance.mark('react-task'); // finds the task in the trace, for its thread (CPU) time
          });
        },
      });
    }
  };
  const hook = { supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE() {} };
  Object.assign(window, {
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      ...hook,
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot: () => (state.committed = true),
    },
  });
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const servers = {};
for (const name of ['a', 'b'])
  servers[name] = await startProductionServer(
    { DIST_DIR: path.join(ROOT, `dist-hydration-${name}`) },
    path.join(ROOT, `dist-hydration-${name}-server`, 'main.js'),
  );

/** The thread (CPU) time of the tasks that hold a mark: preemption by other processes is not in it. */
function cpuMs(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const marks = events.filter((event) => event.name === 'react-task');
  const tasks = events.filter(
    (task) =>
      task.name === 'RunTask' &&
      task.ph === 'X' &&
      marks.some((mark) => mark.tid === task.tid && mark.ts >= task.ts && mark.ts <= task.ts + task.dur),
  );
  return tasks.reduce((sum, task) => sum + task.tdur, 0) / 1000;
}

async function measure(url) {
  const context = await browser.newContext();
  await context.addInitScript(timeHydration);
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: Number(args.rate) });
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await page.goto(url);
  const done = await page.waitForFunction(() => window.__hydration.done && window.__hydration.ms, null, {
    timeout: 60_000,
  });
  const wall = await done.jsonValue();
  const cpu = cpuMs(await browser.stopTracing());
  await context.close();
  return { wall, cpu };
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
try {
  for (const pathname of PAGES) {
    const [a, b] = [[], []];
    for (let run = 0; run < Number(args.runs); run++) {
      // Interleaved, the order alternating, so drift on a busy machine falls on both alike.
      if (run % 2) b.push(await measure(servers.b.url + pathname));
      a.push(await measure(servers.a.url + pathname));
      if (!(run % 2)) b.push(await measure(servers.b.url + pathname));
    }
    for (const figure of ['wall', 'cpu']) {
      const [fa, fb] = [a.map((r) => r[figure]), b.map((r) => r[figure])];
      const lower = fa.filter((value, index) => value < fb[index]).length;
      console.log(
        `${pathname} ${figure}: A ${median(fa).toFixed(1)} ms, B ${median(fb).toFixed(1)} ms (medians); A lower in ${lower} of ${fa.length} pairs` +
          `\n  A ${fa.map((v) => v.toFixed(0)).join(' ')}\n  B ${fb.map((v) => v.toFixed(0)).join(' ')}`,
      );
    }
  }
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}
