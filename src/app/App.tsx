import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, type ReactElement } from 'react';
import { BrowserRouter, StaticRouter } from 'react-router';
import { SiteOriginContext } from '../lib/head';
import { StoryCardActions } from '../features/feeds';
import { SaveButton } from '../features/reading-list';
import type { StoryCard } from '../lib/api/schemas';
import { AppRoutes } from './routes';
import { deferred } from '../components/Deferred';

const ConnectionNotice = deferred(() =>
  import('../features/offline/ConnectionNotice').then((module) => module.ConnectionNotice),
);
const UpdatePrompt = deferred(() => import('../features/offline/UpdatePrompt').then((module) => module.UpdatePrompt));

/**
 * Query devtools and the mock scenario panel: the dev server only, never in production or tests.
 * (MODE, not DEV: `vite build` under NODE_ENV=test, as in Vitest, makes DEV true even in production mode.)
 */
const DevTools = import.meta.env.MODE === 'development' ? lazy(() => import('../features/devtools/DevTools')) : null;

/** Every story card gets a Save button (the feeds feature knows nothing of the reading list). */
const renderCardActions = (story: StoryCard) => <SaveButton story={story} />;

export interface AppProps {
  queryClient: QueryClient;
  /** The site's public origin, for canonical and share URLs. */
  origin: string;
  /** The server renders the page at this URL (path and query); the browser's own address otherwise. */
  location?: string;
  /** A router of the caller's, rendering the app's routes (tests: a memory router they drive). */
  router?: ReactElement;
}

export function App({ queryClient, origin, location, router }: AppProps) {
  const routes = <AppRoutes />;
  return (
    <SiteOriginContext value={origin}>
      <QueryClientProvider client={queryClient}>
        <StoryCardActions value={renderCardActions}>
          {/* No transitions for navigations: with the data already cached (prefetched on
            hover/focus), the next page commits in the click's task and paints in the next
            frame, instead of a time-sliced render that yields to everything else (the next article
            shows in under 100 ms). The first render is a transition (boot.tsx). */}
          {router ??
            (location === undefined ? (
              <BrowserRouter useTransitions={false}>{routes}</BrowserRouter>
            ) : (
              <StaticRouter location={location}>{routes}</StaticRouter>
            ))}
        </StoryCardActions>
        <ConnectionNotice />
        <UpdatePrompt />
        {DevTools && (
          <Suspense fallback={null}>
            <DevTools />
          </Suspense>
        )}
      </QueryClientProvider>
    </SiteOriginContext>
  );
}
