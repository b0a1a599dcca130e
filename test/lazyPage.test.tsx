import { render, screen } from '@testing-library/react';
import { Component, type ComponentType, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage, type LazyPage } from '../src/app/lazyPage';

const Article = () => <h1>The article</h1>;

class CatchAll extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  render() {
    return this.state.error ? <p role="alert">{String(this.state.error)}</p> : this.props.children;
  }
}

function renderPage({ Page }: LazyPage) {
  return render(
    <CatchAll>
      <Page fallback={<p>Loading the page…</p>} />
    </CatchAll>,
  );
}

describe('lazyPage', () => {
  it('shows the fallback while the code loads, then the page', async () => {
    const page = lazyPage(() => Promise.resolve(Article));
    renderPage(page);
    expect(screen.getByText('Loading the page…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The article' })).toBeInTheDocument();
  });

  it('shows the page as soon as its code is there, not after a minimum delay', async () => {
    let arrive: (page: ComponentType) => void = () => {};
    const page = lazyPage(() => new Promise<ComponentType>((resolve) => (arrive = resolve)));
    renderPage(page);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const asked = performance.now();
    arrive(Article);
    await screen.findByRole('heading', { name: 'The article' }, { interval: 5 });
    // React keeps a Suspense fallback up for 300 ms; this page must not wait like that.
    expect(performance.now() - asked).toBeLessThan(150);
  });

  it('renders a preloaded page at once, without a fallback, and loads its code once', async () => {
    const load = vi.fn(() => Promise.resolve(Article));
    const page = lazyPage(load);
    await page.preload();
    renderPage(page);
    expect(screen.getByRole('heading', { name: 'The article' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the page…')).not.toBeInTheDocument();
    await page.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('throws a failed load to the error boundary, and asks for the code again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<ComponentType>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(Article);
    const page = lazyPage(load);
    const first = renderPage(page);
    expect(await screen.findByRole('alert')).toHaveTextContent('chunk failed');
    first.unmount();
    renderPage(page);
    expect(await screen.findByRole('heading', { name: 'The article' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
