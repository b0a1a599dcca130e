import type { Block } from '../../lib/api/schemas';

/** Adult silent reading speed for non-fiction, words per minute. */
export const WORDS_PER_MINUTE = 230;

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.text;
    case 'quote':
      return `${block.text} ${block.attribution ?? ''}`;
    case 'image':
    case 'video':
      return block.caption ?? '';
    case 'html':
      // Rough: tags out, entities as spaces; good enough to count words.
      return block.html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  }
}

/** Whole minutes to read the body (at least 1). */
export function readingMinutes(blocks: Block[], extraText = ''): number {
  const words = blocks.reduce((sum, block) => sum + countWords(blockText(block)), countWords(extraText));
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "4 min read". */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`;
}
