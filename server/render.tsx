/**
 * Renders one page for its URL with the app's own components (src/app/App.tsx), the
 * way the browser will hydrate it: the same routes, the same queries and their data
 * fetched first, the head the page declared, the status its route's data implies.
 */
import { prerender } from 'react-dom/static';
import { App } from '../src/app/App';
import { preloadSanitizer } from '../src/features/article/SafeHtml';
import { createQueryClient } from '../src/app/queryClient';
import { loadRoute, matchPageRoute } from '../src/app/routes';
import { dehydrateQueries, type ServerState } from '../src/app/serverState';
import type { AppConfig } from '../src/lib/config';
import { HeadCollectorContext, type PageHead } from '../src/lib/head';

export interface RenderedPage {
  status: number;
  head: PageHead | null;
  /** The markup of #root. */
  html: string;
  state: ServerState;
}

export interface RenderOptions {
  /** The site's public origin, for canonical and share URLs. */
  origin: string;
  /** The browser's settings, handed to it in the page (no /config.json request). */
  config: Partial<AppConfig>;
  /** How long the page's data may take; past it the page renders what it has and answers 504. */
  dataWaitMs: number;
}

export async function renderPage(url: URL, options: RenderOptions): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  const { route } = matchPageRoute(url.pathname);
  const renderedAt = Date.now();
  const [, , status] = await Promise.all([
    preloadSanitizer(),
    route.page.preload(),
    loadRoute(queryClient, url, options.dataWaitMs),
  ]);
  let declared: PageHead | null = null;
  const collector = { declare: (head: PageHead) => (declared = head) };
  const { prelude } = await prerender(
    <HeadCollectorContext value={collector}>
      <App queryClient={queryClient} origin={options.origin} location={`${url.pathname}${url.search}`} />
    </HeadCollectorContext>,
    {
      // Never split a large Suspense boundary out of place: putting it back takes an
      // inline script, which the CSP does not allow.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      // A part that fails here is rendered in the browser instead (React's fallback); say why.
      onError: (error) => console.error('render error:', url.pathname, error),
    },
  );
  const html = await new Response(prelude).text();
  const state: ServerState = {
    origin: options.origin,
    config: options.config,
    renderedAt,
    queries: dehydrateQueries(queryClient),
  };
  queryClient.clear();
  return { status, head: declared, html, state };
}
