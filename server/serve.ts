/**
 * The production server on PORT (default 3000), started by ./main.ts. See docs/deploy.md for
 * its settings and how it runs as several processes behind a CDN.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createServerApp } from './app';
import { contentFromEnv } from './content/index';
import { createLogger, createMetrics } from './observability';
import { purgeAll } from './operations';
import { originPolicyFromEnv } from './origin';
import { createWordPressPoller } from './poller';
import { purgeTargetsFromEnv } from './purge';
import { parseKeyHeaderNames } from './surrogateKeys';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const requestTimeoutMs = Number(env.REQUEST_TIMEOUT_MS ?? 5000);
const pageTimeoutMs = Number(env.PAGE_TIMEOUT_MS ?? 8000);
const pageCacheMs = Number(env.PAGE_CACHE_MS ?? 10_000);
const cdnMaxAgeS = Number(env.CDN_MAX_AGE ?? 60);
const pollMs = Number(env.CONTENT_POLL_MS ?? 0);
// ./main.ts sets it: the browser build beside the server's bundle.
const distDir = env.DIST_DIR ?? path.resolve('dist');

for (const [name, value] of Object.entries({
  PORT: port,
  REQUEST_TIMEOUT_MS: requestTimeoutMs,
  PAGE_TIMEOUT_MS: pageTimeoutMs,
  PAGE_CACHE_MS: pageCacheMs,
  CDN_MAX_AGE: cdnMaxAgeS,
  CONTENT_POLL_MS: pollMs,
})) {
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a number, not "${env[name]}"`);
    process.exit(1);
  }
}
let originPolicy;
let purgeTargets: string[];
try {
  originPolicy = originPolicyFromEnv(env, host);
  purgeTargets = purgeTargetsFromEnv(env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

let content;
try {
  content = contentFromEnv(env, requestTimeoutMs);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Pictures on other origins (a media CDN): IMAGE_ORIGINS="https://cdn.example.com https://img.example.org".
const imageOrigins = [...content.imageOrigins];
for (const origin of (env.IMAGE_ORIGINS ?? '').split(/\s+/).filter(Boolean)) {
  try {
    imageOrigins.push(new URL(origin).origin);
  } catch {
    console.error(`IMAGE_ORIGINS must list URLs such as https://cdn.example.com, not "${origin}"`);
    process.exit(1);
  }
}

function flag(name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  console.error(`${name} must be 1 or 0, not "${env[name]}"`);
  process.exit(1);
}

const surrogateKeyHeaders = parseKeyHeaderNames(env.SURROGATE_KEY_HEADERS);
if (!surrogateKeyHeaders) {
  console.error(`SURROGATE_KEY_HEADERS must name xkey, Surrogate-Key or Cache-Tag, not "${env.SURROGATE_KEY_HEADERS}"`);
  process.exit(1);
}

if (env.ROBOTS && env.ROBOTS !== 'allow' && env.ROBOTS !== 'disallow') {
  console.error(`ROBOTS must be allow or disallow, not "${env.ROBOTS}"`);
  process.exit(1);
}
let securityTxt: string | null = null;
if (env.SECURITY_TXT_FILE) {
  try {
    securityTxt = readFileSync(env.SECURITY_TXT_FILE, 'utf8');
  } catch {
    console.error(`SECURITY_TXT_FILE cannot be read: "${env.SECURITY_TXT_FILE}"`);
    process.exit(1);
  }
} else if (env.SECURITY_CONTACT) {
  // RFC 9116 asks for an expiry; a year from start, renewed by every restart.
  const expires = new Date(Date.now() + 365 * 24 * 3600_000).toISOString();
  securityTxt = `Contact: ${env.SECURITY_CONTACT}\nExpires: ${expires}\n${originPolicy.siteUrl ? `Canonical: ${originPolicy.siteUrl}/.well-known/security.txt\n` : ''}`;
}
const syndicationCacheMs = Number(env.FEED_CACHE_MS ?? 60_000);
const indexTtlMs = Number(env.SITEMAP_CACHE_MS ?? 15 * 60_000);
for (const [name, value] of Object.entries({ FEED_CACHE_MS: syndicationCacheMs, SITEMAP_CACHE_MS: indexTtlMs })) {
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a number, not "${env[name]}"`);
    process.exit(1);
  }
}

const logger = createLogger();
const metrics = createMetrics();

const { app } = createServerApp({
  distDir,
  source: content.source,
  originPolicy,
  siteUrl: originPolicy.siteUrl,
  purgeSecret: env.PURGE_SECRET || undefined,
  purgeTargets,
  surrogateKeyHeaders,
  cdnMaxAgeS,
  logger,
  metrics,
  requestTimeoutMs,
  pageTimeoutMs,
  pageCacheMs,
  imageOrigins,
  syndication: {
    // Republishing the whole story is the publisher's call: a WordPress site opts in.
    fullContent: flag('FEED_FULL_CONTENT', content.fullContentByDefault),
    allowRobots: env.ROBOTS !== 'disallow',
    securityTxt,
    language: env.SITE_LANGUAGE?.trim() || 'en',
    siteTags: { locale: env.SITE_LOCALE?.trim() || undefined, twitterSite: env.TWITTER_SITE?.trim() || undefined },
    cacheMs: syndicationCacheMs,
    indexTtlMs,
    listAll: content.listAll,
  },
});
// One process polls (main.ts names it); its purges reach every process.
if (pollMs > 0 && env.CONTENT_SOURCE === 'wordpress' && env.WORDPRESS_URL && env.NEWSREADER_POLLER !== '0') {
  createWordPressPoller({
    wordpressUrl: env.WORDPRESS_URL,
    intervalMs: pollMs,
    logger,
    purge: (keys) => purgeAll({ logger, metrics, purgeTargets }, keys, 'poller'),
  }).start();
}
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(
    `newsreader: serving http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port} from ${content.description}`,
  );
});
// A process manager's stop: finish the requests in flight, then go.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
