/**
 * Story bodies from the markup WordPress itself renders, block type by block type
 * (Gutenberg's saved markup and the classic editor's shortcode output), and from what
 * real sites add: resolved oEmbeds, tweets, unrendered shortcodes, images without a size.
 */
import { describe, expect, it } from 'vitest';
import { bodyBlocks, mediaIdsWithoutSize } from '../../server/content/wordpress/blocks.ts';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { storySchema } from '../../src/features/article/api/story';
import { bodySchema } from '../../src/lib/api/schemas';

const context = { base: 'https://news.example.com', media: new Map() };
const blocks = (html: string) => bodyBlocks(html, context);
const link = (href: string, children: unknown[], id: string | null = null) => ({ type: 'link', href, id, children });

describe('WordPress story bodies: text', () => {
  it('keeps every inline mark WordPress writes, mapping b, i and strike to the contract’s marks', () => {
    const html =
      '<p>A <b>bold</b>, <strong>strong</strong>, <i>italic</i> and <em>em</em> word; <code>npm ci</code>, H<sub>2</sub>O, x<sup>2</sup>, <del>gone</del> <ins>new</ins> <s>old</s> <strike>struck</strike>, <kbd>Ctrl</kbd>, <small>fine print</small>, <mark>marked</mark>, <q>quoted</q>, <abbr title="World Health Organization">WHO</abbr>, <cite>Book</cite>, <span style="color:red">red</span>, <font color="blue">blue</font>, <u>under</u>.</p>';
    expect(blocks(html)).toEqual([
      {
        type: 'paragraph',
        text: [
          'A ',
          { type: 'strong', children: ['bold'] },
          ', ',
          { type: 'strong', children: ['strong'] },
          ', ',
          { type: 'em', children: ['italic'] },
          ' and ',
          { type: 'em', children: ['em'] },
          ' word; ',
          { type: 'code', children: ['npm ci'] },
          ', H',
          { type: 'sub', children: ['2'] },
          'O, x',
          { type: 'sup', children: ['2'] },
          ', ',
          { type: 'del', children: ['gone'] },
          ' ',
          { type: 'ins', children: ['new'] },
          ' ',
          { type: 's', children: ['old'] },
          ' ',
          { type: 's', children: ['struck'] },
          ', ',
          { type: 'kbd', children: ['Ctrl'] },
          ', ',
          { type: 'small', children: ['fine print'] },
          ', ',
          { type: 'mark', children: ['marked'] },
          ', ',
          { type: 'q', children: ['quoted'] },
          ', ',
          { type: 'abbr', title: 'World Health Organization', children: ['WHO'] },
          ', Book, red, blue, under.',
        ],
      },
    ]);
  });

  it('keeps web, mail, relative and fragment links, and drops only the link of a javascript: one', () => {
    const html =
      '<p><a href="https://example.org/a" target="_blank" rel="noopener">web</a> <a href="mailto:desk@example.com">mail</a> <a href="/2024/06/other-post/">ours</a> <a href="page.html">relative</a> <a href="#note">jump</a> <a href="javascript:alert(1)">bad</a> <a name="anchor">named</a></p>';
    expect(blocks(html)).toEqual([
      {
        type: 'paragraph',
        text: [
          link('https://example.org/a', ['web']),
          ' ',
          link('mailto:desk@example.com', ['mail']),
          ' ',
          link('https://news.example.com/2024/06/other-post/', ['ours']),
          ' ',
          link('https://news.example.com/page.html', ['relative']),
          ' ',
          link('#note', ['jump']),
          ' bad named',
        ],
      },
    ]);
  });

  it('keeps line breaks inside a paragraph and collapses the markup’s white space', () => {
    expect(blocks('<p>  Line one,<br />\n  line   two.&nbsp;<br></p>')).toEqual([
      { type: 'paragraph', text: ['Line one,', { type: 'br' }, 'line two.'] },
    ]);
  });

  it('reads a classic-editor div with inline spans as one paragraph, not one per span', () => {
    const html =
      '<div>The council <span class="hl">voted</span> on <span>Tuesday</span> to <a href="/x">delay</a> it.</div>';
    expect(blocks(html)).toEqual([
      {
        type: 'paragraph',
        text: ['The council voted on Tuesday to ', link('https://news.example.com/x', ['delay']), ' it.'],
      },
    ]);
  });

  it('maps headings with their level (h1 becomes 2, the headline is the page’s h1) and their marks', () => {
    const html =
      '<h1>Top</h1><h2 class="wp-block-heading">A picture is worth a thousand words</h2><h4 class="wp-block-heading">The <em>Inserter</em> Tool</h4>';
    expect(blocks(html)).toEqual([
      { type: 'heading', text: ['Top'], level: 2 },
      { type: 'heading', text: ['A picture is worth a thousand words'], level: 2 },
      { type: 'heading', text: ['The ', { type: 'em', children: ['Inserter'] }, ' Tool'], level: 4 },
    ]);
  });

  it('degrades unknown elements to their text, never to nothing', () => {
    expect(
      blocks('<marquee>Scrolling</marquee><custom-widget><p>Inside</p></custom-widget><button>Press</button>'),
    ).toEqual([
      { type: 'paragraph', text: ['Scrolling'] },
      { type: 'paragraph', text: ['Inside'] },
      { type: 'paragraph', text: ['Press'] },
    ]);
  });

  it('turns a bare URL WordPress could not embed into an embed card', () => {
    expect(blocks('<p>https://www.youtube.com/watch?v=abc</p>')).toEqual([
      { type: 'embed', url: 'https://www.youtube.com/watch?v=abc', provider: 'YouTube', title: null, caption: null },
    ]);
  });
});

describe('WordPress story bodies: quotes, lists, tables, code', () => {
  it('keeps a quote’s paragraphs and marks, its cite as attribution, and marks a pull quote', () => {
    const html = `<blockquote class="wp-block-quote"><p>There is no <em>greater</em> agony.</p><p>Second.</p><cite>Maya Angelou</cite></blockquote>
<figure class="wp-block-pullquote"><blockquote><p>Paragraph <strong>one</strong></p><cite>— by whomever</cite></blockquote></figure>`;
    expect(blocks(html)).toEqual([
      {
        type: 'quote',
        text: ['There is no ', { type: 'em', children: ['greater'] }, ' agony.', '\n\n', 'Second.'],
        attribution: ['Maya Angelou'],
        pull: false,
      },
      {
        type: 'quote',
        text: ['Paragraph ', { type: 'strong', children: ['one'] }],
        attribution: ['by whomever'],
        pull: true,
      },
    ]);
  });

  it('maps lists as typed blocks, nested lists, start numbers and marks kept', () => {
    const html =
      '<ol start="3"><li>Three <em>a</em><ul><li>Nested <a href="https://example.org/">link</a></li></ul></li><li>Four</li></ol>';
    expect(blocks(html)).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          {
            text: ['Three ', { type: 'em', children: ['a'] }],
            list: {
              ordered: false,
              start: null,
              items: [{ text: ['Nested ', link('https://example.org/', ['link'])], list: null }],
            },
          },
          { text: ['Four'], list: null },
        ],
      },
    ]);
  });

  it('maps a table with head, body, foot, header cells, spans and the figure’s caption', () => {
    const html = `<figure class="wp-block-table"><table><thead><tr><th scope="col">Version</th><th>Musician</th></tr></thead><tbody><tr><td><a href="https://wordpress.org/news/2003/05/">.70</a></td><td rowspan="2">No <strong>musician</strong></td></tr><tr><td colspan="1">1.0</td></tr></tbody><tfoot><tr><td colspan="2">Footer</td></tr></tfoot></table><figcaption class="wp-element-caption">A table for testing</figcaption></figure>`;
    const cell = (text: unknown[], header = false, colSpan: number | null = null, rowSpan: number | null = null) => ({
      text,
      header,
      colSpan,
      rowSpan,
    });
    expect(blocks(html)).toEqual([
      {
        type: 'table',
        caption: ['A table for testing'],
        head: [[cell(['Version'], true), cell(['Musician'], true)]],
        body: [
          [
            cell([link('https://wordpress.org/news/2003/05/', ['.70'])]),
            cell(['No ', { type: 'strong', children: ['musician'] }], false, null, 2),
          ],
          [cell(['1.0'])],
        ],
        foot: [[cell(['Footer'], false, 2)]],
      },
    ]);
  });

  it('keeps code with its white space and language, and preformatted text and verse as rich text', () => {
    const html = `<pre class="wp-block-code"><code class="language-js">export default function MyButton() {
\treturn &lt;Button&gt;Click Me!&lt;/Button&gt;;
}</code></pre><pre class="wp-block-preformatted">Some <em>preformatted</em>   text...<br>And more!</pre><pre class="wp-block-verse">A <em>verse</em>…
  indented</pre>`;
    expect(blocks(html)).toEqual([
      {
        type: 'code',
        text: 'export default function MyButton() {\n\treturn <Button>Click Me!</Button>;\n}',
        language: 'js',
      },
      {
        type: 'preformatted',
        text: ['Some ', { type: 'em', children: ['preformatted'] }, '   text...', { type: 'br' }, 'And more!'],
      },
      { type: 'preformatted', text: ['A ', { type: 'em', children: ['verse'] }, '…\n  indented'] },
    ]);
  });

  it('maps details and summary, footnotes with the body’s sup.fn links, and separators', () => {
    const html = `<details class="wp-block-details"><summary>Details <em>Summary</em></summary><p>Details Content</p><p>More</p></details>
<p>A claim<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">1</a></sup>.</p>
<hr class="wp-block-separator has-alpha-channel-opacity"/><hr>
<ol class="wp-block-footnotes"><li id="f1">The source. <a href="#f1-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>`;
    expect(blocks(html)).toEqual([
      {
        type: 'details',
        summary: ['Details ', { type: 'em', children: ['Summary'] }],
        paragraphs: [['Details Content'], ['More']],
      },
      { type: 'paragraph', text: ['A claim', { type: 'sup', children: [link('#f1', ['1'], 'f1-link')] }, '.'] },
      { type: 'separator' },
      { type: 'separator' },
      { type: 'footnotes', items: [{ id: 'f1', text: ['The source. ', link('#f1-link', ['↩︎'])] }] },
    ]);
  });

  it('keeps MathML as sanitized markup, without anything executable', () => {
    const html =
      '<div class="wp-block-math"><math display="block" onclick="alert(1)"><mi>x</mi><mo>=</mo><mn>2</mn><script>alert(2)</script></math></div>';
    const [block, ...rest] = blocks(html);
    expect(rest).toEqual([]);
    expect(block).toEqual({ type: 'html', html: '<math display="block"><mi>x</mi><mo>=</mo><mn>2</mn></math>' });
  });
});

describe('WordPress story bodies: pictures, players, embeds', () => {
  it('reads a captioned image with its link and size, and one of unknown size still with its caption', () => {
    const html = `<figure class="wp-block-image size-large"><a href="https://news.example.com/big.png"><img src="https://news.example.com/a.png" alt="A chart" width="1024" height="640" class="wp-image-5"/></a><figcaption class="wp-element-caption">Output by <em>quarter</em>.</figcaption></figure>
<figure class="wp-block-image"><img src="/b.png" alt="B"/><figcaption>No size</figcaption></figure>`;
    expect(blocks(html)).toEqual([
      {
        type: 'image',
        src: 'https://news.example.com/a.png',
        alt: 'A chart',
        width: 1024,
        height: 640,
        caption: ['Output by ', { type: 'em', children: ['quarter'] }, '.'],
        href: 'https://news.example.com/big.png',
      },
      {
        type: 'image',
        src: 'https://news.example.com/b.png',
        alt: 'B',
        width: null,
        height: null,
        caption: ['No size'],
        href: null,
      },
    ]);
  });

  it('drops a data: picture but keeps its caption; asks other sites’ http pictures over https', () => {
    const html = `<figure class="wp-block-image aligncenter"><img src="data:image/png;base64,iVBORw0KGgo=" alt=""/><figcaption class="wp-element-caption">Give it a try.</figcaption></figure>
<p><img src="http://1.gravatar.com/avatar/ae?s=96" alt="" width="96" height="96"></p>`;
    expect(blocks(html)).toEqual([
      { type: 'paragraph', text: ['Give it a try.'] },
      {
        type: 'image',
        src: 'https://1.gravatar.com/avatar/ae?s=96',
        alt: '',
        width: 96,
        height: 96,
        caption: null,
        href: null,
      },
    ]);
  });

  it('keeps a Gutenberg gallery’s every caption and link and the gallery’s caption', () => {
    const html = `<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><figure class="wp-block-image size-large"><a href="https://news.example.com/one/"><img src="https://news.example.com/1.jpg" alt="One" class="wp-image-1"/></a><figcaption class="wp-element-caption">First <strong>one</strong></figcaption></figure><figure class="wp-block-image size-large"><img src="https://news.example.com/2.jpg" alt="Two" width="800" height="600" class="wp-image-2"/></figure><figcaption class="blocks-gallery-caption wp-element-caption">Gallery caption.</figcaption></figure>`;
    expect(blocks(html)).toEqual([
      {
        type: 'gallery',
        images: [
          {
            src: 'https://news.example.com/1.jpg',
            alt: 'One',
            width: null,
            height: null,
            caption: ['First ', { type: 'strong', children: ['one'] }],
            href: 'https://news.example.com/one/',
          },
          { src: 'https://news.example.com/2.jpg', alt: 'Two', width: 800, height: 600, caption: null, href: null },
        ],
        caption: ['Gallery caption.'],
      },
    ]);
  });

  it('keeps a classic [gallery]’s items (dl, dt, dd) with their captions and links', () => {
    const html = `<div id='gallery-1' class='gallery galleryid-1 gallery-columns-2 gallery-size-thumbnail'><dl class='gallery-item'><dt class='gallery-icon landscape'><a href='https://news.example.com/a/'><img width="150" height="113" src="https://news.example.com/a.jpg" alt="Coast" /></a></dt><dd class='wp-caption-text gallery-caption'>Coastline in Huatulco</dd></dl><dl class='gallery-item'><dt class='gallery-icon'><img width="150" height="150" src="https://news.example.com/b.jpg" alt="Boat" /></dt></dl><br style="clear: both" /></div>`;
    expect(blocks(html)).toEqual([
      {
        type: 'gallery',
        images: [
          {
            src: 'https://news.example.com/a.jpg',
            alt: 'Coast',
            width: 150,
            height: 113,
            caption: ['Coastline in Huatulco'],
            href: 'https://news.example.com/a/',
          },
          { src: 'https://news.example.com/b.jpg', alt: 'Boat', width: 150, height: 150, caption: null, href: null },
        ],
        caption: null,
      },
    ]);
  });

  it('maps video and audio (block and shortcode markup) to players with their captions track', () => {
    const html = `<figure class="wp-block-video"><video controls poster="/poster.jpg" src="https://news.example.com/clip.mp4" width="640" height="360"><track kind="captions" src="/clip.vtt" srclang="en"></video><figcaption class="wp-element-caption">The line at dawn</figcaption></figure>
<!--[if lt IE 9]><script>document.createElement('audio');</script><![endif]-->
<audio class="wp-audio-shortcode" id="audio-587-1" preload="none" style="width: 100%;" controls="controls"><source type="audio/mpeg" src="https://news.example.com/blues.mp3?_=1" /><a href="https://news.example.com/blues.mp3">https://news.example.com/blues.mp3</a></audio>`;
    expect(blocks(html)).toEqual([
      {
        type: 'video',
        src: 'https://news.example.com/clip.mp4',
        poster: 'https://news.example.com/poster.jpg',
        width: 640,
        height: 360,
        duration: null,
        subtitles: 'https://news.example.com/clip.vtt',
        caption: ['The line at dawn'],
      },
      { type: 'audio', src: 'https://news.example.com/blues.mp3?_=1', duration: null, subtitles: null, caption: null },
    ]);
  });

  it('turns a resolved YouTube embed (an iframe) into a card for the video, with the frame’s title', () => {
    const html = `<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
<iframe title="Launch" width="500" height="281" src="https://www.youtube.com/embed/abc123?feature=oembed" allowfullscreen></iframe>
</div></figure>`;
    expect(blocks(html)).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/embed/abc123?feature=oembed',
        provider: 'YouTube',
        title: 'Launch',
        caption: null,
      },
    ]);
  });

  it('keeps a tweet as a quote with its links and a card for X, and drops its widget script', () => {
    const html = `<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">
<blockquote class="twitter-tweet"><p lang="en">Polls close at eight. <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Election Desk (@desk) <a href="https://twitter.com/desk/status/1">May 1, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>
</div></figure>`;
    expect(blocks(html)).toEqual([
      {
        type: 'quote',
        text: ['Polls close at eight. ', link('https://t.co/x', ['pic.twitter.com/x'])],
        attribution: ['Election Desk (@desk) ', link('https://twitter.com/desk/status/1', ['May 1, 2026'])],
        pull: false,
      },
      { type: 'embed', url: 'https://twitter.com/desk/status/1', provider: 'X', title: null, caption: null },
    ]);
  });

  it('makes an unresolved embed (Instagram, a generic site) a card with its caption', () => {
    const html = `<figure class="wp-block-embed is-provider-instagram wp-block-embed-instagram"><div class="wp-block-embed__wrapper">
https://www.instagram.com/p/abc/
</div></figure><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
    https://example.com/
</div><figcaption class="wp-element-caption">Embedded content from an example URL</figcaption></figure>`;
    expect(blocks(html)).toEqual([
      { type: 'embed', url: 'https://www.instagram.com/p/abc/', provider: 'Instagram', title: null, caption: null },
      {
        type: 'embed',
        url: 'https://example.com/',
        provider: null,
        title: null,
        caption: ['Embedded content from an example URL'],
      },
    ]);
  });

  it('makes buttons and file blocks paragraphs with links, the file name and "Download" apart', () => {
    const html = `<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="https://example.org/donate">Donate</a></div><div class="wp-block-button"><a class="wp-block-button__link">No link</a></div></div>
<div class="wp-block-file"><a id="wp-block-file--media-1" href="https://news.example.com/report.pdf" target="_blank" rel="noreferrer noopener">6546</a><a href="https://news.example.com/report.pdf" class="wp-block-file__button" download aria-describedby="wp-block-file--media-1">Download</a></div>`;
    expect(blocks(html)).toEqual([
      { type: 'paragraph', text: [link('https://example.org/donate', ['Donate'])] },
      { type: 'paragraph', text: ['No link'] },
      {
        type: 'paragraph',
        text: [
          link('https://news.example.com/report.pdf', ['6546'], 'wp-block-file--media-1'),
          ' ',
          link('https://news.example.com/report.pdf', ['Download']),
        ],
      },
    ]);
  });

  it('flattens columns, groups, media-text and covers in reading order', () => {
    const html = `<div class="wp-block-group"><div class="wp-block-columns"><div class="wp-block-column"><h2>Numbers</h2><p>Up <strong>4%</strong>.</p></div><div class="wp-block-column"><p>Second column</p></div></div></div>
<div class="wp-block-media-text"><figure class="wp-block-media-text__media"><img src="https://news.example.com/m.jpg" alt="my alt"/></figure><div class="wp-block-media-text__content"><p>Content</p></div></div>
<div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background has-background-dim"></span><div class="wp-block-cover__inner-container"><p class="has-text-align-center">Guten Berg!</p></div></div>`;
    expect(blocks(html)).toEqual([
      { type: 'heading', text: ['Numbers'], level: 2 },
      { type: 'paragraph', text: ['Up ', { type: 'strong', children: ['4%'] }, '.'] },
      { type: 'paragraph', text: ['Second column'] },
      {
        type: 'image',
        src: 'https://news.example.com/m.jpg',
        alt: 'my alt',
        width: null,
        height: null,
        caption: null,
        href: null,
      },
      { type: 'paragraph', text: ['Content'] },
      { type: 'paragraph', text: ['Guten Berg!'] },
    ]);
  });

  it('reads unrendered [caption] and [gallery] shortcodes as an image with its text', () => {
    const html =
      '<p>[caption id="attachment_7" align="alignnone" width="300"]<img class="size-medium wp-image-7" src="/wp-content/uploads/road.png" alt="A road" width="300" height="200" /> The road on Monday.[/caption]</p>\n<p>[gallery ids="7,8"]</p>\n<p>Water rose overnight.</p>';
    expect(blocks(html)).toEqual([
      {
        type: 'image',
        src: 'https://news.example.com/wp-content/uploads/road.png',
        alt: 'A road',
        width: 300,
        height: 200,
        caption: ['The road on Monday.'],
        href: null,
      },
      { type: 'paragraph', text: ['Water rose overnight.'] },
    ]);
  });

  it('every block it makes is valid in the contract, nothing dropped by the client', () => {
    const html = `<p>Text <em>x</em></p><hr><ul><li>a</li></ul><table><tr><td>1</td></tr></table><pre><code>x</code></pre><details><summary>S</summary><p>P</p></details><figure class="wp-block-audio"><audio src="/a.mp3"></audio></figure>`;
    const made = blocks(html);
    expect(made).toHaveLength(7);
    expect(bodySchema.parse(made)).toEqual(made);
  });

  it('takes a missing image size from the media endpoint with one extra request', async () => {
    const html =
      '<figure class="wp-block-image"><img src="https://news.example.com/a.png" alt="" class="wp-image-41"/><figcaption>Chart</figcaption></figure>';
    expect(mediaIdsWithoutSize(html)).toEqual([41]);
    const media = new Map([[41, { width: 1200, height: 800, alt: 'A chart of rainfall' }]]);
    expect(bodyBlocks(html, { base: context.base, media })).toEqual([
      {
        type: 'image',
        src: 'https://news.example.com/a.png',
        alt: 'A chart of rainfall',
        width: 1200,
        height: 800,
        caption: ['Chart'],
        href: null,
      },
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
                    title: { rendered: '' },
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
    // An untitled post reads as WordPress's own "(no title)", not as a missing story.
    expect(story.headline).toBe('(no title)');
    expect(story.updatedAt).toBe('2026-05-01T09:00:00Z');
    expect(calls.filter((url) => url.pathname.endsWith('/media'))).toHaveLength(1);
    expect(calls.find((url) => url.pathname.endsWith('/media'))?.searchParams.get('include')).toBe('41');
  });
});

describe('WordPress breaking feed', () => {
  it('answers feed=breaking with the breaking category’s posts, newest first', async () => {
    const calls: URL[] = [];
    const post = (id: number, slug: string) => ({
      id,
      slug,
      title: { rendered: slug },
      excerpt: { rendered: '' },
      date_gmt: `2026-05-0${id}T08:00:00`,
      categories: [7],
    });
    const source = createWordPressSource({
      url: 'https://news.example.com',
      fetch: async (input) => {
        const url = new URL(String(input));
        calls.push(url);
        const route = url.pathname.replace('/wp-json', '');
        const body =
          route === '/wp/v2/categories'
            ? [
                { id: 7, name: 'Breaking', slug: 'breaking', parent: 0, count: 2 },
                { id: 8, name: 'Politics', slug: 'politics', parent: 0, count: 5 },
              ]
            : [post(3, 'newer'), post(2, 'older')];
        return new Response(JSON.stringify(body), {
          headers: { 'content-type': 'application/json', 'x-wp-totalpages': '1' },
        });
      },
    });
    const response = await source(new Request('http://reader.test/stories?feed=breaking&limit=5'));
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { slug: string; breaking: boolean }[]; nextCursor: null };
    expect(page.items.map((item) => [item.slug, item.breaking])).toEqual([
      ['newer', true],
      ['older', true],
    ]);
    const asked = calls.find((url) => url.pathname.endsWith('/posts'));
    expect(asked?.searchParams.get('categories')).toBe('7');
    expect(asked?.searchParams.get('orderby')).toBe('date');
    expect(asked?.searchParams.get('order')).toBe('desc');
  });

  it('answers an empty breaking feed on a site without a breaking category', async () => {
    const source = createWordPressSource({
      url: 'https://news.example.com',
      fetch: async () =>
        new Response(JSON.stringify([{ id: 8, name: 'Politics', slug: 'politics', parent: 0, count: 5 }]), {
          headers: { 'content-type': 'application/json', 'x-wp-totalpages': '1' },
        }),
    });
    const response = await source(new Request('http://reader.test/stories?feed=breaking'));
    expect(await response.json()).toEqual({ items: [], nextCursor: null });
  });
});

describe('WordPress story bodies: layout lists', () => {
  it('reads a list whose items hold headings or pictures (a query loop) as blocks, not list items', () => {
    const html = `<ul class="wp-block-post-template"><li class="wp-block-post"><h2 class="wp-block-post-title">Template: Sticky</h2><div class="wp-block-post-date"><time>January 7, 2012</time></div></li><li><figure><img src="/a.jpg" alt="A" width="2" height="1"></figure></li></ul><ul><li>A plain <ul><li>nested</li></ul></li></ul>`;
    expect(blocks(html)).toEqual([
      { type: 'heading', text: ['Template: Sticky'], level: 2 },
      { type: 'paragraph', text: ['January 7, 2012'] },
      {
        type: 'image',
        src: 'https://news.example.com/a.jpg',
        alt: 'A',
        width: 2,
        height: 1,
        caption: null,
        href: null,
      },
      {
        type: 'list',
        ordered: false,
        start: null,
        items: [
          { text: ['A plain'], list: { ordered: false, start: null, items: [{ text: ['nested'], list: null }] } },
        ],
      },
    ]);
  });

  it('keeps a list whose items hold headings (a query loop’s post titles) a list, their text in the items', () => {
    const html = `<ul class="wp-block-post-template"><li class="wp-block-post"><h2 class="wp-block-post-title">Template: Sticky</h2><div class="wp-block-post-date"><time>January 7, 2012</time></div></li></ul>`;
    expect(blocks(html)).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        items: [{ text: ['Template: Sticky', { type: 'br' }, 'January 7, 2012'], list: null }],
      },
    ]);
  });
});

describe('WordPress story bodies: line breaks', () => {
  it('keeps a blank line (two breaks) inside a paragraph, and drops breaks at its edges', () => {
    expect(blocks('<p><br>Stanza one,<br><br>stanza <em>two </em><br>end.<br></p>')).toEqual([
      {
        type: 'paragraph',
        text: [
          'Stanza one,',
          { type: 'br' },
          { type: 'br' },
          'stanza ',
          { type: 'em', children: ['two'] },
          { type: 'br' },
          'end.',
        ],
      },
    ]);
  });
});

describe('WordPress story bodies: other sites on plain http', () => {
  it('asks another site’s player, poster and captions over https, and the site’s own as they are', () => {
    const html = `<video src="http://cdn.example.org/a.mp4" poster="http://cdn.example.org/a.jpg"><track kind="captions" src="http://cdn.example.org/a.vtt"></video><audio src="http://news.example.com/b.mp3"></audio>`;
    expect(bodyBlocks(html, { base: 'http://news.example.com', media: new Map() })).toEqual([
      {
        type: 'video',
        src: 'https://cdn.example.org/a.mp4',
        poster: 'https://cdn.example.org/a.jpg',
        width: null,
        height: null,
        duration: null,
        subtitles: 'https://cdn.example.org/a.vtt',
        caption: null,
      },
      { type: 'audio', src: 'http://news.example.com/b.mp3', duration: null, subtitles: null, caption: null },
    ]);
  });
});
