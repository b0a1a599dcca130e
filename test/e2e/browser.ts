/**
 * Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (no
 * browser downloads), one browser per test file, a fresh context per test, and a
 * record of everything that should never happen: console errors, uncaught page
 * errors and Content-Security-Policy violations.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { startProductionServer, type ProductionServer } from '../server/productionServer.ts';
import { startServer, type ServerOptions, type TestServer } from '../server/server.ts';

/** How long a single wait for the page may take before the test fails with a clear message. */
export const ACTION_TIMEOUT_MS = 10_000;
export const NAVIGATION_TIMEOUT_MS = 15_000;

/** A headless Chromium; playwright gives every non-persistent context a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface CspViolation {
  violatedDirective: string;
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
  documentURI: string;
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: CspViolation[];
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
    __reportCspViolation?: (violation: CspViolation) => Promise<void>;
    __marker?: number;
  }
}

/**
 * Runs in every document before the app: keeps CSP violations on `window` (for
 * debugging in the page) and reports each to the test at once, so violations on a
 * page that has since navigated away are not lost.
 */
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const violation = {
        violatedDirective: event.violatedDirective,
        effectiveDirective: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        lineNumber: event.lineNumber,
        sample: event.sample,
        documentURI: event.documentURI,
      };
      window.__cspViolations?.push(violation);
      void window.__reportCspViolation?.(violation);
    },
    true,
  );
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Everything recorded so far (CSP violations also read back from the current document). */
  problems(): Promise<PageProblems>;
  /** Fails the test, listing every problem, unless there were none. */
  expectNoProblems(): Promise<void>;
  close(): Promise<void>;
}

function violationKey(violation: CspViolation): string {
  return JSON.stringify(violation);
}

/** A fresh context and page on `baseURL`, recording console errors, page errors and CSP violations. */
export async function openPage(browser: Browser, baseURL: string): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL, reducedMotion: 'reduce' });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);

  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations = new Map<string, CspViolation>();

  await context.exposeFunction('__reportCspViolation', (violation: CspViolation) => {
    cspViolations.set(violationKey(violation), violation);
  });
  await context.addInitScript(recordCspViolations);

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(`${message.text()}${url ? ` (at ${url}:${lineNumber})` : ''} [page ${page.url()}]`);
  });
  page.on('pageerror', (error) => {
    pageErrors.push(`${error.name}: ${error.message} [page ${page.url()}]`);
  });

  async function problems(): Promise<PageProblems> {
    if (!page.isClosed()) {
      const inPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      for (const violation of inPage) cspViolations.set(violationKey(violation), violation);
    }
    return {
      consoleErrors: [...consoleErrors],
      pageErrors: [...pageErrors],
      cspViolations: [...cspViolations.values()],
    };
  }

  return {
    context,
    page,
    problems,
    async expectNoProblems() {
      expect(await problems(), 'console errors, page errors or CSP violations').toEqual({
        consoleErrors: [],
        pageErrors: [],
        cspViolations: [],
      });
    },
    close: () => context.close(),
  };
}

/** One Chromium for the whole test file. */
export function browserForFile(): { readonly browser: Browser } {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is not running (use it inside a test)');
      return browser;
    },
  };
}

/** The test server (serving dist/) for the whole test file. */
export function serverForFile(options: ServerOptions = {}): { readonly server: TestServer; readonly url: string } {
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  const current = () => {
    if (!server) throw new Error('The test server is not running (use it inside a test)');
    return server;
  };
  return {
    get server() {
      return current();
    },
    get url() {
      return current().url;
    },
  };
}

/** The production server (`npm start`, built mock data) for the whole test file. */
export function productionServerForFile(env: Record<string, string> = {}): { readonly url: string } {
  let server: ProductionServer | null = null;
  beforeAll(async () => {
    server = await startProductionServer(env);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('The production server is not running (use it inside a test)');
      return server.url;
    },
  };
}

/** `expect.poll` with the page-wait timeout (vitest's default of 1 s is too short for a cold page). */
export function poll<T>(fn: () => T | Promise<T>, message?: string) {
  return expect.poll(fn, { timeout: ACTION_TIMEOUT_MS, interval: 50, message });
}

/** Waits until nothing on the page is loading: no busy regions, every eager image settled. */
export async function waitForSettled(page: Page): Promise<void> {
  await poll(() => page.locator('[aria-busy="true"]').count(), 'loading regions on the page').toBe(0);
  await poll(
    () =>
      page.evaluate(() =>
        [...document.images].filter((image) => image.loading !== 'lazy').every((image) => image.complete),
      ),
    'eager images still loading',
  ).toBe(true);
}

/**
 * Every layout shift the page has had since it started loading (not those right after
 * input, which CLS leaves out too): their sum, and what moved where, for the message.
 */
export async function layoutShifts(page: Page): Promise<{ total: number; shifts: string[] }> {
  const entries = await page.evaluate(
    () =>
      new Promise<{ value: number; where: string }[]>((resolve) => {
        const found: { value: number; where: string }[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          }[]) {
            if (entry.hadRecentInput) continue;
            const where = entry.sources.map(
              (source) =>
                `${(source.node as Element | undefined)?.outerHTML?.slice(0, 100) ?? '?'} ${source.previousRect.y}->${source.currentRect.y}`,
            );
            found.push({ value: entry.value, where: where.join('; ') });
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(found), 200);
      }),
  );
  return {
    total: entries.reduce((sum, entry) => sum + entry.value, 0),
    shifts: entries.map((entry) => `${entry.value.toFixed(4)}: ${entry.where}`),
  };
}

/**
 * Records the article body's text length at every animation frame from the page's first
 * frame, so a test can see text that drops out and comes back while the app starts (a
 * frame is what the reader sees; changes within one task are invisible). Call before goto.
 */
export async function recordBodyTextPerFrame(page: Page, selector = 'article .article-text'): Promise<void> {
  await page.addInitScript((bodySelector: string) => {
    const samples: number[] = [];
    (window as unknown as { __bodyText: number[] }).__bodyText = samples;
    const sample = () => {
      samples.push(document.querySelector(bodySelector)?.textContent?.length ?? 0);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, selector);
}

/** The frames in which the body held less text than it had shown before: each a blink the reader saw. */
export async function bodyTextDrops(page: Page): Promise<{ frames: number; drops: string[] }> {
  const samples = await page.evaluate(() => (window as unknown as { __bodyText: number[] }).__bodyText);
  const drops: string[] = [];
  let shown = 0;
  samples.forEach((length, frame) => {
    if (length < shown) drops.push(`frame ${frame}: ${length} characters after ${shown}`);
    shown = Math.max(shown, length);
  });
  return { frames: samples.length, drops };
}

/** Waits until a service worker controls the page (installing precaches about 1 MB: room for a busy machine). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), {
      timeout: 20_000,
      interval: 50,
      message: 'the service worker controls the page',
    })
    .toBe('activated');
}

/** Idle: React has taken the page over, nothing is loading, and the main thread has rested twice. */
export async function waitUntilAppIdle(page: Page): Promise<void> {
  await poll(() =>
    page.evaluate(() =>
      Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer')),
    ),
  ).toBe(true);
  await page.waitForLoadState('networkidle');
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  }
}
