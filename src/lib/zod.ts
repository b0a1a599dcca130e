/**
 * zod/mini's `z` without zod in the first load: a page that fetches nothing validates
 * nothing. Schemas built with this `z` are lazy() (built on first use); in the browser,
 * validating needs loadZod() to have resolved (apiRequest waits for it beside its request).
 */
import type * as Zod from 'zod/mini';
import { lazy } from './lazy';

let zod: typeof Zod.z | undefined;
let loading: Promise<void> | undefined;

/** Loads zod (its own chunk, configured by ./zodConfig) once; resolves when schemas can validate. */
export function loadZod(): Promise<void> {
  loading ??= import('./zodConfig').then(
    (module) => void (zod = module.z),
    (error: unknown) => {
      loading = undefined; // a later request tries again
      throw error;
    },
  );
  return loading;
}

/** Node (the server, tests, scripts) needs no wait: it can load zod synchronously. */
function zodInNode(): typeof Zod.z | undefined {
  const nodeModule = typeof process === 'undefined' ? undefined : process.getBuiltinModule?.('node:module');
  return nodeModule ? (nodeModule.createRequire(import.meta.url)('zod/mini') as typeof Zod).z : undefined;
}

export const z: typeof Zod.z = lazy(() => {
  zod ??= zodInNode();
  if (!zod) throw new Error('zod is not loaded yet: await loadZod() before building or using a schema');
  return zod;
});

// The types of zod's namespace, so `z.infer<typeof schema>` reads as with zod's own `z`.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  type infer<T> = Zod.z.infer<T>;
  type input<T> = Zod.z.input<T>;
  type output<T> = Zod.z.output<T>;
  type ZodMiniType<O = unknown, I = unknown> = Zod.z.ZodMiniType<O, I>;
}
