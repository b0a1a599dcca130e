import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { StoryCardActions } from '../features/feeds';
import { ConnectionNotice, UpdatePrompt } from '../features/offline';
import { SaveButton } from '../features/reading-list';
import type { StoryCard } from '../lib/api/schemas';
import { createRoutes } from './routes';

/** Every story card gets a Save button (the feeds feature knows nothing of the reading list). */
const renderCardActions = (story: StoryCard) => <SaveButton story={story} />;

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
      <StoryCardActions value={renderCardActions}>
        <RouterProvider router={router} />
      </StoryCardActions>
      <ConnectionNotice />
      <UpdatePrompt />
      {DevTools && (
        <Suspense fallback={null}>
          <DevTools />
        </Suspense>
      )}
    </QueryClientProvider>
  );
}
