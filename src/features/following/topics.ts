import { z } from '../../lib/zod';
import {
  appInstance,
  browserChannel,
  browserStorage,
  createDeviceStore,
  type DeviceStore,
} from '../../lib/deviceStore';

export const topicKinds = ['sector', 'edition', 'tag'] as const;
export type TopicKind = (typeof topicKinds)[number];

/** Something the reader follows: a sector or edition (by slug) or a tag (the tag itself). */
export interface Topic {
  kind: TopicKind;
  slug: string;
  name: string;
}

export interface FollowedTopic extends Topic {
  /** Milliseconds since the epoch. */
  followedAt: number;
}

export const topicKey = (topic: Pick<Topic, 'kind' | 'slug'>) => `${topic.kind}:${topic.slug}`;

/** Where a topic's stories are listed. */
export function topicPath(topic: Pick<Topic, 'kind' | 'slug'>): string {
  return `/${topic.kind}/${encodeURIComponent(topic.slug)}`;
}

export const FOLLOWING_DB = 'devdiscourse-following';
export const FOLLOWING_CHANNEL = 'devdiscourse-following';

const followedTopicSchema = z.object({
  kind: z.enum(topicKinds),
  slug: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  followedAt: z.number(),
});

/** The export file: small, versioned, readable by a person. */
export const followingFileSchema = z.object({
  app: z.literal('devdiscourse-reader'),
  kind: z.literal('following'),
  version: z.literal(1),
  topics: z.array(followedTopicSchema).check(z.maxLength(1000)),
});
export type FollowingFile = z.infer<typeof followingFileSchema>;

export function exportFollowing(topics: readonly FollowedTopic[]): FollowingFile {
  return {
    app: 'devdiscourse-reader',
    kind: 'following',
    version: 1,
    topics: topics.map(({ kind, slug, name, followedAt }) => ({ kind, slug, name, followedAt })),
  };
}

/** The topics of an export file, or an error message a reader can act on. */
export function parseFollowingFile(text: string): { topics: FollowedTopic[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'That file is not JSON. Choose a file exported from Following.' };
  }
  const parsed = followingFileSchema.safeParse(json);
  if (!parsed.success) return { error: 'That file is not a Following export. Choose a file exported from Following.' };
  return { topics: parsed.data.topics };
}

export type FollowingStore = DeviceStore<FollowedTopic>;

export function createFollowingStore(
  options: Omit<Parameters<typeof createDeviceStore<FollowedTopic>>[0], 'keyOf' | 'compare'>,
) {
  return createDeviceStore<FollowedTopic>({
    ...options,
    keyOf: topicKey,
    compare: (a, b) => b.followedAt - a.followedAt,
  });
}

const instance = appInstance<FollowingStore>(() =>
  createFollowingStore({
    storage: browserStorage(FOLLOWING_DB, 'topics'),
    channel: browserChannel(FOLLOWING_CHANNEL),
  }),
);
export const getFollowingStore = instance.get;
/** Tests put their own store in place (e.g. memory storage with records already in). */
export const setFollowingStore = instance.set;
