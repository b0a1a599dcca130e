import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useEffect, useState } from 'react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { db } from '../mocks/fixtures';
import { createQueryClient } from '../src/app/queryClient';
import { Layout } from '../src/features/site/Layout';
import { setConfig } from '../src/lib/config';
import { useDocumentMeta } from '../src/lib/head';
import { server } from './mswServer';
import { renderApp } from './renderApp';

const MISSING = '/no-such-page';

async function renderNotFound(path = MISSING) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Page not found' });
  return app;
}

function failTaxonomy() {
  server.use(
    http.get('*/taxonomy', () =>
      HttpResponse.json({ error: { code: 'server_error', message: 'Down for maintenance' } }, { status: 500 }),
    ),
  );
}

let scrollTo: MockInstance<typeof window.scrollTo>;
beforeEach(() => {
  // jsdom does not implement scrolling; <ScrollRestoration> and RouteFocus call it.
  scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
});

describe('layout landmarks', () => {
  it('has a banner, navigation, main and contentinfo', async () => {
    await renderNotFound();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Primary' })).toBeInTheDocument();
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('id', 'main');
    expect(within(main).getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    // The footer renders just after the page (its own commit).
    expect(await screen.findByRole('contentinfo')).toBeInTheDocument();
  });

  it('primary navigation links to the main sections and marks the current one', async () => {
    const { user } = await renderNotFound();
    const nav = screen.getByRole('navigation', { name: 'Primary' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Latest', '/latest'],
      ['Trending', '/trending'],
      ['Opinion', '/opinion'],
      ['DevShots', '/devshots'],
      ['Saved', '/saved'],
    ]);
    await user.click(within(nav).getByRole('link', { name: 'Trending' }));
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: 'Trending' })).toHaveAttribute('aria-current', 'page'),
    );
  });

  it('the skip link is the first focusable element and moves focus to main', async () => {
    const { user, router } = await renderNotFound();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', '#main');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(router.state.location.pathname).toBe(MISSING);
  });

  it("shows today's date in the house time zone", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 20:00 UTC on Wednesday is already 01:30 on Thursday in Kolkata.
    vi.setSystemTime(new Date('2026-02-11T20:00:00Z'));
    setConfig({ houseTimeZone: 'Asia/Kolkata' });
    await renderNotFound();
    const date = within(screen.getByRole('banner')).getByText('Thursday, 12 February 2026');
    expect(date.tagName).toBe('TIME');
    expect(date).toHaveAttribute('datetime', '2026-02-12');
  });

  it('the site name links home', async () => {
    const { user, router } = await renderNotFound();
    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'Devdiscourse Reader' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});

describe('left menu', () => {
  it('lists the sectors and editions of the taxonomy, linking to their pages', async () => {
    const { sectors, editions } = db.taxonomy();
    expect(sectors.length).toBeGreaterThan(0);
    expect(editions.length).toBeGreaterThan(0);
    const { user, router } = await renderNotFound();
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    const sectorList = await within(nav).findByRole('list', { name: 'Sectors' });
    expect(
      within(sectorList)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(sectors.map((sector) => `/sector/${sector.slug}`));
    expect(
      within(sectorList)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(sectors.map((sector) => sector.name));
    const editionList = within(nav).getByRole('list', { name: 'Editions' });
    expect(
      within(editionList)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(editions.map((edition) => `/edition/${edition.slug}`));

    const first = sectors[0]!;
    await user.click(within(sectorList).getByRole('link', { name: first.name }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sector/${first.slug}`));
  });

  it('shows an error with a retry in the menu when the taxonomy fails, and recovers', async () => {
    failTaxonomy();
    const { user } = await renderNotFound();
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    const retry = await within(nav).findByRole('button', { name: 'Try again' });
    expect(within(nav).getByRole('alert')).toHaveTextContent('Could not load the sections');

    server.resetHandlers();
    await user.click(retry);
    const first = db.taxonomy().sectors[0]!;
    expect(await within(nav).findByRole('link', { name: first.name })).toBeInTheDocument();
  });
});

describe('menu drawer', () => {
  async function openDrawer() {
    const app = await renderNotFound();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Menu' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', dialog.id);
    return { ...app, button, dialog };
  }

  it('holds no sections while closed (a smaller first commit) and lists sectors and editions when open', async () => {
    const { user } = await renderNotFound();
    const sector = db.taxonomy().sectors[0]!;
    // The left column's sections; the closed drawer adds no second, hidden copy.
    const column = await screen.findByRole('navigation', { name: 'Sections' });
    expect(await within(column).findByRole('link', { name: sector.name })).toBeInTheDocument();
    expect(screen.getAllByRole('navigation', { name: 'Sections', hidden: true })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    const dialog = screen.getByRole('dialog', { name: 'Menu' });
    expect(await within(dialog).findByRole('link', { name: sector.name })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: db.taxonomy().editions[0]!.name })).toBeInTheDocument();
  });

  it('opens with focus inside; Escape closes it and focus returns to the Menu button', async () => {
    const { user, button, dialog } = await openDrawer();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens as a native modal dialog, so the browser keeps Tab inside and the page behind inert', async () => {
    // jsdom has no showModal (the drawer falls back to the open attribute): a stand-in records the call.
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    });
    Object.defineProperty(HTMLDialogElement.prototype, 'showModal', { value: showModal, configurable: true });
    try {
      const { dialog } = await openDrawer();
      expect(showModal.mock.contexts).toEqual([dialog]);
      expect(within(dialog).getByRole('button', { name: 'Close menu' })).toHaveFocus();
      expect(screen.getByRole('banner').closest('[inert]')).not.toBeNull();
    } finally {
      delete (HTMLDialogElement.prototype as { showModal?: unknown }).showModal;
    }
  });

  it('Escape in its Theme panel closes the panel, not the drawer', async () => {
    const { user, dialog } = await openDrawer();
    const theme = within(dialog).getByRole('button', { name: /^Theme/ });
    await user.click(theme);
    expect(within(dialog).getByRole('group', { name: 'Theme' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(theme).toHaveAttribute('aria-expanded', 'false');
    expect(theme).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("holds today's date and the theme control", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-11T20:00:00Z'));
    setConfig({ houseTimeZone: 'Asia/Kolkata' });
    const { dialog } = await openDrawer();
    expect(within(dialog).getByText('Thursday, 12 February 2026').tagName).toBe('TIME');
    expect(within(dialog).getByRole('button', { name: 'Theme: System' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a link click (navigating) and on a backdrop click', async () => {
    const { user, router, dialog, button } = await openDrawer();
    const edition = db.taxonomy().editions[0]!;
    await user.click(await within(dialog).findByRole('link', { name: edition.name }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/edition/${edition.slug}`));

    await user.click(button);
    expect(screen.getByRole('dialog', { name: 'Menu' })).toBeInTheDocument();
    await user.click(dialog); // the backdrop: the dialog itself, outside its panel
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});

describe('phone header search button', () => {
  it('folds the search field out, focused, and away again on Escape, focus back on the button', async () => {
    const { user } = await renderNotFound();
    const banner = screen.getByRole('banner');
    const toggle = within(banner).getByRole('button', { name: 'Open search' });
    const form = within(banner).getByRole('search', { name: 'Site' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', form.id);
    // Folded away below lg by a class (jsdom has no media queries; the e2e test sees it).
    expect(form.closest('.max-lg\\:hidden')).not.toBeNull();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(form.closest('.max-lg\\:hidden')).toBeNull();
    const field = within(form).getByRole('searchbox', { name: 'Search stories' });
    expect(field).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('folds away after a search', async () => {
    const { user, router } = await renderNotFound();
    const toggle = screen.getByRole('button', { name: 'Open search' });
    await user.click(toggle);
    await user.keyboard('solar{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    // On the search page the header has neither the field nor its button.
    expect(screen.queryByRole('button', { name: 'Open search' })).not.toBeInTheDocument();
    await act(() => router.navigate('/no-such-page'));
    expect(screen.getByRole('button', { name: 'Open search' })).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('site search', () => {
  it('navigates to /search?q=… and focuses the new page heading', async () => {
    const { user, router } = await renderNotFound();
    const search = screen.getByRole('search', { name: 'Site' });
    await user.type(within(search).getByLabelText('Search stories'), 'climate finance');
    await user.click(within(search).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('climate finance');
    await waitFor(() => expect(within(screen.getByRole('main')).getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('steps aside on the search page, which has its own search form', async () => {
    renderApp('/search');
    await screen.findByRole('heading', { level: 1 });
    expect(within(screen.getByRole('banner')).queryByRole('search')).not.toBeInTheDocument();
    expect(screen.getAllByRole('searchbox', { name: 'Search stories' })).toHaveLength(1);
  });
});

describe('route focus', () => {
  it('does not move focus on the first load', async () => {
    const setTimeoutSpy = vi.spyOn(window, 'setTimeout');
    await renderNotFound();
    // A late focus move would need RouteFocus to watch for a heading, with its deadline timer.
    expect(setTimeoutSpy.mock.calls.map(([, ms]) => ms)).not.toContain(3000);
    expect(document.body).toHaveFocus();
  });

  it('moves focus to the h1 and announces the title after a navigation', async () => {
    const { user, router } = await renderNotFound();
    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: 'About' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/about'));
    const heading = screen.getByRole('heading', { level: 1, name: 'Page not found' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAttribute('tabindex', '-1');
    expect(await screen.findByText('Page not found | Devdiscourse Reader')).toBeInTheDocument();
  });
});

/** A page whose h1 only appears after a while, as when its data loads. */
function SlowPage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(timer);
  }, []);
  useDocumentMeta(ready ? 'Slow story' : 'Loading');
  return ready ? <h1>Slow story</h1> : <p>Loading…</p>;
}

/** A page that shows a placeholder h1 first, then replaces it with the real one. */
function SwappingPage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 100);
    return () => clearTimeout(timer);
  }, []);
  return ready ? <h1 key="real">Real heading</h1> : <h1 key="placeholder">Loading…</h1>;
}

function renderInLayout() {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        Component: Layout,
        children: [
          { index: true, Component: () => <h1>Start</h1> },
          { path: 'slow', Component: SlowPage },
          { path: 'swapping', Component: SwappingPage },
          { path: 'no-heading', Component: () => <p>Nothing to see</p> },
        ],
      },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <QueryClientProvider client={createQueryClient({ retryBaseDelayMs: 1 })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('route focus with slow pages', () => {
  it('waits for an h1 that appears later, then focuses it and announces the title', async () => {
    const router = renderInLayout();
    await screen.findByRole('heading', { level: 1, name: 'Start' });
    await act(() => router.navigate('/slow'));
    expect(screen.getByRole('main')).toHaveTextContent('Loading…');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Slow story' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText('Slow story | Devdiscourse Reader')).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('follows a placeholder h1 that gets replaced', async () => {
    const router = renderInLayout();
    await screen.findByRole('heading', { level: 1, name: 'Start' });
    await act(() => router.navigate('/swapping'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Real heading' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('leaves focus alone when the reader moves it while the page loads', async () => {
    const router = renderInLayout();
    await screen.findByRole('heading', { level: 1, name: 'Start' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await act(() => router.navigate('/slow'));
    const input = screen.getByRole('searchbox', { name: 'Search stories' });
    act(() => input.focus());
    // The h1 appears, then the whole time RouteFocus watches passes.
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(screen.getByRole('heading', { level: 1, name: 'Slow story' })).toBeInTheDocument();
    expect(input).toHaveFocus();
  });
});

describe('connect band and footer', () => {
  it('social links open safely in a new tab', async () => {
    await renderNotFound();
    const band = screen.getByRole('region', { name: 'Stay in touch' });
    for (const name of ['LinkedIn', 'Quora', 'YouTube']) {
      const link = within(band).getByRole('link', { name: new RegExp(`^${name}`) });
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    expect(within(band).getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feeds');
  });

  it('the footer lists sectors, editions and the other links', async () => {
    await renderNotFound();
    const footer = screen.getByRole('contentinfo');
    const { sectors, editions } = db.taxonomy();
    const sectorList = await within(footer).findByRole('list', { name: 'Sectors' });
    expect(
      within(sectorList)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(sectors.map((sector) => `/sector/${sector.slug}`));
    const editionList = within(footer).getByRole('list', { name: 'Editions' });
    expect(
      within(editionList)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(editions.map((edition) => edition.name));
    const other = within(footer).getByRole('list', { name: 'Other links' });
    expect(
      within(other)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/about', '/disclaimer', '/terms', '/privacy']);
    expect(within(footer).getByText(/© Copyright \d{4}/)).toBeInTheDocument();
    expect(footer.querySelector('a[href="#"]')).toBeNull();
  });

  it('a taxonomy 500 does not break the page: main renders, the footer shows a notice', async () => {
    failTaxonomy();
    await renderNotFound();
    const footer = screen.getByRole('contentinfo');
    expect(await within(footer).findByText('Sectors and editions are unavailable right now.')).toBeInTheDocument();
    expect(within(footer).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Page not found');
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeInTheDocument();
  });
});
