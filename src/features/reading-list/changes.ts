import { blockText } from '../../lib/api/blockText';
import type { Block } from '../../lib/api/schemas';

/**
 * The blocks of `now` whose words were not in `before`: the paragraphs the publisher
 * rewrote or added. Compared by text, so a block that only moved is not counted.
 */
export function changedBlocks(before: readonly Block[], now: readonly Block[]): Set<number> {
  const old = new Set(before.map((block) => blockText(block).trim()));
  const changed = new Set<number>();
  now.forEach((block, index) => {
    const text = blockText(block).trim();
    if (text && !old.has(text)) changed.add(index);
  });
  return changed;
}
