import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { SECTOR_BLOCK_LIMIT } from '../src/features/home/SectorBlocks';
import { server } from './mswServer';
import { renderApp } from './renderApp';

/** A stand-in IntersectionObserver the test drives: `reveal(el)` says el came near the viewport. */
class FakeObserver {
  static all: FakeObserver[] = [];
  elements = new Set<Element>();
  constructor(private callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.elements.add(element);
  }
  unobserve(element: Element) {
    this.elements.delete(element);
  }
  disconnect() {
    this.elements.clear();
  }
  takeRecords() {
    return [];
  }
}

function reveal(element: Element) {
  for (const observer of FakeObserver.all.filter((o) => o.elements.has(element))) {
    const entry = { target: element, isIntersecting: true } as unknown as IntersectionObserverEntry;
    act(() => observer['callback']([entry], observer as unknown as IntersectionObserver));
  }
}

const placeholder = (slug: string) => document.querySelector(`[data-sector-placeholder="${slug}"]`);

let sectorRequests: string[];
beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  sectorRequests = [];
  server.events.on('request:start', ({ request }) => {
    const sector = new URL(request.url).searchParams.get('sector');
    if (sector) sectorRequests.push(sector);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  server.events.removeAllListeners();
});

const sectorsWithStories = () =>
  db.taxonomy().sectors.filter((sector) => db.listStories({ feed: 'latest', sector: sector.slug }).length > 0);

describe('sector blocks on the home page', () => {
  it('holds a reserved, empty box per sector and fetches nothing until one comes near', async () => {
    renderApp('/');
    await screen.findByRole('list', { name: 'Latest News' });
    const sectors = db.taxonomy().sectors;
    await waitFor(() => expect(placeholder(sectors[0]!.slug)).not.toBeNull());
    for (const sector of sectors) {
      expect(placeholder(sector.slug)).toHaveAttribute('aria-hidden', 'true');
      expect(placeholder(sector.slug)?.className).toMatch(/min-h-/);
    }
    expect(screen.queryByRole('region', { name: sectors[0]!.name })).not.toBeInTheDocument();
    expect(sectorRequests).toEqual([]);
  });

  it('shows a sector block as it comes near: heading, lead with picture, headlines, More link', async () => {
    const { user, router } = renderApp('/');
    const sector = sectorsWithStories()[0]!;
    const expected = mergeVersions(
      db.listStories({ feed: 'latest', sector: sector.slug }).slice(0, SECTOR_BLOCK_LIMIT),
    );
    await waitFor(() => expect(placeholder(sector.slug)).not.toBeNull());
    reveal(placeholder(sector.slug)!);

    const block = await screen.findByRole('region', { name: sector.name });
    expect(within(block).getByRole('heading', { level: 2, name: sector.name })).toBeInTheDocument();
    await within(block).findByRole('link', { name: expected[0]!.headline });
    expect(
      within(block)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(expected.map((story) => story.headline));
    expect(block.querySelector('img')).toHaveAttribute('loading', 'lazy');
    expect(sectorRequests).toEqual([sector.slug]);

    await user.click(within(block).getByRole('link', { name: `More ${sector.name}` }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sector/${sector.slug}`));
  });

  it('leaves out a sector with no stories', async () => {
    const sector = db.taxonomy().sectors[0]!;
    server.use(
      http.get('*/stories', ({ request }) =>
        new URL(request.url).searchParams.get('sector') === sector.slug
          ? HttpResponse.json({ items: [], nextCursor: null })
          : undefined,
      ),
    );
    renderApp('/');
    await waitFor(() => expect(placeholder(sector.slug)).not.toBeNull());
    reveal(placeholder(sector.slug)!);
    await waitFor(() => expect(sectorRequests).toContain(sector.slug));
    await waitFor(() => expect(placeholder(sector.slug)).toBeNull());
    expect(screen.queryByRole('region', { name: sector.name })).not.toBeInTheDocument();
  });

  it("keeps a block's failure inside the block, with a retry", async () => {
    const [broken, working] = sectorsWithStories();
    server.use(
      http.get('*/stories', ({ request }) =>
        new URL(request.url).searchParams.get('sector') === broken!.slug
          ? HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 500 })
          : undefined,
      ),
    );
    const { user } = renderApp('/');
    await waitFor(() => expect(placeholder(working!.slug)).not.toBeNull());
    reveal(placeholder(broken!.slug)!);
    reveal(placeholder(working!.slug)!);
    const brokenBlock = await screen.findByRole('region', { name: broken!.name });
    expect(await within(brokenBlock).findByRole('alert')).toHaveTextContent(`Could not load ${broken!.name} stories`);
    const workingBlock = screen.getByRole('region', { name: working!.name });
    expect(await within(workingBlock).findByRole('link', { name: `More ${working!.name}` })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Latest News' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(brokenBlock).getByRole('button', { name: 'Try again' }));
    expect(await within(brokenBlock).findByRole('link', { name: `More ${broken!.name}` })).toBeInTheDocument();
  });
});

describe('sector blocks without IntersectionObserver', () => {
  it('are left out rather than all fetched at once', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    renderApp('/');
    await screen.findByRole('list', { name: 'Latest News' });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Trending' })).toBeInTheDocument());
    await waitFor(() => expect(document.querySelector('[data-sector-placeholder]')).toBeNull());
    expect(sectorRequests).toEqual([]);
  });
});
