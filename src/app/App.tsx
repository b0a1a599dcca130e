import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createRoutes } from './routes';

/**
 * Query devtools and the mock scenario panel: development builds only, never in production.
 * (MODE too: `vite build` under NODE_ENV=test, as in Vitest, makes DEV true even in production mode.)
 */
const DevTools =
  import.meta.env.DEV && import.meta.env.MODE !== 'production'
    ? lazy(() => import('../features/devtools/DevTools'))
    : null;

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(createRoutes(queryClient)));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      {DevTools && (
        <Suspense fallback={null}>
          <DevTools />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
