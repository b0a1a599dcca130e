/**
 * Each page's <head>: title, description, canonical URL, Open Graph and Twitter tags,
 * JSON-LD. Pages declare theirs with `useDocumentMeta`, in render. The server collects
 * the last one declared (HeadCollectorContext) and writes the tags into the HTML, so
 * link previews and search engines see them without running JavaScript; the browser
 * applies the same tags in an effect as the reader moves around. Both go through
 * `headTags`, so the two cannot disagree.
 */
import { createContext, useContext, useEffect } from 'react';

export const SITE_NAME = 'Devdiscourse Reader';
export const SITE_DESCRIPTION =
  'News on development, economy, technology and health from every region, readable offline.';
/** The site's logo (structured data's publisher). */
export const SITE_IMAGE = { src: '/icons/icon-512.png', width: 512, height: 512, alt: SITE_NAME };
/** The picture shared links show when a page has none of its own: networks want a raster of 1200×630 or more. */
export const SITE_CARD: HeadImage = {
  src: '/icons/share-card.png',
  width: 1200,
  height: 630,
  alt: SITE_NAME,
  type: 'image/png',
};

export interface HeadImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  /** Its media type, when known (og:image:type). */
  type?: string;
}

/** A feed a page offers readers (a `<link rel="alternate">` feed readers discover). */
export interface HeadFeed {
  title: string;
  /** The feed's path without extension, e.g. /feeds/latest: RSS is .xml, Atom .atom, JSON Feed .json. */
  path: string;
}

export interface PageHeadExtras {
  /** The canonical path, e.g. /article/slug; the current path when absent. */
  path?: string;
  type?: 'website' | 'article';
  image?: HeadImage | null;
  article?: { publishedTime: string; modifiedTime: string; section: string | null; tags: readonly string[] };
  /** Structured data, one object per JSON-LD script; absolute URLs are made from relative ones by `absolute`. */
  jsonLd?: (absolute: (path: string) => string) => object[];
  /** The page's own feed; the latest news when absent. */
  feed?: HeadFeed;
}

export interface PageHead extends PageHeadExtras {
  title: string | null;
  description: string | null;
}

/** What a server render collects: the page's head as the last component declared it. */
export interface HeadCollector {
  declare(head: PageHead): void;
}
export const HeadCollectorContext = createContext<HeadCollector | null>(null);

/** The site's public origin (https://news.example.com), for canonical and shared URLs. */
export const SiteOriginContext = createContext('');
export function useSiteOrigin(): string {
  return useContext(SiteOriginContext);
}

export const LATEST_FEED: HeadFeed = { title: `${SITE_NAME}: Latest News`, path: '/feeds/latest' };

export function documentTitle(title: string | null): string {
  return title ? `${title} | ${SITE_NAME}` : SITE_NAME;
}

export type HeadTag =
  | { tag: 'meta'; key: 'name' | 'property'; name: string; content: string }
  | { tag: 'link'; rel: string; href: string; type?: string; title?: string }
  | { tag: 'jsonld'; json: object };

/** Every tag of a page's head but <title>, in order. */
export function headTags(head: PageHead, origin: string, currentPath: string): HeadTag[] {
  const absolute = (path: string) => {
    try {
      return new URL(path, origin || 'http://localhost').href;
    } catch {
      return origin;
    }
  };
  const url = absolute(head.path ?? currentPath);
  const title = head.title ?? SITE_NAME;
  const description = head.description ?? SITE_DESCRIPTION;
  const image = head.image ?? SITE_CARD;
  const feed = head.feed ?? LATEST_FEED;
  const meta = (key: 'name' | 'property', name: string, content: string): HeadTag => ({
    tag: 'meta',
    key,
    name,
    content,
  });
  const tags: HeadTag[] = [
    meta('name', 'description', description),
    { tag: 'link', rel: 'canonical', href: url },
    meta('property', 'og:type', head.type ?? 'website'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'og:image', absolute(image.src)),
    meta('property', 'og:image:width', String(image.width)),
    meta('property', 'og:image:height', String(image.height)),
    ...(image.type ? [meta('property', 'og:image:type', image.type)] : []),
    meta('property', 'og:image:alt', image.alt || title),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    meta('name', 'twitter:image', absolute(image.src)),
    meta('name', 'twitter:image:alt', image.alt || title),
    {
      tag: 'link',
      rel: 'alternate',
      type: 'application/rss+xml',
      title: `${feed.title} (RSS)`,
      href: absolute(`${feed.path}.xml`),
    },
    {
      tag: 'link',
      rel: 'alternate',
      type: 'application/atom+xml',
      title: `${feed.title} (Atom)`,
      href: absolute(`${feed.path}.atom`),
    },
  ];
  if (head.article) {
    tags.push(meta('property', 'article:published_time', head.article.publishedTime));
    tags.push(meta('property', 'article:modified_time', head.article.modifiedTime));
    if (head.article.section) tags.push(meta('property', 'article:section', head.article.section));
    for (const tag of head.article.tags) tags.push(meta('property', 'article:tag', tag));
  }
  for (const json of head.jsonLd?.(absolute) ?? []) tags.push({ tag: 'jsonld', json });
  return tags;
}

/** Marks the tags the app manages, so the next page's replace them and nothing else. */
const MANAGED = 'data-page-head';

function applyHead(head: PageHead, origin: string) {
  document.title = documentTitle(head.title);
  document.head.querySelectorAll(`[${MANAGED}]`).forEach((element) => element.remove());
  // The static index.html carries a plain description; the managed one replaces it.
  document.head.querySelector('meta[name="description"]')?.remove();
  for (const tag of headTags(head, origin || location.origin, location.pathname)) {
    let element: HTMLElement;
    if (tag.tag === 'meta') {
      element = document.createElement('meta');
      element.setAttribute(tag.key, tag.name);
      element.setAttribute('content', tag.content);
    } else if (tag.tag === 'link') {
      element = document.createElement('link');
      element.setAttribute('rel', tag.rel);
      element.setAttribute('href', tag.href);
      if (tag.type) element.setAttribute('type', tag.type);
      if (tag.title) element.setAttribute('title', tag.title);
    } else {
      element = document.createElement('script');
      element.setAttribute('type', 'application/ld+json');
      element.textContent = JSON.stringify(tag.json);
    }
    element.setAttribute(MANAGED, '');
    document.head.append(element);
  }
}

/** Declares the current page's head (title without the site name). */
export function useDocumentMeta(title: string | null, description?: string | null, extras: PageHeadExtras = {}): void {
  const head: PageHead = { title, description: description ?? null, ...extras };
  const collector = useContext(HeadCollectorContext);
  const origin = useSiteOrigin();
  // Server render only: there is no effect there, and the collector is per request.
  collector?.declare(head);
  const key = JSON.stringify({ ...head, jsonLd: head.jsonLd?.((path) => path) });
  useEffect(() => {
    applyHead(head, origin);
    // `key` stands for the head's content: a new object with the same content changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, origin]);
}
