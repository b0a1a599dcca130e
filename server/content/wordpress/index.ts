/**
 * The WordPress content source (`CONTENT_SOURCE=wordpress`): the content API
 * contract answered from a WordPress site's REST API. Settings and what a site owner
 * may have to enable: docs/wordpress.md.
 *
 *   const source = createWordPressSource(wordPressOptionsFromEnv(process.env));
 */
import type { ContentSource } from '../types.ts';
import type { WordPressOptionsInput } from './options.ts';
import { createSource } from './source.ts';

export { wordPressOptionsFromEnv } from './options.ts';
export type { WordPressOptions, WordPressOptionsInput } from './options.ts';

export function createWordPressSource(options: WordPressOptionsInput): ContentSource {
  return createSource(options);
}
