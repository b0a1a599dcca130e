import { onlineManager, QueryClient } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceUpdate, resetUpdateState, watchConnection } from '../src/features/offline';
import { BACK_ONLINE_MESSAGE, ConnectionNotice, OFFLINE_MESSAGE } from '../src/features/offline/ConnectionNotice';
import { UpdatePrompt } from '../src/features/offline/UpdatePrompt';
import { cacheBuster, persistQueryCache, type PersistedClient } from '../src/features/offline/persistence';
import { createQueryClient } from '../src/app/queryClient';
import { memoryKeyedStorage } from '../src/lib/deviceStore';

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

afterEach(() => {
  resetUpdateState();
  onlineManager.setOnline(true);
});

describe('connection notice', () => {
  it('is a polite status that says when the connection goes and when it is back', () => {
    render(<ConnectionNotice />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/^$/);
    setOnline(false);
    expect(status).toHaveTextContent(OFFLINE_MESSAGE);
    setOnline(true);
    expect(status).toHaveTextContent(BACK_ONLINE_MESSAGE);
  });

  it('"Back online" goes away by itself after a few seconds', () => {
    vi.useFakeTimers();
    try {
      render(<ConnectionNotice />);
      setOnline(false);
      setOnline(true);
      expect(screen.getByRole('status')).toHaveTextContent(BACK_ONLINE_MESSAGE);
      act(() => vi.advanceTimersByTime(6000));
      expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the offline message at once when the page starts offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<ConnectionNotice />);
    expect(screen.getByRole('status')).toHaveTextContent(OFFLINE_MESSAGE);
  });
});

describe('watchConnection', () => {
  it('tells TanStack Query the real state at start and refreshes what is on screen when the connection returns', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries').mockResolvedValue();
    const stop = watchConnection(queryClient);
    expect(onlineManager.isOnline()).toBe(false);
    expect(invalidate).not.toHaveBeenCalled();
    setOnline(true);
    expect(invalidate).toHaveBeenCalledWith({ refetchType: 'active' });
    stop();
  });

  it('offline, a network failure is not retried (so "not available offline" shows at once)', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const queryClient = createQueryClient({ retryBaseDelayMs: 1 });
    const { ApiError } = await import('../src/lib/api/errors');
    const queryFn = vi.fn().mockRejectedValue(new ApiError('network', 'Could not reach the server'));
    await expect(queryClient.fetchQuery({ queryKey: ['x'], queryFn })).rejects.toThrow('Could not reach the server');
    expect(queryFn).toHaveBeenCalledTimes(1);
  });
});

describe('update prompt', () => {
  it('appears when a new version waits, reloads only when asked, and can be dismissed', async () => {
    const user = userEvent.setup();
    render(<UpdatePrompt />);
    expect(screen.queryByRole('region', { name: 'App update' })).not.toBeInTheDocument();

    const apply = vi.fn().mockResolvedValue(undefined);
    act(() => announceUpdate(apply));
    const prompt = screen.getByRole('region', { name: 'App update' });
    expect(prompt).toHaveTextContent('A new version is available.');
    expect(apply).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'App update' })).not.toBeInTheDocument();
    expect(apply).not.toHaveBeenCalled();

    act(() => announceUpdate(apply));
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Reloading…' })).toBeDisabled();
  });
});

describe('persisted query cache', () => {
  const memoryCache = () => {
    const storage = memoryKeyedStorage<PersistedClient>();
    return Object.assign(storage, { record: async () => (await storage.getAll())[0] });
  };
  const savedData = async (storage: ReturnType<typeof memoryCache>) =>
    (await storage.record())?.clientState.queries.map((query) => query.state.data);

  it('saves successful queries and restores them into a new client', async () => {
    const storage = memoryCache();
    const first = createQueryClient();
    const stop = await persistQueryCache(first, 'https://api.example', { storage });
    first.setQueryData(['story', 'a'], { headline: 'A' });
    first.setQueryData(['story', 'b'], { headline: 'B' });
    await vi.waitFor(async () => expect(await savedData(storage)).toHaveLength(2), { timeout: 4000 });
    stop();
    expect((await storage.record())?.buster).toBe(cacheBuster('https://api.example'));

    const second = createQueryClient();
    // A server page's data, even one older than the last visit's (a cached page), stays as it is.
    second.setQueryData(['story', 'b'], { headline: 'B from the server' }, { updatedAt: 1 });
    await persistQueryCache(second, 'https://api.example', { storage });
    expect(second.getQueryData(['story', 'a'])).toEqual({ headline: 'A' });
    expect(second.getQueryData(['story', 'b'])).toEqual({ headline: 'B from the server' });
    // Saved without waiting for a change: the server's data is the newest there is.
    await vi.waitFor(async () => expect(await savedData(storage)).toContainEqual({ headline: 'B from the server' }), {
      timeout: 4000,
    });
  });

  it('drops a cache from another app version or API, or older than the queries are kept', async () => {
    const storage = memoryCache();
    const client = createQueryClient();
    const stop = await persistQueryCache(client, 'https://api.example', { storage });
    client.setQueryData(['story', 'a'], { headline: 'A' });
    await vi.waitFor(async () => expect(await savedData(storage)).toHaveLength(1), { timeout: 4000 });
    stop();
    const saved = (await storage.record())!;

    const otherApi = createQueryClient();
    await persistQueryCache(otherApi, null, { storage });
    expect(otherApi.getQueryData(['story', 'a'])).toBeUndefined();
    expect(await storage.record()).toBeUndefined();

    await storage.putMany([['query-cache', saved]]);
    const muchLater = createQueryClient();
    await persistQueryCache(muchLater, 'https://api.example', {
      storage,
      now: () => saved.timestamp + muchLater.getDefaultOptions().queries!.gcTime! + 1,
    });
    expect(muchLater.getQueryData(['story', 'a'])).toBeUndefined();
  });
});
