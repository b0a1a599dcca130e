/**
 * `npm start`: the production server. React and its peers pick their production or
 * development build from NODE_ENV when first loaded, so it is set before anything else
 * is: unset, `node dist-server/main.js` rendered with React's development build, about
 * half as fast. WEB_CONCURRENCY=N runs N processes sharing the port (one per core): a
 * page render is CPU work, and one Node process uses one core.
 */
import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV ??= 'production';
// The server's bundle is in dist-server/; the browser build it serves beside it, in dist/.
process.env.DIST_DIR ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

const processes = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1);
if (processes > 1 && cluster.isPrimary) {
  // The primary relays purges and metrics between the processes (./cluster.ts).
  const { servePrimary } = await import('./cluster');
  servePrimary();
  // Only the first process polls the content source (CONTENT_POLL_MS); its replacement takes over.
  const poller = new Set<number>();
  const fork = (polls: boolean) => {
    const worker = cluster.fork({ NEWSREADER_POLLER: polls ? '1' : '0' });
    if (polls) poller.add(worker.id);
  };
  for (let i = 0; i < processes; i++) fork(i === 0);
  // A process that dies is replaced; a stop signal stops them all.
  cluster.on('exit', (worker, code, signal) => {
    if (signal !== 'SIGTERM' && signal !== 'SIGINT' && code !== 0) fork(poller.has(worker.id));
    poller.delete(worker.id);
  });
  for (const stop of ['SIGTERM', 'SIGINT'] as const) {
    process.on(stop, () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(stop);
      process.exit(0);
    });
  }
} else {
  await import('./serve');
}
