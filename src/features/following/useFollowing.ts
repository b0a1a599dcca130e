import { useDeviceStore, useDeviceStoreValue, type DeviceSnapshot } from '../../lib/deviceStore';
import { getFollowingStore, topicKey, type FollowedTopic, type Topic } from './topics';

const EMPTY: DeviceSnapshot<FollowedTopic> = { status: 'loading', items: [] };

const follow = (topic: Topic) => getFollowingStore().put({ ...topic, followedAt: Date.now() });
const unfollow = (topic: Pick<Topic, 'kind' | 'slug'>) => getFollowingStore().remove(topicKey(topic));
const importTopics = (topics: FollowedTopic[]) => getFollowingStore().put(...topics);

/** What the reader follows (newest followed first) and its actions; empty on the server. */
export function useFollowing() {
  const { status, items } = useDeviceStore(getFollowingStore, EMPTY);
  return { status, topics: items, follow, unfollow, importTopics };
}

/** Whether the reader follows anything: false on the server, so only a change re-renders. */
export function useFollowsAnything(): boolean {
  return useDeviceStoreValue(getFollowingStore, (snapshot) => snapshot.items.length > 0, false);
}
