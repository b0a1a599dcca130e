import { z } from 'zod/mini';

// Zod probes `new Function` on first use; under our CSP (no 'unsafe-eval') that is reported as a violation.
z.config({ jitless: true });

// zod/mini ships no messages ("Invalid input"); English ones for development only (about 1.2 KB gzip).
if (import.meta.env.DEV) z.config(z.locales.en());

/** zod/mini's `z`, configured; ./zod.ts loads it when the first schema is needed. */
export { z };
