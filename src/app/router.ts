import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { createRoutes } from './routes';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * The app's router. Created before the first render, in a task of its own: it matches
 * the URL and runs the first page's loaders at once, and inside a component that work
 * would sit in one unbroken slice of the first render (issue 5: TBT).
 */
export function createAppRouter(queryClient: QueryClient): AppRouter {
  // The first page's loaders run inside createBrowserRouter, before it returns.
  let router: AppRouter | undefined = undefined;
  router = createBrowserRouter(createRoutes(queryClient, () => !router?.state.initialized));
  return router;
}
