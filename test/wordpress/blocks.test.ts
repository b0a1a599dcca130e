/**
 * Story bodies from markup real WordPress sites produce beyond the seeded test site:
 * resolved oEmbeds (iframes), tweets, unrendered shortcodes, images without a size.
 */
import { describe, expect, it } from 'vitest';
import { bodyBlocks, mediaIdsWithoutSize } from '../../server/content/wordpress/blocks.ts';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { storySchema } from '../../src/features/article/api/story';

const context = { base: 'https://news.example.com', media: new Map() };

describe('WordPress story bodies', () => {
  it('turns a resolved YouTube embed (an iframe) into a link to the video', () => {
    const html = `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
<iframe title="Launch" width="500" height="281" src="https://www.youtube.com/embed/abc123?feature=oembed" allowfullscreen></iframe>
</div></figure>`;
    expect(bodyBlocks(html, context)).toEqual([
      {
        type: 'html',
        html: '<p><a href="https://www.youtube.com/embed/abc123?feature=oembed">Youtube: https://www.youtube.com/embed/abc123?feature=oembed</a></p>',
      },
    ]);
  });

  it('keeps a tweet as a quote and drops its widget script', () => {
    const html = `<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">
<blockquote class="twitter-tweet"><p lang="en">Polls close at eight.</p>&mdash; Election Desk (@desk) <a href="https://twitter.com/desk/status/1">May 1, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>
</div></figure>`;
    expect(bodyBlocks(html, context)).toEqual([
      { type: 'quote', text: 'Polls close at eight.', attribution: 'Election Desk (@desk) May 1, 2026' },
      {
        type: 'html',
        html: '<p><a href="https://twitter.com/desk/status/1">Twitter: https://twitter.com/desk/status/1</a></p>',
      },
    ]);
  });

  it('reads unrendered [caption] and [gallery] shortcodes as an image with its text', () => {
    const html =
      '<p>[caption id="attachment_7" align="alignnone" width="300"]<img class="size-medium wp-image-7" src="/wp-content/uploads/road.png" alt="A road" width="300" height="200" /> The road on Monday.[/caption]</p>\n<p>[gallery ids="7,8"]</p>\n<p>Water rose overnight.</p>';
    expect(bodyBlocks(html, context)).toEqual([
      {
        type: 'image',
        src: 'https://news.example.com/wp-content/uploads/road.png',
        alt: 'A road',
        width: 300,
        height: 200,
        caption: 'The road on Monday.',
      },
      { type: 'paragraph', text: 'Water rose overnight.' },
    ]);
  });

  it('takes a missing image size from the media endpoint, and shows an image of unknown size as markup', async () => {
    const html =
      '<figure class="wp-block-image"><img src="https://news.example.com/a.png" alt="" class="wp-image-41"/><figcaption>Chart</figcaption></figure><p><img src="https://news.example.com/b.png" alt="B"></p>';
    expect(mediaIdsWithoutSize(html)).toEqual([41]);
    const media = new Map([[41, { width: 1200, height: 800, alt: 'A chart of rainfall' }]]);
    expect(bodyBlocks(html, { base: context.base, media })).toEqual([
      {
        type: 'image',
        src: 'https://news.example.com/a.png',
        alt: 'A chart of rainfall',
        width: 1200,
        height: 800,
        caption: 'Chart',
      },
      { type: 'html', html: '<img src="https://news.example.com/b.png" alt="B">' },
    ]);

    // Through the source: one extra WordPress request, to /wp/v2/media, only for such images.
    const calls: URL[] = [];
    const source = createWordPressSource({
      url: 'https://news.example.com',
      fetch: async (input) => {
        const url = new URL(String(input));
        calls.push(url);
        const route = url.pathname.replace('/wp-json', '');
        const body =
          route === '/wp/v2/media'
            ? [{ id: 41, alt_text: 'A chart of rainfall', media_details: { width: 1200, height: 800 } }]
            : route === '/wp/v2/categories'
              ? []
              : [
                  {
                    id: 1,
                    slug: 'rain',
                    title: { rendered: 'Rain' },
                    excerpt: { rendered: '' },
                    content: { rendered: html },
                    date_gmt: '2026-05-01T08:00:00',
                    modified_gmt: '2026-05-01T09:00:00',
                  },
                ];
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      },
    });
    const response = await source(new Request('http://reader.test/stories/rain'));
    const story = storySchema.parse(await response.json());
    expect(story.body[0]).toMatchObject({ type: 'image', width: 1200, height: 800 });
    expect(story.updatedAt).toBe('2026-05-01T09:00:00Z');
    expect(calls.filter((url) => url.pathname.endsWith('/media'))).toHaveLength(1);
    expect(calls.find((url) => url.pathname.endsWith('/media'))?.searchParams.get('include')).toBe('41');
  });

  it('reads through groups and columns, and keeps lists and code as sanitized markup', () => {
    const html = `<div class="wp-block-group"><div class="wp-block-columns"><div class="wp-block-column">
<h2>Numbers</h2><p>Up <strong>4%</strong>.</p></div><div class="wp-block-column"><ol style="color:red" onclick="x()"><li>One</li></ol></div></div></div>
<pre class="wp-block-code"><code>npm ci</code></pre><hr class="wp-block-separator"/>`;
    expect(bodyBlocks(html, context)).toEqual([
      { type: 'heading', text: 'Numbers' },
      { type: 'paragraph', text: 'Up 4%.' },
      { type: 'html', html: '<ol><li>One</li></ol>' },
      { type: 'html', html: '<pre class="wp-block-code"><code>npm ci</code></pre>' },
    ]);
  });
});
