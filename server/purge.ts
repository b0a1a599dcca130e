/**
 * Purge on publish: `POST /hooks/content-changed` with `{ "keys": ["story:<slug>", …] }`,
 * signed with HMAC-SHA256 over `<timestamp>.<body>` (PURGE_SECRET), drops the pages that
 * carry those keys from every process's cache, forgets the content source's cached
 * answers, then purges every PURGE_TARGETS Varnish by key (xkey). An unsigned, badly
 * signed, stale or replayed request answers 401 and changes nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidKey } from './surrogateKeys';

export const TIMESTAMP_HEADER = 'x-newsreader-timestamp';
export const SIGNATURE_HEADER = 'x-newsreader-signature';
/** A signed request is accepted this long either side of its timestamp, and only once. */
export const REPLAY_WINDOW_S = 300;
export const MAX_HOOK_BYTES = 64 * 1024;
const MAX_KEYS = 2000;

export function sign(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type Verdict =
  { ok: true; keys: string[]; nonce: string; expiresAt: number } | { ok: false; status: 400 | 401; reason: string };

/** Checks the signature, the timestamp's window and the body's keys (not the nonce: see cluster.ts). */
export function verifyHook(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  now = Date.now(),
): Verdict {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return { ok: false, status: 401, reason: 'unsigned' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, status: 401, reason: 'bad timestamp' };
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature.trim().toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: 'bad signature' };
  }
  const at = Number(timestamp) * 1000;
  if (Math.abs(now - at) > REPLAY_WINDOW_S * 1000) return { ok: false, status: 401, reason: 'outside replay window' };
  let keys: unknown;
  try {
    keys = (JSON.parse(body) as { keys?: unknown }).keys;
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) {
    return { ok: false, status: 400, reason: `keys must be a list of 1 to ${MAX_KEYS} keys` };
  }
  const bad = keys.find((key) => typeof key !== 'string' || !isValidKey(key));
  if (bad !== undefined) return { ok: false, status: 400, reason: `unknown key ${JSON.stringify(bad).slice(0, 80)}` };
  return { ok: true, keys: keys as string[], nonce: expected.toString(), expiresAt: at + REPLAY_WINDOW_S * 1000 };
}

export interface TargetResult {
  target: string;
  status: number | null;
  error?: string;
}

/** Varnish's xkey purge (deploy/varnish/default.vcl): `PURGE /` with the keys in `xkey-purge`. */
export async function purgeTargets(targets: readonly string[], keys: readonly string[]): Promise<TargetResult[]> {
  return Promise.all(
    targets.map(async (target) => {
      try {
        const response = await fetch(new URL('/', target), {
          method: 'PURGE',
          headers: { 'xkey-purge': keys.join(' ') },
          signal: AbortSignal.timeout(3000),
        });
        await response.arrayBuffer();
        return { target, status: response.status };
      } catch (error) {
        return { target, status: null, error: String(error) };
      }
    }),
  );
}

/** PURGE_TARGETS: Varnish addresses, e.g. "http://10.0.0.5:6081 http://10.0.0.6:6081". */
export function purgeTargetsFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.PURGE_TARGETS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((target) => {
      try {
        return new URL(target).origin;
      } catch {
        throw new Error(`PURGE_TARGETS must list URLs such as http://127.0.0.1:6081, not "${target}"`);
      }
    });
}
