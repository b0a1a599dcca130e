import { config, locales } from 'zod/mini';

// Zod probes `new Function` on first use; under our CSP (no 'unsafe-eval') that is reported as a violation.
config({ jitless: true });

// zod/mini ships no messages ("Invalid input"); English ones for development only (about 1.2 KB gzip).
if (import.meta.env.DEV) config(locales.en());

// The part of zod/mini the schemas use, named one by one: a whole `z` namespace in a lazily loaded chunk is
// not tree-shaken (82 KB gzip with every locale, against 10). ./zod.ts's `z` has this module's type, so a
// schema using anything else fails the typecheck until it is added here.
export {
  array,
  boolean,
  discriminatedUnion,
  email,
  enum,
  extend,
  gte,
  int,
  iso,
  literal,
  lte,
  maxLength,
  minLength,
  nonnegative,
  nullable,
  nullish,
  number,
  object,
  optional,
  pipe,
  positive,
  record,
  string,
  transform,
  trim,
  union,
  unknown,
} from 'zod/mini';
export type { infer } from 'zod/mini';
