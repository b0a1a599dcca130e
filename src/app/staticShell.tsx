import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { Route, Routes, StaticRouter } from 'react-router';
import { Layout } from '../features/site/Layout';
import { createQueryClient } from './queryClient';
import { PageLoading } from './routes';

/**
 * The static build's app shell, rendered at build time into dist/index.html's #root
 * (scripts/staticShell.ts): the site's layout with the page loading, painted before any
 * script runs; the app's first render replaces it. Inert, since nothing in it works yet;
 * its date is the build's, so hidden; the page area fills the screen, so the footer
 * does not show on the way.
 */
export function renderStaticShell(): string {
  const queryClient = createQueryClient();
  const html = renderToString(
    <div inert className="[&_time]:invisible">
      <QueryClientProvider client={queryClient}>
        {/* No section's address: no link is the current one. */}
        <StaticRouter location="/loading">
          <Routes>
            <Route element={<Layout />}>
              <Route
                path="*"
                element={
                  <div className="min-h-screen">
                    <PageLoading />
                  </div>
                }
              />
            </Route>
          </Routes>
        </StaticRouter>
      </QueryClientProvider>
    </div>,
  );
  queryClient.clear(); // its timers would keep the build running
  return html;
}
