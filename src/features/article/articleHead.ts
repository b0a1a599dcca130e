import { SITE_IMAGE, SITE_NAME, type HeadImage, type PageHeadExtras } from '../../lib/head';
import { storyPath } from '../feeds';
import type { Story } from './api/story';

/** Pictures every network shows in a preview: JPEG, PNG or WebP of at least 1200×630. */
const SHARE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};
export const SHARE_MIN = { width: 1200, height: 630 };

/** The version a drawn card's address carries, so a changed story gets a new address. */
export function cardVersion(updatedAt: string): string {
  return Date.parse(updatedAt).toString(36);
}

/** The story's own picture when networks show it; otherwise the card the server draws for it. */
export function shareImage(story: Story): HeadImage {
  const image = story.image;
  const extension = image ? /\.([a-z0-9]+)(?:[?#]|$)/i.exec(image.src)?.[1]?.toLowerCase() : undefined;
  const type = extension ? SHARE_TYPES[extension] : undefined;
  if (image && type && image.width >= SHARE_MIN.width && image.height >= SHARE_MIN.height) {
    return { ...image, alt: image.alt || story.headline, type };
  }
  return {
    src: `/cards/${encodeURIComponent(story.slug)}.png?v=${cardVersion(story.updatedAt)}`,
    width: 1200,
    height: 630,
    alt: story.headline,
    type: 'image/png',
  };
}

/**
 * An article's Open Graph tags and its structured data (NewsArticle and the breadcrumb
 * Home > sector > story), for link previews and search engines.
 */
export function articleHead(story: Story): PageHeadExtras {
  const path = storyPath(story.slug);
  const share = shareImage(story);
  // Search engines want a raster first (the shared picture); the story's own follows when it differs.
  const images = [share.src, ...(story.image && story.image.src !== share.src ? [story.image.src] : [])];
  return {
    path,
    type: 'article',
    image: share,
    feed: story.sector
      ? { title: `${SITE_NAME}: ${story.sector.name}`, path: `/feeds/sector/${encodeURIComponent(story.sector.slug)}` }
      : undefined,
    article: {
      publishedTime: story.publishedAt,
      modifiedTime: story.updatedAt,
      section: story.sector?.name ?? null,
      tags: story.tags,
    },
    jsonLd: (absolute) => {
      const author = story.byline
        ? { '@type': 'Person', name: story.byline }
        : { '@type': 'Organization', name: story.source ?? SITE_NAME };
      const crumbs = [
        { name: 'Home', item: absolute('/') },
        ...(story.sector
          ? [{ name: story.sector.name, item: absolute(`/sector/${encodeURIComponent(story.sector.slug)}`) }]
          : []),
        { name: story.headline, item: absolute(path) },
      ];
      return [
        {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: story.headline,
          description: story.summary,
          image: images.map(absolute),
          datePublished: story.publishedAt,
          dateModified: story.updatedAt,
          author,
          ...(story.sector ? { articleSection: story.sector.name } : {}),
          ...(story.tags.length > 0 ? { keywords: story.tags.join(', ') } : {}),
          publisher: {
            '@type': 'Organization',
            name: SITE_NAME,
            logo: {
              '@type': 'ImageObject',
              url: absolute(SITE_IMAGE.src),
              width: SITE_IMAGE.width,
              height: SITE_IMAGE.height,
            },
          },
          mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(path) },
        },
        {
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, ...crumb })),
        },
      ];
    },
  };
}
