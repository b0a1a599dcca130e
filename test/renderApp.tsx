import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../src/app/queryClient';
import { AppRoutes } from '../src/app/routes';
import { SiteOriginContext } from '../src/lib/head';

/** Renders the whole app at `path`, with a fresh cache and fast retries. */
export function renderApp(path = '/') {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  // A memory router holds the history (tests read and drive it); the app's own routes render inside.
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], { initialEntries: [path] });
  const user = userEvent.setup();
  const result = render(
    <SiteOriginContext value={window.location.origin}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </SiteOriginContext>,
  );
  return { ...result, router, queryClient, user };
}

export const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
