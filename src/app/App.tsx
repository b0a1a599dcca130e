import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { StoryCardActions } from '../features/feeds';
import { ConnectionNotice, UpdatePrompt } from '../features/offline';
import { SaveButton } from '../features/reading-list';
import type { StoryCard } from '../lib/api/schemas';
import type { AppRouter } from './router';

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

/** False until the router has loaded its first page (route code and loaders). */
function useFirstPageShown(router: AppRouter): boolean {
  const [shown, setShown] = useState(router.state.initialized);
  useEffect(() => {
    if (shown) return;
    if (router.state.initialized) return startTransition(() => setShown(true));
    // In a transition too, so it joins the router's own first-page update.
    return router.subscribe((state) => {
      if (state.initialized) startTransition(() => setShown(true));
    });
  }, [router, shown]);
  return shown;
}

export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  const firstPageShown = useFirstPageShown(router);
  return (
    <QueryClientProvider client={queryClient}>
      <StoryCardActions value={renderCardActions}>
        {/* The first page renders as a transition: in 5 ms slices, so the main thread never
            blocks for long while the app starts (issue 5: TBT). After that, no transitions:
            with the data already cached (prefetched on hover/focus), the next page commits
            in the click's task and paints in the next frame, instead of a time-sliced render
            that yields to everything else (issue 5: <100 ms). */}
        <RouterProvider router={router} useTransitions={firstPageShown ? false : undefined} />
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
