#!/usr/bin/env node
/**
 * Load test of the production server (`npm run bench:server`): requests per second and
 * p50/p99 latency for article pages, with the page cache warm (the reference article)
 * and cold (a server with PAGE_CACHE_MS=0, requests going round every story, so each
 * is rendered anew unless it joins a render in progress), at 10 and 100 connections,
 * beside a plain static-file server answering the same page from memory on the same
 * machine. Everything listens on 127.0.0.1; each run lasts `--duration` seconds.
 *
 * Options: `--duration S` (default 10), `--skip-build` (reuse dist/ and dist-server/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startProductionServer } from '../test/server/productionServer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/article/update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const args = process.argv.slice(2);
const duration = Number(args[args.indexOf('--duration') + 1]) || 10;

if (!args.includes('--skip-build') || !existsSync(path.join(ROOT, 'dist-server/main.js'))) {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

const STORIES = readdirSync(path.join(ROOT, 'mocks/stories')).map((file) => `/article/${file.replace(/\.json$/, '')}`);

function run(url, connections, { rotate = false } = {}) {
  let counter = 0;
  return autocannon({
    url,
    connections,
    duration,
    headers: { 'accept-encoding': 'br' },
    requests: rotate
      ? [{ setupRequest: (request) => ({ ...request, path: STORIES[counter++ % STORIES.length] }) }]
      : undefined,
  });
}

const production = await startProductionServer();
// Cold: no page cache, two processes (one per core), as docs/deploy.md recommends.
const uncached = await startProductionServer({ PAGE_CACHE_MS: '0', WEB_CONCURRENCY: '2' });
// The comparison: the same page, rendered once, answered from memory by node:http, brotli as the server sends it.
const page = await fetch(`${production.url}${ARTICLE}`, { headers: { 'accept-encoding': 'br' } });
const pageBody = Buffer.from(await (await fetch(`${production.url}${ARTICLE}`)).arrayBuffer());
const { brotliCompressSync } = await import('node:zlib');
const compressed = brotliCompressSync(pageBody);
if (!page.ok) throw new Error(`the article answered ${page.status}`);
const plain = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
  response.end(compressed);
});
await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
const plainUrl = `http://127.0.0.1:${plain.address().port}${ARTICLE}`;

const rows = [];
try {
  for (const connections of [10, 100]) {
    const cases = [
      ['plain static server', plainUrl, {}],
      ['server, cache warm', `${production.url}${ARTICLE}`, {}],
      [
        `server, cache cold, 2 processes (${STORIES.length} stories in turn)`,
        `${uncached.url}${ARTICLE}`,
        { rotate: true },
      ],
    ];
    for (const [name, url, options] of cases) {
      const result = await run(url, connections, options);
      rows.push({
        name,
        connections,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
      console.log(`bench:server: ${name} at ${connections} connections done`);
    }
  }
} finally {
  await production.close();
  await uncached.close();
  plain.close();
}

const plainRps = (connections) =>
  rows.find((row) => row.connections === connections && row.name.startsWith('plain')).rps;
console.log(`\n| case (${duration} s each) | connections | requests/s | vs plain | p50 | p99 | errors | non-2xx |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const ratio = (row.rps / plainRps(row.connections)).toFixed(2);
  console.log(
    `| ${row.name} | ${row.connections} | ${Math.round(row.rps)} | ${ratio}x | ${row.p50} ms | ${row.p99} ms | ${row.errors} | ${row.non2xx} |`,
  );
}
const failed = rows.filter((row) => row.errors > 0 || row.non2xx > 0);
if (failed.length > 0) {
  console.error(
    `bench:server: errors under load in ${failed.map((row) => `${row.name} @${row.connections}`).join(', ')}`,
  );
  process.exitCode = 1;
}
