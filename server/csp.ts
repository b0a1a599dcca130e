/**
 * The Content-Security-Policy and security headers every HTML page is sent with, by the
 * production server (./app.ts) and the test server, hashes computed from the built
 * index.html they serve, and by `vite preview` (test/server/csp.ts, the theme script's
 * hash as the build inlines it): one list of directives for all. Erasable TypeScript, so
 * Node runs it as is.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Inline scripts that run (not JSON data blocks), by their exact text. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    if (/\ssrc=/.test(attributes) || /type="application\/(ld\+)?json"/.test(attributes)) continue;
    scripts.push(match[2]!);
  }
  return scripts;
}

/** The CSP's script sources for a built page: each inline script that runs, by its hash. */
export function inlineScriptHashes(html: string): string[] {
  return inlineScripts(html).map(sha256);
}

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
