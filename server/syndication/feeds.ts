/**
 * RSS 2.0, Atom 1.0 and JSON Feed for one list of stories, written by the `feed` library.
 * What the library leaves to its caller is done here: plain text goes where a format says
 * text and escaped HTML where it says HTML, so a headline's `<script>` or `]]>` stays text.
 */
import { Feed, type Item } from 'feed';
import type { Story } from '../../src/features/article/api/story';
import { SITE_NAME } from '../../src/lib/head';
import { cdataSafeHtml, escapeXml, imageType, xmlSafe } from './text';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedEntry {
  story: Story;
  /** The sanitized body, when full content is on. */
  content: string | null;
  /** The lead picture's size in bytes, when known. */
  imageBytes: number | null;
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The feed's page, e.g. /sector/health. */
  pagePath: string;
  /** The feed's own address without extension, e.g. /feeds/sector/health. */
  feedPath: string;
  entries: FeedEntry[];
  origin: string;
  language: string;
}

const MEDIA_NS = 'http://search.yahoo.com/mrss/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/** xml-js (under `feed`) turns `&amp;` back into `&` before escaping text: one `&` escaped here keeps text exact. */
const libraryText = (text: string) => xmlSafe(text).replace(/&/g, '&amp;');
/** Attribute values are written as given but for `"` (and `&` where `feed` escapes it). */
const attribute = (text: string) => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function categories(story: Story) {
  const list: { name: string; term: string; domain: string }[] = [];
  if (story.sector) list.push({ name: story.sector.name, term: story.sector.slug, domain: 'sector' });
  list.push({ name: story.edition.name, term: story.edition.slug, domain: 'edition' });
  // A tag that repeats the sector or edition (DevShots often tag "Health") says nothing new.
  for (const tag of story.tags) {
    if (!list.some((category) => category.name.toLowerCase() === tag.toLowerCase())) {
      list.push({ name: tag, term: tag, domain: 'tag' });
    }
  }
  return list;
}

function author(story: Story): string {
  return story.byline ?? story.source ?? SITE_NAME;
}

function updatedOf(doc: FeedDocument): Date {
  const times = doc.entries.map((entry) => Date.parse(entry.story.updatedAt));
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

function baseFeed(doc: FeedDocument, format: FeedFormat): Feed {
  const link = new URL(doc.pagePath, doc.origin).href;
  return new Feed({
    id: link,
    title: `${doc.title} | ${SITE_NAME}`,
    description: doc.description,
    link,
    language: doc.language,
    updated: updatedOf(doc),
    generator: false,
    favicon: new URL('/favicon.ico', doc.origin).href,
    image: new URL('/icons/icon-512.png', doc.origin).href,
    copyright: `© ${SITE_NAME}`,
    author: { name: SITE_NAME, link: doc.origin },
    feed: new URL(`${doc.feedPath}.${format === 'rss' ? 'xml' : format}`, doc.origin).href,
    ttl: format === 'rss' ? 5 : undefined,
  });
}

function imageOf(entry: FeedEntry, origin: string) {
  const image = entry.story.image;
  if (!image) return null;
  const url = new URL(image.src, origin).href;
  return { ...image, url, type: imageType(url) ?? 'image/jpeg' };
}

/** An entry's story, its canonical link (also its stable id) and its picture. */
function entryParts(entry: FeedEntry, origin: string) {
  const link = new URL(`/article/${encodeURIComponent(entry.story.slug)}`, origin).href;
  return { story: entry.story, link, image: imageOf(entry, origin) };
}

/** What RSS and Atom items say alike: link and id, times, the summary and the body as HTML. */
function xmlItemFields(entry: FeedEntry, link: string) {
  return {
    link,
    id: link,
    date: new Date(entry.story.updatedAt),
    published: new Date(entry.story.publishedAt),
    description: cdataSafeHtml(escapeXml(entry.story.summary)),
    content: entry.content === null ? undefined : cdataSafeHtml(entry.content),
  };
}

export function rss(doc: FeedDocument): string {
  const feed = baseFeed(doc, 'rss');
  for (const entry of doc.entries) {
    const { story, link, image } = entryParts(entry, doc.origin);
    const extensions: Item['extensions'] = [
      // Overrides the library's CDATA title: RSS titles are plain text, and CDATA splits only one `]]>`.
      { name: 'title', objects: { _text: libraryText(story.headline) } },
      {
        name: 'category',
        objects: categories(story).map((category) => ({
          _text: libraryText(category.name),
          _attributes: { domain: category.domain },
        })) as unknown as Record<string, unknown>,
      },
      { name: 'dc:creator', objects: { _attributes: { 'xmlns:dc': DC_NS }, _text: libraryText(author(story)) } },
    ];
    if (image) {
      extensions.push({
        name: 'media:content',
        objects: {
          _attributes: {
            'xmlns:media': MEDIA_NS,
            url: attribute(image.url),
            medium: 'image',
            type: image.type,
            width: image.width,
            height: image.height,
            ...(entry.imageBytes ? { fileSize: entry.imageBytes } : {}),
          },
          'media:description': { _text: libraryText(image.alt) },
        },
      });
    }
    feed.addItem({
      title: story.headline,
      ...xmlItemFields(entry, link),
      enclosure: image ? { url: image.url, type: image.type, length: entry.imageBytes ?? 0 } : undefined,
      extensions,
    });
  }
  return feed.rss2();
}

export function atom(doc: FeedDocument): string {
  const feed = baseFeed(doc, 'atom');
  for (const entry of doc.entries) {
    const { story, link, image } = entryParts(entry, doc.origin);
    feed.addItem({
      // Atom titles here are type="html": the headline escaped as HTML reads back as the same text.
      title: cdataSafeHtml(escapeXml(story.headline)),
      ...xmlItemFields(entry, link),
      author: [{ name: libraryText(author(story)) }],
      // The library writes these attributes escaping only `&`: the term is the slug, the label loses `<`.
      category: categories(story).map((category) => ({
        term: xmlSafe(category.term).replace(/</g, ''),
        name: xmlSafe(category.name).replace(/</g, ''),
      })),
      enclosure: image ? { url: image.url, type: image.type, length: entry.imageBytes ?? 0 } : undefined,
    });
  }
  // The library names an enclosure's type from its extension (image/jpg); the real type is known here.
  return feed
    .atom1()
    .replace(/type="image\/jpg"/g, 'type="image/jpeg"')
    .replace(/type="image\/svg"/g, 'type="image/svg+xml"');
}

export function jsonFeed(doc: FeedDocument): string {
  const feed = baseFeed(doc, 'json');
  feed.options.feedLinks = { json: new URL(`${doc.feedPath}.json`, doc.origin).href };
  for (const entry of doc.entries) {
    const { story, link, image } = entryParts(entry, doc.origin);
    feed.addItem({
      title: xmlSafe(story.headline),
      link,
      id: link,
      date: new Date(story.updatedAt),
      published: new Date(story.publishedAt),
      description: escapeXml(story.summary),
      content: entry.content ?? undefined,
      image: image?.url,
      author: [{ name: author(story) }],
      category: categories(story).map((category) => ({ name: xmlSafe(category.name) })),
      // JSON Feed's summary is plain text; the library would copy the HTML description there.
      extensions: [{ name: 'summary', objects: xmlSafe(story.summary) as unknown as Record<string, unknown> }],
    });
  }
  return feed.json1();
}

export function render(doc: FeedDocument, format: FeedFormat): string {
  return format === 'rss' ? rss(doc) : format === 'atom' ? atom(doc) : jsonFeed(doc);
}
