import type { ChannelLike } from '../src/lib/deviceStore';

/** Two channels that deliver each other's messages, like two tabs on one BroadcastChannel name. */
export function channelPair(): [ChannelLike, ChannelLike] {
  const listeners: [((event: MessageEvent) => void)[], ((event: MessageEvent) => void)[]] = [[], []];
  const make = (mine: 0 | 1): ChannelLike => ({
    postMessage: (data) => listeners[mine === 0 ? 1 : 0].forEach((listener) => listener({ data } as MessageEvent)),
    addEventListener: (_type, listener) => listeners[mine].push(listener),
    close: () => {},
  });
  return [make(0), make(1)];
}
