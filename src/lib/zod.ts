/**
 * zod/mini's `z`, without zod in the browser's first load: a page that fetches nothing
 * validates nothing. Until loadZod() has resolved, every use of this `z` (a schema built,
 * a method called on it) is only recorded and done on first use after: the schemas cost
 * nothing when their modules load. apiRequest waits for loadZod() beside its request.
 * Node (the server, tests, scripts) loads zod at once, and the schemas are zod's own.
 */
import type * as Zod from 'zod/mini';
import type * as UsedZod from './zodConfig';

let zod: typeof UsedZod | undefined;
let loading: Promise<void> | undefined;

/** Loads zod (its own chunk, configured by ./zodConfig) once; resolves when schemas can validate. */
export function loadZod(): Promise<void> {
  loading ??= import('./zodConfig').then(
    (module) => void (zod = module),
    (error: unknown) => {
      loading = undefined; // a later request tries again
      throw error;
    },
  );
  return loading;
}

function loaded(): boolean {
  if (zod) return true;
  const nodeModule = typeof process === 'undefined' ? undefined : process.getBuiltinModule?.('node:module');
  zod = nodeModule ? (nodeModule.createRequire(import.meta.url)('zod/mini') as typeof Zod).z : undefined;
  return zod !== undefined;
}

const resolvers = new WeakMap<object, () => unknown>();

/** What zod is given: recorded values as what they stand for, in arrays and plain objects too (getters kept). */
function real(value: unknown): unknown {
  const resolve = typeof value === 'function' ? resolvers.get(value) : undefined;
  if (resolve) return resolve();
  if (Array.isArray(value)) return value.map(real);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const descriptor of Object.values(descriptors))
    if ('value' in descriptor) descriptor.value = real(descriptor.value);
  return Object.defineProperties({}, descriptors);
}

function property(target: object, key: PropertyKey): unknown {
  const value: unknown = Reflect.get(target, key);
  return typeof value === 'function' ? (...args: unknown[]) => value.apply(target, args.map(real)) : value;
}

/** Stands in for what `resolve` returns: at once once zod is loaded, recorded before. */
function deferred(resolve: () => unknown): never {
  let value: unknown;
  let resolved = false;
  const target = () => {
    if (!resolved) [value, resolved] = [resolve(), true];
    return value as object & ((...args: unknown[]) => unknown);
  };
  const proxy = new Proxy(() => {}, {
    get: (_, key) => (loaded() ? property(target(), key) : deferred(() => property(target(), key))),
    apply: (_, __, args) => (loaded() ? target()(...args) : deferred(() => target()(...args))),
    has: (_, key) => Reflect.has(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
  resolvers.set(proxy, target);
  return proxy as never;
}

export const z: typeof UsedZod = deferred(() => zod);

// The types of zod's namespace, so `z.infer<typeof schema>` reads as with zod's own `z`.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  type infer<T> = Zod.z.infer<T>;
  type input<T> = Zod.z.input<T>;
  type output<T> = Zod.z.output<T>;
  type ZodMiniType<O = unknown, I = unknown> = Zod.z.ZodMiniType<O, I>;
}
