import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RelativeTime } from '../src/features/feeds/StoryMeta';
import { useNow } from '../src/lib/useNow';

describe('relative times on cards', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('keep counting while the page stays open, with the exact house time in the title', () => {
    render(<RelativeTime iso="2026-11-30T09:01:00Z" />);
    const time = screen.getByText('59 min. ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-11-30T09:01:00Z');
    expect(time.getAttribute('title')).toMatch(/14:31/); // 09:01 UTC is 14:31 in the house zone (IST)

    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(screen.getByText('1 hr. ago')).toBe(time);
  });

  test('catch up at once when the tab comes back into view', () => {
    render(<RelativeTime iso="2026-11-30T09:58:00Z" />);
    expect(screen.getByText('2 min. ago')).toBeInTheDocument();

    // A hidden tab's timers are throttled: the clock moves on without a tick.
    vi.setSystemTime(new Date('2026-11-30T13:00:00Z'));
    expect(screen.getByText('2 min. ago')).toBeInTheDocument();
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByText('3 hr. ago')).toBeInTheDocument();
  });

  test('start their timer without rendering again (a second, synchronous render as the app starts)', () => {
    let renders = 0;
    function Probe() {
      const now = useNow();
      renders += 1;
      // The clock moves on between the render and the timer's start, as it does in a
      // time-sliced first render.
      if (renders === 1) vi.setSystemTime(now + 1000);
      return null;
    }
    render(<Probe />);
    expect(renders).toBe(1);
    act(() => vi.advanceTimersByTime(60_000));
    expect(renders).toBe(2);
  });

  test('stop their timer when no time is on the page', () => {
    const { unmount } = render(<RelativeTime iso="2026-11-30T09:00:00Z" />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
