import { z } from 'zod';

// Zod probes `new Function` on first use; under our CSP (no 'unsafe-eval') that is reported as a violation.
z.config({ jitless: true });
