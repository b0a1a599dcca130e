import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, Route, Routes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../src/app/queryClient';
import { Layout } from '../src/features/site/Layout';
import { RouteErrorBoundary } from '../src/features/site/RouteErrorBoundary';
import { renderApp } from './renderApp';

// jsdom does not implement scrolling; <ScrollRestoration> calls it on navigation.
beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

describe('not-found page', () => {
  it('an unknown path says so, sets the title and offers a way home', async () => {
    const { user, router } = renderApp('/no-such-page');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(screen.getByRole('main')).toContainElement(heading);
    await waitFor(() => expect(document.title).toBe('Page not found | Devdiscourse Reader'));

    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Latest news' })).toHaveAttribute('href', '/latest');
    expect(within(main).getByRole('link', { name: 'Trending stories' })).toHaveAttribute('href', '/trending');

    await user.click(within(main).getByRole('link', { name: 'Go to the home page' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 1, name: 'Page not found' })).not.toBeInTheDocument(),
    );
  });

  it('nested unknown paths are not found either', async () => {
    renderApp('/article/a/b/c');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

function Boom(): never {
  throw new Error('kaboom: secret stack detail');
}

function renderBroken(insideLayout: boolean) {
  const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
  const guarded = (element: ReactNode) => <RouteErrorBoundary>{element}</RouteErrorBoundary>;
  const routes = insideLayout
    ? [{ path: '/', element: guarded(<Layout />), children: [{ index: true, element: guarded(<Boom />) }] }]
    : [{ path: '/', element: guarded(<Boom />) }];
  const router = createMemoryRouter(routes, { initialEntries: ['/'] });
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('route error boundary', () => {
  it('shows a calm message, a retry and a home link, never the error; logs it once', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderBroken(false);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' });
    expect(screen.getByRole('main')).toContainElement(heading);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    expect(document.body).not.toHaveTextContent('kaboom');
    const ours = consoleError.mock.calls.filter((call) => call[0] === 'Route error:');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.[1]).toBeInstanceOf(Error);
  });

  it('clears when the reader goes to another address', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
    const router = createMemoryRouter(
      [
        {
          path: '*',
          element: (
            <RouteErrorBoundary>
              <Routes>
                <Route path="/broken" element={<Boom />} />
                <Route path="/fine" element={<h1>A fine page</h1>} />
              </Routes>
            </RouteErrorBoundary>
          ),
        },
      ],
      { initialEntries: ['/broken'] },
    );
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' });
    await act(() => router.navigate('/fine'));
    expect(await screen.findByRole('heading', { level: 1, name: 'A fine page' })).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong on this page')).not.toBeInTheDocument();
  });

  it('inside the layout it replaces only the page: header and footer stay, one main', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderBroken(true);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Something went wrong on this page' });
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.getByRole('main')).toContainElement(heading);
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(await screen.findByRole('contentinfo')).toBeInTheDocument();
  });
});
