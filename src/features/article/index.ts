/**
 * The article feature's public pieces. ArticlePage itself is left out on purpose:
 * routes.tsx loads it lazily, and importing it from here would pull it into the main chunk.
 */
export { BlockRenderer, BlockView } from './BlockRenderer';
export { SafeHtml, preloadSanitizerFor } from './SafeHtml';
// sanitize.ts (DOMPurify) is not re-exported: SafeHtml loads it on demand, only for stories with html blocks.
export { storyQuery, type Story } from './api/story';
