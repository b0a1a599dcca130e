/**
 * What the server's processes (WEB_CONCURRENCY, node:cluster) share through the primary:
 * a purge reaches every process's page cache before the hook answers (so a CDN purged
 * next never refetches an old copy from a process not yet purged), a hook's signature is
 * remembered in one place (a replay to another process is still a replay), and
 * /metrics adds up every process. A single process does the same in-process.
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';

type Message =
  | { type: 'newsreader:purge'; id: number; keys: string[]; nonce: string | null; expiresAt: number }
  | { type: 'newsreader:purged'; id: number; replay: boolean; dropped: number; processes: number }
  | { type: 'newsreader:purge-local'; id: number; keys: string[] }
  | { type: 'newsreader:purge-local-done'; id: number; dropped: number }
  | { type: 'newsreader:metrics'; id: number }
  | { type: 'newsreader:metrics-text'; id: number; text: string; error?: string };

export interface PurgeOutcome {
  /** The nonce was seen before: nothing was purged. */
  replay: boolean;
  /** Pages dropped from the processes' caches. */
  dropped: number;
  /** Processes that purged. */
  processes: number;
}

/** Signatures already used, until their timestamp leaves the replay window. */
class NonceStore {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = 50_000) {}
  /** False when the nonce was used before (a replay); remembers it otherwise. */
  claim(nonce: string, expiresAt: number, now = Date.now()): boolean {
    for (const [old, until] of this.seen) {
      if (until > now && this.seen.size < this.max) break;
      this.seen.delete(old);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }
}

let localPurge: (keys: string[]) => number = () => 0;
const localNonces = new NonceStore();
let nextId = 0;
const waiting = new Map<number, (message: Message) => void>();

function ask<T extends Message>(message: Message, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(message.id);
      reject(new Error(`the primary process did not answer ${message.type} in ${timeoutMs} ms`));
    }, timeoutMs);
    waiting.set(message.id, (answer) => {
      clearTimeout(timer);
      waiting.delete(message.id);
      resolve(answer as T);
    });
    process.send!(message);
  });
}

/** In a worker (or the single process): how this process drops pages from its caches. */
export function onPurge(purge: (keys: string[]) => number): void {
  localPurge = purge;
  if (!cluster.isWorker) return;
  process.on('message', (message: Message) => {
    if (message.type === 'newsreader:purge-local') {
      process.send!({ type: 'newsreader:purge-local-done', id: message.id, dropped: localPurge(message.keys) });
    } else if (message.type === 'newsreader:purged' || message.type === 'newsreader:metrics-text') {
      waiting.get(message.id)?.(message);
    }
  });
}

/**
 * Purges `keys` in every process; `nonce` (the hook's signature) is refused if seen
 * before. Resolves once every process has dropped its pages.
 */
export async function purgeEverywhere(keys: string[], nonce: string | null, expiresAt: number): Promise<PurgeOutcome> {
  if (!cluster.isWorker) {
    if (nonce && !localNonces.claim(nonce, expiresAt)) return { replay: true, dropped: 0, processes: 0 };
    return { replay: false, dropped: localPurge(keys), processes: 1 };
  }
  const answer = await ask<Extract<Message, { type: 'newsreader:purged' }>>(
    { type: 'newsreader:purge', id: nextId++, keys, nonce, expiresAt },
    5000,
  );
  return { replay: answer.replay, dropped: answer.dropped, processes: answer.processes };
}

/** Prometheus text for every process (the primary adds them up), or this one's. */
export async function clusterMetrics(local: () => Promise<string>): Promise<string> {
  if (!cluster.isWorker) return local();
  const answer = await ask<Extract<Message, { type: 'newsreader:metrics-text' }>>(
    { type: 'newsreader:metrics', id: nextId++ },
    6000,
  );
  if (answer.error) throw new Error(answer.error);
  return answer.text;
}

/** In the primary: relays purges to every worker and answers metric requests. */
export function servePrimary(): void {
  const nonces = new NonceStore();
  const registry = new AggregatorRegistry();
  let nextLocal = 0;
  const pending = new Map<number, { left: number; dropped: number; done: () => void }>();

  const fanOut = (keys: string[]) =>
    new Promise<{ dropped: number; processes: number }>((resolve) => {
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker =>
        Boolean(worker?.isConnected()),
      );
      const id = nextLocal++;
      const state = { left: workers.length, dropped: 0, done: () => {} };
      const finish = () => {
        clearTimeout(timer);
        pending.delete(id);
        resolve({ dropped: state.dropped, processes: workers.length - state.left });
      };
      // A worker that died meanwhile is replaced with an empty cache: nothing to wait for.
      const timer = setTimeout(finish, 3000);
      state.done = finish;
      pending.set(id, state);
      if (workers.length === 0) return finish();
      for (const worker of workers) worker.send({ type: 'newsreader:purge-local', id, keys } satisfies Message);
    });

  cluster.on('message', (worker: Worker, message: Message) => {
    if (message.type === 'newsreader:purge') {
      if (message.nonce && !nonces.claim(message.nonce, message.expiresAt)) {
        worker.send({ type: 'newsreader:purged', id: message.id, replay: true, dropped: 0, processes: 0 });
        return;
      }
      void fanOut(message.keys).then(({ dropped, processes }) =>
        worker.send({ type: 'newsreader:purged', id: message.id, replay: false, dropped, processes }),
      );
    } else if (message.type === 'newsreader:purge-local-done') {
      const state = pending.get(message.id);
      if (!state) return;
      state.dropped += message.dropped;
      if (--state.left === 0) state.done();
    } else if (message.type === 'newsreader:metrics') {
      registry.clusterMetrics().then(
        (text) => worker.send({ type: 'newsreader:metrics-text', id: message.id, text }),
        (error: unknown) =>
          worker.send({ type: 'newsreader:metrics-text', id: message.id, text: '', error: String(error) }),
      );
    }
  });
}
