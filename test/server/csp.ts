import { createHash } from 'node:crypto';
import { THEME_INIT_INLINE } from '../../scripts/deferEntry.ts';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../server/csp.ts';

/** The one inline script (public/theme-init.js, minified and inlined by scripts/deferEntry.ts), by its hash. */
export const THEME_INIT_HASH = `'sha256-${createHash('sha256').update(THEME_INIT_INLINE).digest('base64')}'`;

/** The policy the static build must run under (see server/csp.ts); the test server and `vite preview` send it. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy([THEME_INIT_HASH]);

export { SECURITY_HEADERS };
