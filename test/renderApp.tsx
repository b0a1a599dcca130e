import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { App } from '../src/app/App';
import { createQueryClient } from '../src/app/queryClient';
import { AppRoutes } from '../src/app/routes';

/** Renders the production <App> at `path`, with a fresh cache and fast retries. */
export function renderApp(path = '/') {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  // A memory router holds the history (tests read and drive it); the app's own routes render inside.
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], { initialEntries: [path] });
  const user = userEvent.setup();
  const result = render(
    <App queryClient={queryClient} origin={window.location.origin} router={<RouterProvider router={router} />} />,
  );
  return { ...result, router, queryClient, user };
}

export const REFERENCE_SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
