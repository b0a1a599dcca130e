import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadingRegion, SkeletonLine, SLOW_LOADING_MS } from '../src/components/Skeleton';

describe('loading regions', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are a busy status with a label, and say so when loading takes long', () => {
    render(
      <LoadingRegion label="Loading the story">
        <SkeletonLine className="h-4" />
      </LoadingRegion>,
    );
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-busy', 'true');
    expect(within(region).getByText('Loading the story')).toBeInTheDocument();
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();

    act(() => vi.advanceTimersByTime(SLOW_LOADING_MS - 1));
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(within(region).getByText(/Still loading: this is taking longer than usual/)).toBeInTheDocument();
  });

  it('leave no timer behind when the content arrives first', () => {
    const { unmount } = render(<LoadingRegion label="Loading">x</LoadingRegion>);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
