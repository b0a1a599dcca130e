/**
 * Sitemaps (sitemaps.org 0.9) and the Google News sitemap. Every value passes through
 * escapeXml; the documents are small and flat, so no XML library is needed to write them.
 */
import type { Taxonomy } from '../../src/features/site/api/taxonomy';
import type { StoryCard } from '../../src/lib/api/schemas';
import type { StoryIndexEntry } from './content';
import { escapeXml } from './text';

/** The protocol's limit per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: the last two days, at most a thousand stories. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const storyUrl = (origin: string, slug: string) => new URL(`/article/${encodeURIComponent(slug)}`, origin).href;
const w3c = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function sitemapIndex(origin: string, storyPages: number, lastmods: (string | null)[]): string {
  const entries = [
    ...Array.from({ length: storyPages }, (_, index) => ({
      loc: new URL(`/sitemaps/stories-${index + 1}.xml`, origin).href,
      lastmod: lastmods[index] ?? null,
    })),
    { loc: new URL('/sitemaps/pages.xml', origin).href, lastmod: null },
    { loc: new URL('/sitemaps/news.xml', origin).href, lastmod: null },
  ];
  const body = entries
    .map(
      (entry) =>
        `  <sitemap><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${w3c(entry.lastmod)}</lastmod>` : ''}</sitemap>`,
    )
    .join('\n');
  return `${HEAD}<sitemapindex xmlns="${NS}">\n${body}\n</sitemapindex>\n`;
}

export function storySitemap(origin: string, entries: StoryIndexEntry[]): string {
  const body = entries
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(storyUrl(origin, entry.slug))}</loc><lastmod>${w3c(entry.updatedAt)}</lastmod></url>`,
    )
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}">\n${body}\n</urlset>\n`;
}

/** Home, the section pages, every sector and edition, and the page listing the feeds. */
export function pagesSitemap(origin: string, taxonomy: Taxonomy): string {
  const paths = [
    '/',
    '/latest',
    '/trending',
    '/opinion',
    '/devshots',
    '/feeds',
    ...taxonomy.sectors.map((term) => `/sector/${encodeURIComponent(term.slug)}`),
    ...taxonomy.editions.map((term) => `/edition/${encodeURIComponent(term.slug)}`),
  ];
  const body = paths
    .map((path) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc><changefreq>hourly</changefreq></url>`)
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}">\n${body}\n</urlset>\n`;
}

export interface Publication {
  name: string;
  /** ISO 639 code, e.g. en. */
  language: string;
}

export function newsSitemap(origin: string, stories: StoryCard[], publication: Publication): string {
  const body = stories
    .map((story) =>
      [
        '  <url>',
        `    <loc>${escapeXml(storyUrl(origin, story.slug))}</loc>`,
        '    <news:news>',
        '      <news:publication>',
        `        <news:name>${escapeXml(publication.name)}</news:name>`,
        `        <news:language>${escapeXml(publication.language)}</news:language>`,
        '      </news:publication>',
        `      <news:publication_date>${w3c(story.publishedAt)}</news:publication_date>`,
        `      <news:title>${escapeXml(story.headline)}</news:title>`,
        '    </news:news>',
        '  </url>',
      ].join('\n'),
    )
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}

export function robotsTxt(origin: string, allow: boolean): string {
  if (!allow) return 'User-agent: *\nDisallow: /\n';
  return [
    'User-agent: *',
    'Allow: /',
    // The JSON API and search results are not pages to index.
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${new URL('/sitemap.xml', origin).href}`,
    `Sitemap: ${new URL('/sitemaps/news.xml', origin).href}`,
    '',
  ].join('\n');
}
