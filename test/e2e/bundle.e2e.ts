/**
 * The production build (made by globalSetup into $E2E_DIST or dist/) carries no
 * development tools: no TanStack Query Devtools and no mock scenario panel. The
 * scenarios themselves do ship, in the mock-API chunk, for `?scenario=` on mock builds,
 * but a server-rendered page's first load has none of it, nor zod, workbox-window or persistence.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REFERENCE_SLUG } from '../renderApp';
import { DEFAULT_ROOT, PROJECT_ROOT } from '../server/server.ts';
import {
  browserForFile,
  openPage,
  poll,
  productionServerForFile,
  waitForSettled,
  waitUntilAppIdle,
} from './browser.ts';

/** Strings that survive minification in the devtools packages and in our panel. */
const DEVTOOLS_MARKERS = [
  'ReactQueryDevtools',
  'TanstackQueryDevtools',
  'tanstack query devtools', // aria labels in @tanstack/query-devtools (compared lower-case)
  'tsqd-', // the devtools' CSS class prefix
  'queryFlavor',
];
const PANEL_MARKERS = ['dev-scenario-panel', 'Mock API scenario', 'Endpoint that fails'];

/** Scripts by their paths under dist/ (e.g. /assets/boot-….js), with their text. */
const readScripts = (names: string[]) =>
  Promise.all(names.map(async (name) => ({ name, text: await readFile(path.join(DEFAULT_ROOT, name), 'utf8') })));

async function builtScripts(): Promise<{ name: string; text: string }[]> {
  const names = (await readdir(path.join(DEFAULT_ROOT, 'assets'))).filter((name) => name.endsWith('.js'));
  return readScripts(names.map((name) => `/assets/${name}`));
}

function findMarkers(scripts: { name: string; text: string }[], markers: string[]): string[] {
  return scripts.flatMap(({ name, text }) =>
    markers.filter((marker) => text.toLowerCase().includes(marker.toLowerCase())).map((m) => `${name}: ${m}`),
  );
}

describe('production bundle', () => {
  it('markers are real: the sources and the devtools package contain them', async () => {
    const panel = await readFile(path.join(PROJECT_ROOT, 'src/features/devtools/ScenarioPanel.tsx'), 'utf8');
    for (const marker of PANEL_MARKERS) expect(panel).toContain(marker);
    const devtoolsBuild = path.join(PROJECT_ROOT, 'node_modules/@tanstack/query-devtools/build');
    const files = (await readdir(devtoolsBuild)).filter((name) => /^Devtools-.*\.js$/.test(name));
    const texts = await Promise.all(files.map((name) => readFile(path.join(devtoolsBuild, name), 'utf8')));
    expect(
      findMarkers([{ name: 'query-devtools', text: texts.join('\n') }], ['tanstack query devtools', 'tsqd-']),
    ).toHaveLength(2);
  });

  it('has no TanStack Query Devtools and no scenario panel in any script', async () => {
    const scripts = await builtScripts();
    expect(scripts.length).toBeGreaterThan(0);
    expect(findMarkers(scripts, [...DEVTOOLS_MARKERS, ...PANEL_MARKERS])).toEqual([]);
  });

  it('still ships the mock scenarios for mock-mode builds', async () => {
    const scripts = await builtScripts();
    expect(findMarkers(scripts, ['malformed-feed-item'])).toHaveLength(1);
  });
});

describe('built index.html (nothing from the network runs before the first paint)', () => {
  it('names the entry in <meta name="app-entry"> and inlines the theme script, allowed by its hash', async () => {
    const { createHash } = await import('node:crypto');
    const { CONTENT_SECURITY_POLICY } = await import('../server/csp.ts');
    const html = await readFile(path.join(DEFAULT_ROOT, 'index.html'), 'utf8');
    // The one script file is the theme script's deferred copy, for a CSP that blocks the inline one.
    expect([...html.matchAll(/<script[^>]+src=[^>]*>/g)].map((match) => match[0])).toEqual([
      '<script src="/theme-init.js" defer>',
    ]);
    const entry = /<meta name="app-entry" content="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toMatch(/^\/assets\/index-/);
    await expect(readFile(path.join(DEFAULT_ROOT, entry!), 'utf8')).resolves.toContain('import');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]!).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${hash}'`);
  });
});

describe('first load of a server-rendered article', () => {
  const chromium = browserForFile();
  const production = productionServerForFile();

  it('loads only the part of zod the schemas use: its chunk stays under 12 KB gzip', async () => {
    const zodChunks = (await builtScripts()).filter(({ text }) => text.includes('$ZodType'));
    expect(zodChunks.map(({ name }) => name)).toHaveLength(1);
    // A whole `z` namespace in a lazy chunk is not tree-shaken: 82 KB gzip with every locale.
    expect(gzipSync(zodChunks[0]!.text).length).toBeLessThan(12_000);
  });

  it('fetches no zod, mock API, workbox-window, persistence or config.json before idle', async () => {
    const opened = await openPage(chromium.browser, production.url);
    try {
      // Nothing waiting for idle runs: what is fetched is what the page needs to start.
      await opened.page.addInitScript(() => (window.requestIdleCallback = () => 0));
      const names: string[] = [];
      const requested: string[] = [];
      opened.page.on('request', (request) => {
        requested.push(new URL(request.url()).pathname);
        if (request.resourceType() === 'script') names.push(new URL(request.url()).pathname);
      });
      await opened.page.goto(`/article/${REFERENCE_SLUG}`);
      // The entry loads after the first paint: wait for React to take the page over, then for the rest.
      await poll(() =>
        opened.page.evaluate(() =>
          Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
        ),
      ).toBe(true);
      await waitForSettled(opened.page);
      const scripts = await readScripts(names);
      expect(scripts.length).toBeGreaterThan(2);
      // Nor the persisted query cache (QUERY_CACHE_DB): the server's data is newer.
      expect(findMarkers(scripts, ['$ZodType', 'malformed-feed-item', 'Workbox', 'devdiscourse-query-cache'])).toEqual(
        [],
      );
      // The page's state script carries the settings.
      expect(requested).toContain(`/article/${REFERENCE_SLUG}`);
      expect(requested).not.toContain('/config.json');
    } finally {
      await opened.close();
    }
  });

  it("loads the footer forms' code once the reader scrolls near them, not at idle; then they work", async () => {
    const opened = await openPage(chromium.browser, production.url);
    try {
      const { page } = opened;
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      const formsLoaded = async () => findMarkers(await readScripts(scripts), ['Check your inbox']).length;
      await page.goto(`/article/${REFERENCE_SLUG}`);
      await waitUntilAppIdle(page);
      expect(
        scripts.some((name) => name.includes('/Footer-')),
        'the idle parts loaded',
      ).toBe(true);
      expect(await formsLoaded()).toBe(0);

      await page.getByRole('heading', { name: 'Subscribe to our Newsletter' }).scrollIntoViewIfNeeded();
      await poll(formsLoaded, 'the forms chunk').toBe(1);
      await waitUntilAppIdle(page);
      await page.getByRole('textbox', { name: 'Email address' }).fill('reader@example.com');
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await page.getByRole('status').filter({ hasText: 'Thanks! Check your inbox' }).waitFor();
      await opened.expectNoProblems();
    } finally {
      await opened.close();
    }
  });
});
