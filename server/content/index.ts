import { createMockSource } from './mock';
import type { StoryIndexEntry } from '../syndication/content';
import type { ContentSource } from './types';
import { createUpstreamSource } from './upstream';
import { createWordPressSource, wordPressOptionsFromEnv } from './wordpress/index';
import { createWordPressStoryIndex } from './wordpress/storyIndex';

export type { ContentSource } from './types';

export interface ContentSettings {
  source: ContentSource;
  /** Where the source's pictures come from, for the CSP's img-src (besides IMAGE_ORIGINS). */
  imageOrigins: string[];
  /** Said once at start, so whoever runs the server sees where the news comes from. */
  description: string;
  /** Whether feeds carry the full body unless FEED_FULL_CONTENT says otherwise. */
  fullContentByDefault: boolean;
  /** Lists every story for the sitemaps faster than paging the contract, where the source can. */
  listAll?: () => Promise<StoryIndexEntry[]>;
}

/**
 * Where the news comes from, by environment: `CONTENT_SOURCE=wordpress` with
 * `WORDPRESS_URL`, else `API_BASE_URL` (an API that speaks docs/api.md), else the
 * built-in mock data.
 */
export function contentFromEnv(env: NodeJS.ProcessEnv, timeoutMs: number): ContentSettings {
  if (env.CONTENT_SOURCE === 'wordpress') {
    const options = wordPressOptionsFromEnv(env);
    return {
      source: createWordPressSource(options),
      imageOrigins: [new URL(options.url).origin],
      description: `WordPress at ${options.url}`,
      fullContentByDefault: false,
      listAll: createWordPressStoryIndex(options),
    };
  }
  if (env.CONTENT_SOURCE && env.CONTENT_SOURCE !== 'api' && env.CONTENT_SOURCE !== 'mock') {
    throw new Error(`CONTENT_SOURCE must be wordpress, api or mock, not "${env.CONTENT_SOURCE}"`);
  }
  const base = env.API_BASE_URL?.trim();
  if (base && env.CONTENT_SOURCE !== 'mock') {
    if (!/^https?:\/\//.test(base)) throw new Error(`API_BASE_URL must be an http(s) URL, not "${base}"`);
    return {
      source: createUpstreamSource(base, timeoutMs),
      imageOrigins: [],
      description: `the content API at ${base}`,
      fullContentByDefault: true,
    };
  }
  return {
    source: createMockSource(),
    imageOrigins: [],
    description: 'the built-in mock data',
    fullContentByDefault: true,
  };
}
