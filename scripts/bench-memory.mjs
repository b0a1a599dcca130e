#!/usr/bin/env node
/**
 * Memory under a flood of unknown addresses (`node scripts/bench-memory.mjs [N ...]`): one
 * production server process (after `npm run build`), N requests for made-up story and
 * page addresses (each a 404 render) from 8 connections, brotli accepted as browsers do,
 * then the process's resident memory, heap and external (Buffer) memory from /metrics.
 * The budget this checks against is in docs/deploy.md#memory.
 */
import autocannon from 'autocannon';
import { startProductionServer } from '../test/server/productionServer.ts';

const rounds = process.argv.slice(2).map(Number).filter(Boolean);
const server = await startProductionServer({ SITE_URL: 'https://news.example.com', LOG_LEVEL: 'warn' });
const megabytes = async () => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const read = (name) => Math.round(Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]) / 1048576);
  return {
    rss: read('newsreader_process_resident_memory_bytes'),
    heapUsed: read('newsreader_nodejs_heap_size_used_bytes'),
    heapTotal: read('newsreader_nodejs_heap_size_total_bytes'),
    external: read('newsreader_nodejs_external_memory_bytes'),
    pageCache: read('newsreader_page_cache_bytes'),
  };
};
try {
  console.log('after start (MB):', await megabytes());
  let sent = 0;
  for (const amount of rounds.length > 0 ? rounds : [2000, 10000, 20000]) {
    let next = sent;
    const result = await autocannon({
      url: server.url,
      connections: 8,
      amount,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            path: next++ % 2 ? `/article/no-such-story-${next}-${'x'.repeat(200)}` : `/no/such/page/${next}`,
          }),
        },
      ],
    });
    sent += amount;
    console.log(
      `after ${sent} unknown addresses (${Math.round(result.requests.average)} req/s), MB:`,
      await megabytes(),
    );
  }
} finally {
  await server.close();
}
