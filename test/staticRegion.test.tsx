import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HydrationDone, startHydration, StaticRegion } from '../src/components/StaticRegion';

const storyRendered = vi.fn();
function Story({ slug }: { slug: string }) {
  storyRendered();
  return <Link to={`/story/${slug}`}>Story {slug}</Link>;
}

function Page({ data }: { data: { slugs: string[] } }) {
  return (
    <MemoryRouter>
      <Routes>
        <Route
          index
          element={
            <StaticRegion deps={[data]}>
              {data.slugs.map((slug) => (
                <Story key={slug} slug={slug} />
              ))}
            </StaticRegion>
          }
        />
        <Route path="story/:slug" element={<h1>The story page</h1>} />
      </Routes>
      <HydrationDone />
    </MemoryRouter>
  );
}

/** The page as the server sent it, hydrated the way src/browser/boot.tsx does. */
async function hydrateServerPage(data: { slugs: string[] }) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(<Page data={data} />);
  document.body.append(container);
  storyRendered.mockClear();
  startHydration();
  const root = await act(async () => hydrateRoot(container, <Page data={data} />));
  return { container, root };
}

describe('StaticRegion', () => {
  const errors = vi.spyOn(console, 'error');
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled(); // no hydration mismatch
    document.body.innerHTML = '';
  });

  it('keeps the server HTML while hydrating, rendering none of it, as long as its data is the same', async () => {
    const data = { slugs: ['a', 'b'] };
    const { root } = await hydrateServerPage(data);
    const link = screen.getByRole('link', { name: 'Story a' });
    await act(async () => root.render(<Page data={data} />));
    expect(screen.getByRole('link', { name: 'Story a' })).toBe(link);
    expect(storyRendered).not.toHaveBeenCalled();
  });

  it('renders from new data', async () => {
    const { root } = await hydrateServerPage({ slugs: ['a'] });
    await act(async () => root.render(<Page data={{ slugs: ['c'] }} />));
    expect(screen.getByRole('link', { name: 'Story c' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Story a' })).not.toBeInTheDocument();
  });

  it('routes a click on a link of the kept HTML', async () => {
    await hydrateServerPage({ slugs: ['a'] });
    expect(storyRendered).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('link', { name: 'Story a' }));
    expect(screen.getByRole('heading', { name: 'The story page' })).toBeInTheDocument();
  });

  it('renders in full when React renders afresh while hydrating (it gave up on the server HTML)', () => {
    startHydration();
    render(<Page data={{ slugs: ['e'] }} />);
    expect(screen.getByRole('link', { name: 'Story e' })).toBeInTheDocument();
  });

  it('renders in full wherever the browser renders the page, even after a hydration', async () => {
    await hydrateServerPage({ slugs: ['a'] });
    render(<Page data={{ slugs: ['d'] }} />);
    expect(screen.getByRole('link', { name: 'Story d' })).toBeInTheDocument();
    expect(storyRendered).toHaveBeenCalled();
  });
});
