import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { renderApp } from './renderApp';

function scrollPageTo(y: number) {
  act(() => {
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
    window.dispatchEvent(new Event('scroll'));
  });
}

let scrollTo: MockInstance<typeof window.scrollTo>;
let reducedMotion = false;
beforeEach(() => {
  scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  Object.defineProperty(window, 'innerHeight', { value: 640, configurable: true });
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: query === '(prefers-reduced-motion: reduce)' && reducedMotion,
        addEventListener() {},
        removeEventListener() {},
      }) as unknown as MediaQueryList,
  );
});
afterEach(() => {
  scrollPageTo(0);
  reducedMotion = false;
  vi.unstubAllGlobals();
});

describe('back to top', () => {
  it('appears only once the reader is two screens down', async () => {
    renderApp('/no-such-page');
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(screen.queryByRole('button', { name: 'Back to top' })).not.toBeInTheDocument();
    scrollPageTo(2 * 640 - 10);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(screen.queryByRole('button', { name: 'Back to top' })).not.toBeInTheDocument();
    scrollPageTo(2 * 640 + 10);
    expect(await screen.findByRole('button', { name: 'Back to top' })).toBeInTheDocument();
    scrollPageTo(100);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Back to top' })).not.toBeInTheDocument());
  });

  it('scrolls to the top, smoothly, and moves focus to the start of the content', async () => {
    const { user } = renderApp('/no-such-page');
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    scrollPageTo(3000);
    await user.click(await screen.findByRole('button', { name: 'Back to top' }));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'smooth' });
    const main = screen.getByRole('main');
    expect(main.contains(document.activeElement)).toBe(true);
  });

  it('jumps at once under reduced motion', async () => {
    reducedMotion = true;
    const { user } = renderApp('/no-such-page');
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    scrollPageTo(3000);
    await user.click(await screen.findByRole('button', { name: 'Back to top' }));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0, behavior: 'instant' });
  });
});
