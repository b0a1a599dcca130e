#!/usr/bin/env node
/**
 * Load test of the production server (`npm run bench:server`): requests per second and
 * p50/p99 latency for the reference article page, with the page cache warm (one URL)
 * and cold (a new query string on every request, so each one renders), at 10 and 100
 * connections, beside a plain static-file server answering the same page from memory
 * on the same machine. Everything listens on 127.0.0.1; each run lasts DURATION_S.
 *
 * Options: `--duration S` (default 10), `--skip-build` (reuse dist/ and dist-server/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

function run(url, connections, { unique = false } = {}) {
  let counter = 0;
  return autocannon({
    url,
    connections,
    duration,
    headers: { 'accept-encoding': 'br' },
    requests: unique ? [{ setupRequest: (request) => ({ ...request, path: `${ARTICLE}?r=${counter++}` }) }] : undefined,
  });
}

const production = await startProductionServer();
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
      ['server, cache cold', `${production.url}${ARTICLE}`, { unique: true }],
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
