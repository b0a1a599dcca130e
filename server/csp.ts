/**
 * The Content-Security-Policy and security headers every HTML page is sent with, by the
 * production server (./app.ts, hashes computed from the built index.html) and by the
 * test server and `vite preview` (test/server/csp.ts, the theme script's hash from its
 * file): one list of directives for both. Erasable TypeScript, so Node runs it as is.
 */

/**
 * No inline script but those hashed, no inline style, no eval. Pictures and players may come
 * from any https origin (stories show avatars and media from other sites, as WordPress does;
 * neither runs code), and from the listed origins (a content source on plain http).
 */
export function contentSecurityPolicy(scriptHashes: readonly string[], imageOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    ["img-src 'self' data: https:", ...imageOrigins].join(' '),
    ["media-src 'self' https:", ...imageOrigins].join(' '),
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sent with every response besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
