import { startEarlyGet } from '../../lib/api/earlyRequests';
import { buildUrl } from '../../lib/api/transport';
import { getConfig, loadStartupConfig } from '../../lib/config';
import { articleLayout } from './articleLayout';

/**
 * The headline and summary of an article URL, on screen before the app's code has
 * arrived (issue 5: the summary is the page's largest paint). src/main.tsx calls this
 * first thing: it asks the API for the story (the app takes that response over, see
 * earlyRequests.ts) and writes the kicker, headline and summary into the static shell
 * as plain text, with the classes the article page uses, so nothing moves when React
 * replaces them. Anything unexpected (mock mode, an error, odd JSON) paints nothing:
 * the app reports it properly moments later.
 */
export async function paintArticleEarly(): Promise<void> {
  const slug = articleSlug(location.pathname);
  const main = document.querySelector('#app-shell main');
  if (slug === null || !main) return;
  try {
    await loadStartupConfig();
    // The built-in mock API lives in the app's code; only a real API can answer this early.
    if (getConfig().apiBaseUrl === null) return;
    const response = await startEarlyGet(buildUrl(`/stories/${encodeURIComponent(slug)}`));
    if (!response.ok) return;
    const lines = articleLines(await response.clone().json());
    if (!lines) return;
    main.replaceChildren(articleShell(lines));
    await nextPaint();
  } catch {
    // Nothing painted early; the app shows the story or the error.
  }
}

function articleSlug(pathname: string): string | null {
  const match = /^\/article\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

interface ArticleLines {
  kicker: string;
  headline: string;
  summary: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const termName = (value: unknown): string | null =>
  typeof value === 'object' && value !== null ? text((value as { name?: unknown }).name) : null;

/** Only what is plainly there; the app's schema decides about everything else. */
function articleLines(json: unknown): ArticleLines | null {
  if (typeof json !== 'object' || json === null) return null;
  const story = json as Record<string, unknown>;
  const headline = text(story.headline);
  const edition = termName(story.edition);
  if (!headline || !edition) return null;
  const sector = termName(story.sector);
  return { kicker: sector ? `${sector} · ${edition}` : edition, headline, summary: text(story.summary) };
}

function element(tag: string, className: string, content?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** The article page's grid and first lines, then a skeleton for the rest. */
function articleShell({ kicker, headline, summary }: ArticleLines): HTMLElement {
  const grid = element('div', articleLayout.grid);
  const column = grid.appendChild(element('div', articleLayout.column));
  const header = column.appendChild(element('div', ''));
  header.append(element('p', articleLayout.kicker, kicker), element('p', articleLayout.headline, headline));
  if (summary) header.append(element('p', articleLayout.summary, summary));
  const rest = column.appendChild(element('div', 'mt-4 space-y-3'));
  rest.setAttribute('aria-hidden', 'true');
  rest.append(
    element('div', 'h-5 w-2/3 rounded bg-slate-200 dark:bg-slate-700'),
    element('div', 'mt-6 aspect-video w-full rounded bg-slate-200 dark:bg-slate-700'),
  );
  return grid;
}

/** How long to wait at most for the browser to report the early paint. */
const PAINT_REPORT_WAIT_MS = 300;

/**
 * Resolves once the browser reports the summary as the page's largest paint (or
 * after PAINT_REPORT_WAIT_MS): only then does the app's code start to download, so
 * it does not compete with the text for the network.
 */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const since = performance.now();
    let observer: PerformanceObserver | null = null;
    const done = () => {
      observer?.disconnect();
      resolve();
    };
    if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.startTime >= since)) done();
      });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
    }
    setTimeout(done, PAINT_REPORT_WAIT_MS);
  });
}
