/**
 * The article feature's public pieces. ArticlePage itself is left out on purpose:
 * routes.tsx loads it lazily, and importing it from here would pull it into the main chunk.
 */
export { BlockRenderer, BlockView } from './BlockRenderer';
export { SafeHtml } from './SafeHtml';
export { sanitizeHtml } from './sanitize';
export { storyQuery, type Story } from './api/story';
