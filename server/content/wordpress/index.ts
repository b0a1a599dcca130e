// Placeholder until the WordPress source lands; CONTENT_SOURCE=wordpress says so at start.
export type WordPressOptions = Record<string, never>;
export function wordPressOptionsFromEnv(_env: NodeJS.ProcessEnv): WordPressOptions {
  throw new Error('CONTENT_SOURCE=wordpress is not available in this build');
}
export function createWordPressSource(_options: WordPressOptions): never {
  throw new Error('CONTENT_SOURCE=wordpress is not available in this build');
}
