/**
 * What an operator watches: one structured access-log line per request (pino, JSON on
 * stdout: status, time, page-cache hit or miss, render time) and Prometheus metrics
 * (prom-client, at /metrics: request and render histograms, page-cache results and hit
 * ratio, content-source time and errors, purges, memory). Labels are a handful of route
 * kinds, never the URL: a flood of made-up addresses adds no series.
 */
import cluster from 'node:cluster';
import type { MiddlewareHandler } from 'hono';
import pino, { type Logger } from 'pino';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheStatus } from './pageCache';

export type AppEnv = {
  Variables: {
    /** Set by the page route: how the page cache answered, and the render's time when this request rendered. */
    cache?: CacheStatus;
    renderMs?: number;
  };
};

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type RouteKind = 'page' | 'api' | 'file' | 'hook' | 'ops';

export function routeKind(path: string): RouteKind {
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/hooks/')) return 'hook';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'ops';
  return /\/[^/]+\.[a-z0-9]+$/i.test(path) ? 'file' : 'page';
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'newsreader_' });
  if (cluster.isWorker) {
    // The primary asks each process for this registry and adds them up (server/cluster.ts).
    AggregatorRegistry.setRegistries([registry]);
    new AggregatorRegistry();
  }
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const pageCache = new Counter({
    name: 'newsreader_page_cache_total',
    help: 'Page requests by how the page cache answered (hit, miss, shared, stale)',
    labelNames: ['result'],
    registers: [registry],
  });
  let hits = 0;
  let lookups = 0;
  const metrics = {
    registry,
    requests: new Histogram({
      name: 'newsreader_request_duration_seconds',
      help: 'Time to answer a request, by route kind and status',
      labelNames: ['route', 'method', 'status'],
      buckets: seconds,
      registers: [registry],
    }),
    renders: new Histogram({
      name: 'newsreader_render_duration_seconds',
      help: 'Time to render a page (data, React, document, compression)',
      labelNames: ['status'],
      buckets: seconds,
      registers: [registry],
    }),
    upstream: new Histogram({
      name: 'newsreader_upstream_duration_seconds',
      help: 'Time the content source took to answer, by outcome',
      labelNames: ['outcome'],
      buckets: seconds,
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'newsreader_upstream_errors_total',
      help: 'Content-source answers that failed (5xx, timeout, unreachable)',
      registers: [registry],
    }),
    purges: new Counter({
      name: 'newsreader_purges_total',
      help: 'Purges carried out, by what asked for them (hook, poller)',
      labelNames: ['via'],
      registers: [registry],
    }),
    purgedPages: new Counter({
      name: 'newsreader_purged_pages_total',
      help: 'Pages dropped from the in-process page caches by purges',
      registers: [registry],
    }),
    purgeTargetErrors: new Counter({
      name: 'newsreader_purge_target_errors_total',
      help: 'Purges a PURGE_TARGETS cache did not confirm',
      registers: [registry],
    }),
    hookRejected: new Counter({
      name: 'newsreader_hook_rejected_total',
      help: 'Purge hook requests refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    cacheBytes: new Gauge({
      name: 'newsreader_page_cache_bytes',
      help: 'Bytes the page cache holds',
      registers: [registry],
    }),
    hitRatio: new Gauge({
      name: 'newsreader_page_cache_hit_ratio',
      help: 'Page requests answered without a render of their own, since start',
      registers: [registry],
      aggregator: 'average',
      collect() {
        this.set(lookups === 0 ? 0 : hits / lookups);
      },
    }),
    pageCache(result: CacheStatus) {
      pageCache.inc({ result });
      lookups++;
      if (result !== 'miss') hits++;
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** One access-log line per request, and its time in the request histogram. */
export function accessLog(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    const path = c.req.path;
    const route = routeKind(path);
    metrics.requests.observe({ route, method: c.req.method, status: String(c.res.status) }, ms / 1000);
    if (route === 'ops') return; // health checks and scrapes every few seconds would drown the log
    logger.info({
      msg: 'request',
      method: c.req.method,
      path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
      status: c.res.status,
      ms: Math.round(ms * 10) / 10,
      ...(c.get('cache') ? { cache: c.get('cache') } : {}),
      ...(c.get('renderMs') !== undefined ? { renderMs: Math.round(c.get('renderMs')! * 10) / 10 } : {}),
    });
  };
}
