import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The one inline script (public/theme-init.js, inlined by scripts/deferEntry.ts), by its hash. */
export const THEME_INIT_HASH = `'sha256-${createHash('sha256')
  .update(readFileSync(new URL('../../public/theme-init.js', import.meta.url)))
  .digest('base64')}'`;

/**
 * The strict Content-Security-Policy the app must run under: no inline scripts but
 * the theme script allowed by its hash, no inline styles, no eval, nothing from other
 * origins. The test server sends it with every HTML response; production hosting
 * should send the same.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${THEME_INIT_HASH}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every HTML document besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
