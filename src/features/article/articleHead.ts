import { SITE_IMAGE, SITE_NAME, type PageHeadExtras } from '../../lib/head';
import { storyPath } from '../feeds';
import type { Story } from './api/story';

/**
 * An article's Open Graph tags and its structured data (NewsArticle and the breadcrumb
 * Home > sector > story), for link previews and search engines.
 */
export function articleHead(story: Story): PageHeadExtras {
  const path = storyPath(story.slug);
  const image = story.image ?? SITE_IMAGE;
  return {
    path,
    type: 'article',
    image: story.image,
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
          image: [absolute(image.src)],
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
