import { plainText, type RichText } from './richText';
import type { Block, ListData } from './schemas';

function listText(list: ListData): string {
  return list.items.map((item) => `${plainText(item.text)} ${item.list ? listText(item.list) : ''}`).join(' ');
}

const orEmpty = (text: RichText | null) => (text ? plainText(text) : '');

/**
 * The words a block says, as plain text: for reading time, search, and any reader of the
 * body that needs text (feeds, listening). Markup in html blocks is stripped roughly.
 */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'preformatted':
      return plainText(block.text);
    case 'code':
      return block.text;
    case 'quote':
      return `${plainText(block.text)} ${orEmpty(block.attribution)}`;
    case 'image':
    case 'video':
    case 'audio':
      return orEmpty(block.caption);
    case 'gallery':
      return [...block.images.map((image) => orEmpty(image.caption)), orEmpty(block.caption)].join(' ');
    case 'embed':
      return `${block.title ?? ''} ${orEmpty(block.caption)}`;
    case 'separator':
      return '';
    case 'list':
      return listText(block);
    case 'table':
      return [...block.head, ...block.body, ...block.foot]
        .flat()
        .map((cell) => plainText(cell.text))
        .join(' ');
    case 'details':
      return [block.summary, ...block.paragraphs].map(plainText).join(' ');
    case 'footnotes':
      return block.items.map((item) => plainText(item.text)).join(' ');
    case 'html':
      // Rough: tags out, entities as spaces; good enough to count and find words.
      return block.html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  }
}
