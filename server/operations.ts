/**
 * The operator's routes: `/healthz` (the process answers), `/readyz` (the content source
 * answers too), `/metrics` (Prometheus, every process added up) and the purge hook
 * `POST /hooks/content-changed` (./purge.ts).
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { clusterMetrics, purgeEverywhere } from './cluster';
import type { ContentSource } from './content/types';
import type { AppEnv, Metrics } from './observability';
import { MAX_HOOK_BYTES, SIGNATURE_HEADER, TIMESTAMP_HEADER, purgeTargets, verifyHook } from './purge';

export interface OperationsOptions {
  source: ContentSource;
  logger: Logger;
  metrics: Metrics;
  /** PURGE_SECRET; without it the hook answers 404 (nothing can purge). */
  purgeSecret?: string;
  /** PURGE_TARGETS: the Varnish instances purged after the processes. */
  purgeTargets: readonly string[];
  headers: Record<string, string>;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Purges `keys` in every process, then in every target; used by the hook and the poller. */
export async function purgeAll(
  options: Pick<OperationsOptions, 'logger' | 'metrics' | 'purgeTargets'>,
  keys: string[],
  via: 'hook' | 'poller',
  nonce: string | null = null,
  expiresAt = 0,
) {
  const outcome = await purgeEverywhere(keys, nonce, expiresAt);
  if (outcome.replay) return { replay: true as const };
  const targets = await purgeTargets(options.purgeTargets, keys);
  const failed = targets.filter((target) => target.status !== 200);
  options.metrics.purges.inc({ via });
  options.metrics.purgedPages.inc(outcome.dropped);
  options.metrics.purgeTargetErrors.inc(failed.length);
  options.logger.info({ msg: 'purge', via, keys: keys.slice(0, 20), keyCount: keys.length, ...outcome, targets });
  return { ...outcome, replay: false as const, targets, failed: failed.length };
}

export function installOperations(app: Hono<AppEnv>, options: OperationsOptions): void {
  const { logger, metrics } = options;

  app.get('/healthz', (c) => c.json({ ok: true }, 200, { ...NO_STORE, ...options.headers }));

  app.get('/readyz', async (c) => {
    const started = performance.now();
    let ok: boolean;
    try {
      if (options.source.ready) {
        ok = await options.source.ready();
      } else {
        const response = await options.source(
          new Request('http://content.invalid/taxonomy', { signal: AbortSignal.timeout(3000) }),
        );
        ok = response.ok;
        await response.arrayBuffer();
      }
    } catch {
      ok = false;
    }
    const ms = Math.round(performance.now() - started);
    return c.json({ ok, contentSource: ok ? 'reachable' : 'unreachable', ms }, ok ? 200 : 503, {
      ...NO_STORE,
      ...options.headers,
    });
  });

  app.get('/metrics', async (c) => {
    const text = await clusterMetrics(() => metrics.registry.metrics());
    return c.body(text, 200, { 'Content-Type': metrics.registry.contentType, ...NO_STORE });
  });

  const reject = (reason: string, status: 400 | 401 | 404 | 413) => {
    metrics.hookRejected.inc({ reason: status === 400 ? 'bad request' : reason });
    // A refused signature is worth a line of its own; a size refusal is the access line alone.
    if (status === 401 || status === 400) logger.warn({ msg: 'purge hook refused', status, reason });
    return Response.json({ error: { code: 'purge_refused', message: reason } }, { status, headers: NO_STORE });
  };

  app.post(
    '/hooks/content-changed',
    bodyLimit({ maxSize: MAX_HOOK_BYTES, onError: () => reject('body over 64 KB', 413) }),
    async (c) => {
      if (!options.purgeSecret) return reject('no PURGE_SECRET configured', 404);
      const body = await c.req.text();
      const verdict = verifyHook(
        options.purgeSecret,
        { timestamp: c.req.header(TIMESTAMP_HEADER) ?? null, signature: c.req.header(SIGNATURE_HEADER) ?? null },
        body,
      );
      if (!verdict.ok) return reject(verdict.reason, verdict.status);
      const done = await purgeAll(options, verdict.keys, 'hook', verdict.nonce, verdict.expiresAt);
      if (done.replay) return reject('replayed', 401);
      return c.json(
        { keys: verdict.keys, dropped: done.dropped, processes: done.processes, targets: done.targets },
        done.failed > 0 ? 502 : 200,
        NO_STORE,
      );
    },
  );
}
