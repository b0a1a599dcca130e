import {
  array,
  boolean,
  config,
  discriminatedUnion,
  email,
  extend,
  enum as enumOf,
  gte,
  int,
  iso,
  literal,
  locales,
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
import type * as Zod from 'zod/mini';

// Zod probes `new Function` on first use; under our CSP (no 'unsafe-eval') that is reported as a violation.
config({ jitless: true });

// zod/mini ships no messages ("Invalid input"); English ones for development only (about 1.2 KB gzip).
if (import.meta.env.DEV) config(locales.en());

/**
 * The part of zod/mini's `z` the schemas use, named one by one: a whole `z` namespace in a lazily loaded
 * chunk cannot be tree-shaken (356 KB raw with every locale). ./zod.ts's `z` has this type, so a schema
 * using anything else fails the typecheck until it is added here.
 */
export const z = {
  array,
  boolean,
  discriminatedUnion,
  email,
  enum: enumOf,
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
};

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace z {
  type infer<T> = Zod.infer<T>;
}
