/**
 * Every post of the shared corpus (the Theme Unit Test data and Gutenberg's block
 * fixtures, imported by install.php) through the production server with
 * CONTENT_SOURCE=wordpress: over HTTP, what the article keeps of WordPress's own
 * rendered content (words, links, marks, captions, players, lists, tables, quotes,
 * code) and that nothing in it can run; in Chromium, no console or page error and no
 * body text lost at any frame while the page starts. Prints the per-kind table.
 *
 * CORPUS_READER_BUNDLE=<dir>/dist-server/main.js measures another build (e.g. an older
 * commit's) against the same WordPress.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TITLE, readableSlug } from '../../server/content/wordpress/map.ts';
import { browserForFile, openPage } from '../e2e/browser.ts';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import { startServer } from '../server/server.ts';
import { buildIfMissing, ROOT } from '../server/build.ts';
import { measure, REQUIRED, table, type PostMeasure } from './corpusMeasure.ts';
import { startWordPress, type WordPress } from './wordpress.ts';
import { JSDOM } from 'jsdom';

interface Post {
  id: number;
  slug: string;
  title: { rendered: string };
  content: { rendered: string; protected: boolean };
}

let wordpress: WordPress;
let reader: ProductionServer;
const posts: Post[] = [];
const browser = browserForFile();
const measured = new Map<string, PostMeasure>();

/** At most `limit` at once: the machine has two cores, and WordPress runs four PHP workers. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function decodedTitle(rendered: string): string {
  const text = new JSDOM(`<p>${rendered}</p>`).window.document.body.textContent ?? '';
  return text.replace(/[\s\u00a0]+/g, ' ').trim() || NO_TITLE;
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const articlePath = (post: Post) => `/article/${encodeURIComponent(readableSlug(post.slug))}`;

beforeAll(async () => {
  const started = Date.now();
  if (!process.env.CORPUS_READER_BUNDLE) await buildIfMissing();
  wordpress = await startWordPress({ corpus: true });
  reader = await startProductionServer(
    { CONTENT_SOURCE: 'wordpress', WORDPRESS_URL: wordpress.url },
    process.env.CORPUS_READER_BUNDLE || undefined,
  );
  for (let page = 1; page <= 5; page++) {
    const response = await fetch(
      `${wordpress.url}/?rest_route=/wp/v2/posts&per_page=100&page=${page}&_fields=id,slug,title,content`,
    );
    if (!response.ok) break;
    posts.push(...((await response.json()) as Post[]));
  }
  console.log(`corpus: ${posts.length} posts; WordPress and reader up in ${Date.now() - started} ms`);
}, 300_000);
afterAll(async () => {
  await reader?.close();
  await wordpress?.stop();
});

describe('the shared WordPress corpus through the reader', () => {
  it('imports every post of the corpus', () => {
    expect(posts.length).toBe(125);
  });

  it('serves every post with its title as h1 and WordPress’s words, links, marks, captions and players', async () => {
    const failures: string[] = [];
    const started = Date.now();
    await eachLimited(posts, 4, async (post) => {
      const response = await fetch(`${reader.url}${articlePath(post)}`);
      const html = await response.text();
      if (post.content.protected) {
        // A post behind a password has nothing to read: the reader answers 404, never its text.
        if (response.status !== 404) failures.push(`${post.slug}: protected post answered ${response.status}`);
        return;
      }
      if (response.status !== 200) {
        failures.push(`${post.slug}: status ${response.status}`);
        return;
      }
      const document = new JSDOM(html).window.document;
      const h1 = (document.querySelector('article h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (h1 !== decodedTitle(post.title.rendered)) failures.push(`${post.slug}: h1 "${h1}"`);
      const body = document.querySelector('article .article-text') ?? document.querySelector('article');
      measured.set(post.slug, measure(post.content.rendered, body?.innerHTML ?? '', wordpress.url));
    });
    const all = [...measured.values()];
    const { rows, totals } = table(all);
    const coverages = [...measured.entries()].map(([slug, m]) => ({ slug, coverage: m.coverage }));
    const sorted = coverages.map((c) => c.coverage).sort((a, b) => a - b);
    console.log(
      `corpus over HTTP: ${all.length} posts in ${Date.now() - started} ms; word coverage median ` +
        `${sorted[Math.floor(sorted.length / 2)]?.toFixed(3)}, lowest ${sorted[0]?.toFixed(3)}, ` +
        `≥0.95 on ${coverages.filter((c) => c.coverage >= 0.95).length} of ${coverages.length}\n${rows}`,
    );
    for (const c of coverages.filter((c) => c.coverage < 0.95).sort((a, b) => a.coverage - b.coverage)) {
      console.log(`  coverage ${c.coverage.toFixed(3)} ${c.slug}`);
    }
    if (process.env.CORPUS_DETAIL) {
      // Per post, what the article has fewer of than WordPress.
      for (const [slug, m] of measured) {
        const short = Object.entries(m.counts)
          .filter(([, count]) => count.kept < count.wordpress)
          .map(([name, count]) => `${name} ${count.kept}/${count.wordpress}`);
        if (short.length > 0) console.log(`  ${slug}: ${short.join(', ')} ${m.missingLinks.slice(0, 3).join(' ')}`);
      }
    }

    expect(failures).toEqual([]);
    expect(all.length).toBe(posts.filter((post) => !post.content.protected).length);
    expect(coverages.filter((c) => c.coverage < 0.9)).toEqual([]);
    expect(coverages.filter((c) => c.coverage >= 0.95).length).toBeGreaterThanOrEqual(0.9 * coverages.length);
    const short = Object.entries(REQUIRED)
      .filter(([name, share]) => totals[name]!.kept < share * totals[name]!.wordpress)
      .map(([name]) => `${name}: ${totals[name]!.kept} of ${totals[name]!.wordpress}`);
    expect(short).toEqual([]);
    const executable = [...measured.entries()].filter(([, m]) => m.executable.length > 0);
    expect(executable.map(([slug, m]) => `${slug}: ${m.executable.join(', ')}`)).toEqual([]);
  }, 120_000);

  it('opens every post server-rendered in Chromium without an error, and no body text disappears while it starts', async () => {
    const result = await openEvery(reader.url);
    console.log(`corpus in Chromium, server-rendered: ${result.summary}`);
    expect({ drops: result.drops, problems: result.problems }).toEqual({ drops: [], problems: [] });
  }, 300_000);

  it('does the same in the static deployment (dist/ served as files, its API the server’s /api)', async () => {
    const deployment = await startStaticDeployment(reader.url, wordpress.url);
    try {
      const result = await openEvery(deployment.url);
      console.log(`corpus in Chromium, static: ${result.summary}`);
      expect({ drops: result.drops, problems: result.problems }).toEqual({ drops: [], problems: [] });
    } finally {
      await deployment.close();
    }
  }, 300_000);
});

/** Every readable post in Chromium at `base`: console and page errors, CSP violations, and drops of body text. */
async function openEvery(base: string) {
  const started = Date.now();
  const readable = posts.filter((post) => !post.content.protected);
  const problems: string[] = [];
  const drops: string[] = [];
  let next = 0;
  // One tab per worker, reading post after post with the HTTP cache and the service worker
  // out of the way, so every post is a first visit: a fresh context per post took three
  // times as long on two shared cores.
  const worker = async () => {
    const opened = await openPage(browser.browser, base);
    const devtools = await opened.context.newCDPSession(opened.page);
    await devtools.send('Network.enable');
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Nor may the service worker the first post installs answer the next ones from its cache.
    await devtools.send('Network.setBypassServiceWorker', { bypass: true });
    await opened.context.addInitScript(recordBodyText);
    // No internet here: other sites' pictures (avatars) get a placeholder, as they would get theirs.
    await opened.context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.fulfill({ status: 200, contentType: 'image/gif', body: PIXEL }),
    );
    const seen = [0, 0, 0];
    try {
      while (next < readable.length) {
        const post = readable[next++]!;
        // Idle: no request for half a second, then no change anywhere in the page for half a
        // second (hydration can come well after the body has stood still), eight seconds at most.
        await opened.page.goto(articlePath(post), { waitUntil: 'networkidle' });
        await opened.page.waitForFunction(
          () => performance.now() - (window.__quietSince ?? 0) > 500 || performance.now() > 8000,
          undefined,
          { polling: 100, timeout: 15_000 },
        );
        const log = await opened.page.evaluate(() => window.__bodyLog ?? []);
        const drop = firstDrop(log);
        if (drop) drops.push(`${post.slug}: ${drop}`);
        if ((log.at(-1)?.length ?? -1) < 0) drops.push(`${post.slug}: no article body at the end`);
        // The tab's record grows post after post: this post's problems are the new ones.
        const { consoleErrors, pageErrors, cspViolations } = await opened.problems();
        const now = [consoleErrors, pageErrors, cspViolations.map((v) => JSON.stringify(v))];
        now.forEach((list, kind) => {
          for (const message of list.slice(seen[kind])) problems.push(`${post.slug}: ${message}`);
          seen[kind] = list.length;
        });
      }
    } finally {
      await opened.close();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return {
    problems,
    drops,
    summary: `${readable.length} posts in ${Date.now() - started} ms; ${drops.length} with a drop or no body`,
  };
}

/**
 * The static deployment: dist/ as files (the test server, with the production headers)
 * and, on the same origin as a static host's rewrite would put it, `/api` forwarded to the
 * production server reading WordPress; `config.json` points the app at it.
 */
async function startStaticDeployment(
  apiOrigin: string,
  mediaOrigin: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const files = await startServer({ port: 0, root: path.join(ROOT, 'dist') });
  const front = createServer((request, response) => {
    const target = request.url?.startsWith('/api/') ? apiOrigin : files.url;
    if (request.url === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ apiBaseUrl: `http://${request.headers.host}/api` }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'accept-encoding') headers[name] = value;
    }
    fetch(`${target}${request.url}`, { method: request.method, headers, redirect: 'manual' })
      .then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        const out: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) return;
          // The host's own policy lists the WordPress origin, which is on plain http here (docs/deploy.md).
          out[name] =
            name === 'content-security-policy'
              ? value.replace(/(img-src|media-src)([^;]*)/g, `$1$2 ${mediaOrigin}`)
              : value;
        });
        response.writeHead(answer.status, { ...out, 'content-length': String(body.length) });
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(502);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      });
      await files.close();
    },
  };
}

declare global {
  interface Window {
    __bodyLog?: { at: number; length: number }[];
    __quietSince?: number;
  }
}

/**
 * Runs before the page's own scripts: the length of the article body's text at every
 * animation frame and after every change to the DOM, from the first paint until the test
 * reads it. A drop is server-rendered text that went away, even for a frame.
 */
function recordBodyText() {
  const log: { at: number; length: number }[] = [];
  window.__bodyLog = log;
  window.__quietSince = 0;
  const measure = () => {
    const body = document.querySelector('article .article-text');
    const length = body ? (body.textContent ?? '').length : -1;
    const last = log[log.length - 1];
    if (!last || last.length !== length) log.push({ at: Math.round(performance.now()), length });
  };
  new MutationObserver(() => {
    window.__quietSince = performance.now();
    measure();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const frame = () => {
    measure();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The first time the body's text got shorter than it had been, as "at 412 ms 1830 → 0 chars". */
function firstDrop(log: { at: number; length: number }[]): string | null {
  let longest = -1;
  for (const entry of log) {
    if (entry.length < longest) return `at ${entry.at} ms ${longest} → ${entry.length} chars (${JSON.stringify(log)})`;
    longest = Math.max(longest, entry.length);
  }
  return null;
}
