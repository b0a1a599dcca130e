import { blockText } from '../../lib/api/blockText';
import type { Block } from '../../lib/api/schemas';

/** Adult silent reading speed for non-fiction, words per minute. */
export const WORDS_PER_MINUTE = 230;

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
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
