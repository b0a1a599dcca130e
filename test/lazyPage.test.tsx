import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../src/app/lazyPage';

const Article = () => <h1>The article</h1>;

function renderPage(Page: React.ComponentType) {
  return render(
    <Suspense fallback={<p>Loading the page…</p>}>
      <Page />
    </Suspense>,
  );
}

describe('lazyPage', () => {
  it('shows the fallback while the code loads, then the page', async () => {
    const { Page } = lazyPage(() => Promise.resolve(Article));
    renderPage(Page);
    expect(screen.getByText('Loading the page…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The article' })).toBeInTheDocument();
  });

  it('renders a preloaded page at once, without a fallback', async () => {
    const load = vi.fn(() => Promise.resolve(Article));
    const { Page, preload } = lazyPage(load);
    await preload();
    renderPage(Page);
    expect(screen.getByRole('heading', { name: 'The article' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the page…')).not.toBeInTheDocument();
    await preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks for the code again after a failed load', async () => {
    const load = vi
      .fn<() => Promise<React.ComponentType>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(Article);
    const { Page, preload } = lazyPage(load);
    await expect(preload()).rejects.toThrow('chunk failed');
    await preload();
    expect(load).toHaveBeenCalledTimes(2);
    renderPage(Page);
    expect(screen.getByRole('heading', { name: 'The article' })).toBeInTheDocument();
  });
});
