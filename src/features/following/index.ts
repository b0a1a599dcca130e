/**
 * Following: the sectors, editions and tags a reader follows, kept on the device (IndexedDB,
 * shared across tabs). FollowingPage is left out: routes.tsx loads it lazily.
 */
export { FollowButton } from './FollowButton';
export { useFollowing, useFollowsAnything } from './useFollowing';
export {
  createFollowingStore,
  getFollowingStore,
  setFollowingStore,
  topicPath,
  type FollowedTopic,
  type FollowingStore,
  type Topic,
} from './topics';
