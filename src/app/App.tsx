import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { StoryCardActions } from '../features/feeds';
import { ConnectionNotice, UpdatePrompt } from '../features/offline';
import { SaveButton } from '../features/reading-list';
import type { StoryCard } from '../lib/api/schemas';
import { createRoutes } from './routes';

/**
 * Query devtools and the mock scenario panel: development builds only, never in production.
 * (MODE too: `vite build` under NODE_ENV=test, as in Vitest, makes DEV true even in production mode.)
 */
const DevTools =
  import.meta.env.DEV && import.meta.env.MODE !== 'production'
    ? lazy(() => import('../features/devtools/DevTools'))
    : null;

/** Every story card gets a Save button (the feeds feature knows nothing of the reading list). */
const renderCardActions = (story: StoryCard) => <SaveButton story={story} />;

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(createRoutes(queryClient)));
  return (
    <QueryClientProvider client={queryClient}>
      <StoryCardActions value={renderCardActions}>
        {/* No transitions: with the data already cached (prefetched on hover/focus), the
            next page commits in the click's task and paints in the next frame, instead of
            a time-sliced render that yields to everything else (issue 5: <100 ms). */}
        <RouterProvider router={router} useTransitions={false} />
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
