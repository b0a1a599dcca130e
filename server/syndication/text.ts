import { escapeHtml } from '../document';

/**
 * Text made safe for XML: characters XML 1.0 cannot carry at all (C0 controls but tab
 * and line ends, lone surrogates, U+FFFE/U+FFFF) are removed, since no escape exists for them.
 */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** For text and attribute values we write ourselves (sitemaps), and plain text in feed fields whose type is HTML. */
export function escapeXml(text: string): string {
  return escapeHtml(xmlSafe(text));
}

/**
 * HTML bound for a CDATA section: `]]>` would end it, and the feed library splits only the
 * first one. `>` as `&gt;` means the same in HTML text and attributes.
 */
export function cdataSafeHtml(html: string): string {
  return xmlSafe(html).replaceAll(']]>', ']]&gt;');
}

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** A picture's media type from its address's extension; null when it does not say. */
export function imageType(src: string): string | null {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(src)?.[1]?.toLowerCase();
  return extension ? (TYPES[extension] ?? null) : null;
}
