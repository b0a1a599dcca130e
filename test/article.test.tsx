import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { sanitizeHtml } from '../src/features/article/sanitize';
import { SITE_NAME } from '../src/lib/head';
import { plainText } from '../src/lib/api/richText';
import { server } from './mswServer';
import { REFERENCE_SLUG, renderApp } from './renderApp';

const HEADLINE = 'UPDATE 3-WhatsApp says Russia tried to fully block service to push state app';
const SYNDICATED_NOTE =
  '(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)';

const TRENDING = [
  ['UPDATE 1-China trade negotiator met Westinghouse Electric CEO on Tuesday, commerce ministry says', 'Global'],
  ['Dehradun bizman killing: Two brothers injured in police encounter', 'India'],
  ['IDB president says El Salvador to receive $1.3 billion in 2026', 'Global'],
  ['US FTC raises concerns over accusations Apple News favors articles from left-wing outlets', 'Global'],
] as const;

const OPINION = [
  'Ethical AI needs human dispositions, not one-size-fits-all codes',
  'Structural flaws make generative AI systems hard to secure',
  'Gender blind AI design puts African women at greater privacy risk',
  'Healthcare’s digital twin ambitions clash with ethics, law, and social trust',
];

function referenceStory() {
  const story = db.findStory(REFERENCE_SLUG);
  if (!story) throw new Error('reference story missing from the fixtures');
  return story;
}

/** Answers every story request with the reference story changed by `change`. */
function serveModifiedStory(change: Record<string, unknown>) {
  server.use(http.get('*/stories/:slug', () => HttpResponse.json({ ...referenceStory(), ...change })));
}

function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function findHeadline(name: string | RegExp = HEADLINE) {
  return screen.findByRole('heading', { level: 1, name });
}

describe('article page: the reference story', () => {
  it('shows every field of the story', async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    const article = screen.getByRole('article', { name: HEADLINE });
    const story = referenceStory();
    expect(within(article).getByText(story.summary)).toBeInTheDocument();
    expect(within(article).getByText('Reuters')).toBeInTheDocument();
    const times = within(article).getByText(
      (_, element) => textOf(element) === 'Updated: 12-02-2026 07:18 IST | Created: 12-02-2026 07:18 IST',
    );
    expect(times.querySelectorAll('time[datetime]')).toHaveLength(2);

    const paragraphs = story.body.flatMap((block) => (block.type === 'paragraph' ? [plainText(block.text)] : []));
    expect(paragraphs.length).toBeGreaterThan(2);
    for (const text of paragraphs) expect(within(article).getByText(text)).toBeInTheDocument();
    expect(within(article).getByText(SYNDICATED_NOTE)).toBeInTheDocument();

    const tags = within(article).getByRole('list', { name: 'Tags' });
    expect(within(tags).getAllByRole('listitem').map(textOf)).toEqual(story.tags);

    // The reference story has a picture: it is the page's largest paint.
    const picture = story.image!;
    const image = within(article).getByRole('img', { name: picture.alt });
    expect(image).toHaveAttribute('width', String(picture.width));
    expect(image).toHaveAttribute('fetchpriority', 'high');
  });

  it('shows related stories as cards linking to their articles', async () => {
    const story = referenceStory();
    expect(story.related.length).toBeGreaterThan(0);
    renderApp(`/article/${REFERENCE_SLUG}`);
    const related = await screen.findByRole('region', { name: 'Related stories' });
    for (const card of story.related) {
      const link = within(related).getByRole('link', { name: card.headline });
      expect(link).toHaveAttribute('href', `/article/${card.slug}`);
    }
  });

  it('shows the trending box numbered 1-4 with edition labels, and the opinion list', async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline();
    const aside = screen.getByRole('complementary', { name: 'More news' });

    const trending = within(aside).getByRole('region', { name: /trending/i });
    const rows = await within(trending).findAllByRole('listitem');
    expect(rows).toHaveLength(4);
    rows.forEach((row, index) => {
      const [headline, edition] = TRENDING[index]!;
      expect(within(row).getByRole('link', { name: headline })).toBeInTheDocument();
      expect(within(row).getByText(String(index + 1))).toBeInTheDocument();
      expect(within(row).getByText(edition)).toBeInTheDocument();
    });

    const opinion = within(aside).getByRole('region', { name: 'OPINION / BLOG / INTERVIEW' });
    const opinionLinks = await within(opinion).findAllByRole('link', { name: (name) => OPINION.includes(name) });
    expect(opinionLinks.map(textOf)).toEqual(OPINION);

    expect(within(aside).getByRole('region', { name: 'Latest News' })).toBeInTheDocument();
    expect(within(aside).getByRole('region', { name: 'DevShots' })).toBeInTheDocument();
  });

  it('sets the document title to the headline', async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline();
    await waitFor(() => expect(document.title).toBe(`${HEADLINE} | ${SITE_NAME}`));
  });
});

describe('article page: breadcrumb and sharing', () => {
  it('shows Home › sector › headline, the headline marked as the current page', async () => {
    const story = referenceStory();
    const { user, router } = renderApp(`/article/${REFERENCE_SLUG}`);
    const nav = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    const items = within(within(nav).getByRole('list')).getAllByRole('listitem');
    expect(items.map(textOf)).toEqual(['Home', `›${story.sector!.name}`, `›${HEADLINE}`]);
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    expect(within(nav).getByText(HEADLINE)).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getAllByRole('link')).toHaveLength(2);
    await user.click(within(nav).getByRole('link', { name: story.sector!.name }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sector/${story.sector!.slug}`));
  });

  it('leaves the sector out of the breadcrumb for a story without one', async () => {
    serveModifiedStory({ sector: null });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const nav = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    expect(within(nav).getAllByRole('listitem').map(textOf)).toEqual(['Home', `›${HEADLINE}`]);
  });

  it("shares the story's canonical address and headline", async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    const list = await screen.findByRole('list', { name: 'Share this story' });
    const canonical = `${window.location.origin}/article/${REFERENCE_SLUG}`;
    expect(within(list).getByRole('link', { name: 'Share on WhatsApp' })).toHaveAttribute(
      'href',
      `https://wa.me/?text=${encodeURIComponent(`${HEADLINE} ${canonical}`)}`,
    );
    expect(within(list).getByRole('link', { name: 'Share on Facebook' })).toHaveAttribute(
      'href',
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`,
    );
  });
});

describe('article page: body blocks', () => {
  it('renders every block type', async () => {
    serveModifiedStory({
      syndicated: false,
      body: [
        { type: 'paragraph', text: 'A plain paragraph.' },
        { type: 'heading', text: 'A subheading' },
        { type: 'quote', text: 'Words worth quoting.', attribution: 'A. Speaker' },
        {
          type: 'image',
          src: '/images/chart.png',
          alt: 'A chart of rainfall',
          width: 800,
          height: 450,
          caption: 'Rain',
        },
        { type: 'html', html: '<ul><li>First point</li><li>Second point</li></ul>' },
        {
          type: 'video',
          src: '/media/clip.webm',
          poster: '/media/clip.svg',
          width: 640,
          height: 360,
          duration: 65,
          subtitles: '/media/clip.vtt',
          caption: 'A drone takes off',
        },
        { type: 'video', src: '/media/bare.webm', width: 320, height: 180, duration: 7 },
      ],
    });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const article = await screen.findByRole('article', { name: HEADLINE });

    expect(within(article).getByText('A plain paragraph.').tagName).toBe('P');
    expect(within(article).getByRole('heading', { level: 2, name: 'A subheading' })).toBeInTheDocument();
    const quote = within(article).getByText('Words worth quoting.').closest('blockquote');
    expect(quote).not.toBeNull();
    expect(within(article).getByText('A. Speaker').tagName).toBe('CITE');
    const image = within(article).getByRole('img', { name: 'A chart of rainfall' });
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('height', '450');
    expect(image.closest('figure')).toHaveTextContent('Rain');
    // The sanitizer loads on demand, so the html block may appear a moment after the rest.
    expect((await within(article).findByText('Second point')).tagName).toBe('LI');
    expect(within(article).queryByText(SYNDICATED_NOTE)).not.toBeInTheDocument();

    // The browser's own player, started by the reader, its box reserved, captions offered.
    const video = article.querySelector<HTMLVideoElement>('video[src="/media/clip.webm"]')!;
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'metadata');
    expect(video).not.toHaveAttribute('autoplay');
    expect(video).toHaveAttribute('poster', '/media/clip.svg');
    expect(video).toHaveAttribute('width', '640');
    expect(video).toHaveAttribute('height', '360');
    expect(video).toHaveClass('aspect-video');
    const track = video.querySelector('track');
    expect(track).toHaveAttribute('kind', 'captions');
    expect(track).toHaveAttribute('src', '/media/clip.vtt');
    expect(textOf(video.closest('figure')!.querySelector('figcaption'))).toBe('A drone takes off (Length: 1:05)');
    const bare = article.querySelector<HTMLVideoElement>('video[src="/media/bare.webm"]')!;
    expect(bare).not.toHaveAttribute('poster');
    expect(bare.querySelector('track')).toBeNull();
    expect(bare).toHaveAccessibleName('Video, 7 seconds');
  });

  it('renders quote, image and html blocks from the fixtures', async () => {
    const hasAll = (types: string[]) =>
      db.data.stories.find((story) => types.every((type) => story.body.some((block) => block.type === type)));
    const story = hasAll(['quote', 'image', 'html']) ?? hasAll(['quote']);
    if (!story) throw new Error('no fixture has a quote block');
    renderApp(`/article/${story.slug}`);
    const article = await screen.findByRole('article', { name: story.headline });
    for (const block of story.body) {
      if (block.type === 'quote' && typeof block.text === 'string') {
        expect(within(article).getByText(block.text).closest('blockquote')).not.toBeNull();
      }
      if (block.type === 'quote' && typeof block.attribution === 'string') {
        expect(within(article).getByText(block.attribution).tagName).toBe('CITE');
      }
      if (block.type === 'image' && typeof block.alt === 'string' && block.alt !== '') {
        expect(within(article).getByRole('img', { name: block.alt })).toBeInTheDocument();
      }
    }
    // Links inside the fixture's html blocks point to other sites: each opens safely in a new tab.
    // The sanitizer loads on demand: wait for every html block to be rendered.
    const htmlBlocks = story.body.filter((block) => block.type === 'html').length;
    await waitFor(() => expect(article.querySelectorAll('.safe-html')).toHaveLength(htmlBlocks));
    const external = [...article.querySelectorAll<HTMLAnchorElement>('a[href^="http"]')];
    const linking = story.body.filter((block) => block.type === 'html' && /<a\s/.test(String(block.html)));
    expect(external.length).toBeGreaterThanOrEqual(linking.length);
    for (const link of external) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAttribute('target', '_blank');
    }
  });

  it('shows a block of unknown type as its text, and renders the rest', async () => {
    serveModifiedStory({
      body: [
        { type: 'paragraph', text: 'Before the poll.' },
        { type: 'poll', question: 'Would you read an AI-translated story?', options: ['Yes', 'No'] },
        { type: 'heading', text: 42 },
        { type: 'widget' },
        { type: 'paragraph', text: 'After the poll.' },
      ],
    });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const article = await screen.findByRole('article', { name: HEADLINE });
    const body = article.querySelector('.article-text')!;
    expect([...body.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Before the poll.',
      'Would you read an AI-translated story?',
      'After the poll.',
    ]);
  });

  it('renders rich text: links, emphasis, code, sub/sup, line breaks, abbreviations; unsafe links keep their text', async () => {
    serveModifiedStory({
      body: [
        {
          type: 'paragraph',
          text: [
            'Shares rose ',
            { type: 'strong', children: ['4%'] },
            ', said ',
            {
              type: 'link',
              href: 'https://example.org/report',
              children: ['the ', { type: 'em', children: ['report'] }],
            },
            '; H',
            { type: 'sub', children: ['2'] },
            'O and E=mc',
            { type: 'sup', children: ['2'] },
            { type: 'br' },
            'Run ',
            { type: 'code', children: ['npm test'] },
            ', press ',
            { type: 'kbd', children: ['Ctrl'] },
            ', read the ',
            { type: 'abbr', title: 'World Health Organization', children: ['WHO'] },
            ' note, ',
            { type: 'del', children: ['old'] },
            { type: 'ins', children: ['new'] },
            ', ',
            { type: 'link', href: 'javascript:alert(1)', children: ['bad link'] },
            ', ',
            { type: 'link', href: '/latest', children: ['internal link'] },
            ', ',
            { type: 'blink', children: ['unknown mark'] },
            '.',
          ],
        },
        { type: 'heading', text: ['A ', { type: 'em', children: ['sub'] }, 'heading'], level: 3 },
        {
          type: 'quote',
          text: ['He said ', { type: 'q', children: ['no'] }],
          attribution: [{ type: 'link', href: 'https://example.org/who', children: ['A. Speaker'] }],
        },
      ],
    });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const article = await screen.findByRole('article', { name: HEADLINE });
    expect(within(article).getByText('4%').tagName).toBe('STRONG');
    const report = within(article).getByRole('link', { name: 'the report' });
    expect(report).toHaveAttribute('href', 'https://example.org/report');
    expect(report).toHaveAttribute('rel', 'noopener noreferrer');
    expect(report).toHaveAttribute('target', '_blank');
    expect(within(report).getByText('report').tagName).toBe('EM');
    expect(within(article).getByText('npm test').tagName).toBe('CODE');
    expect(within(article).getByText('Ctrl').tagName).toBe('KBD');
    expect(within(article).getByText('WHO')).toHaveAttribute('title', 'World Health Organization');
    expect(within(article).getByText('old').tagName).toBe('DEL');
    expect(within(article).getByText('new').tagName).toBe('INS');
    const paragraph = within(article).getByText('4%').closest('p')!;
    expect(paragraph.querySelectorAll('sub, sup, br')).toHaveLength(3);
    expect(paragraph).toHaveTextContent(', bad link, ');
    expect(within(article).queryByRole('link', { name: 'bad link' })).toBeNull();
    expect(within(article).getByRole('link', { name: 'internal link' })).not.toHaveAttribute('target');
    expect(paragraph).toHaveTextContent('unknown mark.');
    expect(within(article).getByRole('heading', { level: 3, name: 'A subheading' })).toBeInTheDocument();
    expect(within(article).getByText('no').tagName).toBe('Q');
    expect(within(article).getByRole('link', { name: 'A. Speaker' }).closest('cite')).not.toBeNull();
  });

  it('renders lists, tables, separators, galleries, players, embeds, code, details and footnotes', async () => {
    const cell = (text: unknown, header = false) => ({ text, header, colSpan: null, rowSpan: null });
    serveModifiedStory({
      body: [
        {
          type: 'list',
          ordered: true,
          start: 3,
          items: [
            { text: ['Third, with ', { type: 'em', children: ['stress'] }], list: null },
            { text: 'Fourth', list: { ordered: false, start: null, items: [{ text: 'Nested', list: null }] } },
          ],
        },
        { type: 'separator' },
        {
          type: 'table',
          caption: 'Rainfall by month',
          head: [[cell('Month', true), cell('mm', true)]],
          body: [[cell('June', true), cell(['1', { type: 'sup', children: ['2'] }])]],
          foot: [],
        },
        {
          type: 'gallery',
          images: [
            {
              src: '/a.png',
              alt: 'First picture',
              width: 400,
              height: 300,
              caption: 'First caption',
              href: '/a-large.png',
            },
            { src: '/b.png', alt: 'Second picture', caption: ['Second ', { type: 'strong', children: ['caption'] }] },
          ],
          caption: 'The gallery caption',
        },
        {
          type: 'image',
          src: 'data:image/png;base64,AAAA',
          alt: 'inline data',
          caption: 'Kept caption of a data picture',
        },
        { type: 'audio', src: '/media/talk.mp3', caption: 'The interview' },
        { type: 'video', src: '/media/clip.mp4', caption: 'A clip of unknown size' },
        { type: 'embed', url: 'https://www.youtube.com/watch?v=abc', provider: 'YouTube', title: 'The launch' },
        { type: 'code', text: 'if (a) {\n  b();\n}', language: 'js' },
        { type: 'preformatted', text: 'Roses are red,\n   violets are blue' },
        { type: 'details', summary: 'Method', paragraphs: [['We asked ', { type: 'em', children: ['everyone'] }]] },
        {
          type: 'paragraph',
          text: [
            'A claim',
            { type: 'sup', children: [{ type: 'link', href: '#fn1', id: 'fn1-link', children: ['1'] }] },
          ],
        },
        {
          type: 'footnotes',
          items: [{ id: 'fn1', text: ['The source. ', { type: 'link', href: '#fn1-link', children: ['↩'] }] }],
        },
      ],
    });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const article = await screen.findByRole('article', { name: HEADLINE });

    const ordered = article.querySelector<HTMLElement>('ol[start="3"]')!;
    expect([...ordered.querySelectorAll(':scope > li')].map((li) => li.firstChild?.textContent)).toEqual([
      'Third, with ',
      'Fourth',
    ]);
    expect(within(ordered).getByText('stress').tagName).toBe('EM');
    expect(within(ordered).getByText('Nested').closest('ul')).not.toBeNull();
    expect(article.querySelectorAll('.article-text hr')).toHaveLength(1);

    const table = within(article).getByRole('table', { name: 'Rainfall by month' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Month', 'mm']);
    expect(within(table).getByRole('rowheader', { name: 'June' })).toBeInTheDocument();
    expect(within(table).getByText('2').tagName).toBe('SUP');

    const first = within(article).getByRole('img', { name: 'First picture' });
    expect(first.closest('a')).toHaveAttribute('href', '/a-large.png');
    expect(first.closest('figure')).toHaveTextContent('First caption');
    const second = within(article).getByRole('img', { name: 'Second picture' });
    expect(second).not.toHaveAttribute('width');
    expect(second.closest('figure')).toHaveTextContent('Second caption');
    expect(within(article).getByText('The gallery caption').tagName).toBe('FIGCAPTION');
    expect(within(article).queryByRole('img', { name: 'inline data' })).toBeNull();
    expect(within(article).getByText('Kept caption of a data picture')).toBeInTheDocument();

    const audio = article.querySelector('audio')!;
    expect(audio).toHaveAttribute('controls');
    expect(audio).not.toHaveAttribute('autoplay');
    expect(audio).toHaveAccessibleName('The interview');
    expect(article.querySelector('video[src="/media/clip.mp4"]')).toHaveAttribute('controls');

    const embed = within(article).getByRole('link', { name: /The launch/ });
    expect(embed).toHaveAttribute('href', 'https://www.youtube.com/watch?v=abc');
    expect(embed).toHaveTextContent('YouTube');
    expect(article.querySelector('iframe')).toBeNull();

    expect(article.querySelector('pre code')?.textContent).toBe('if (a) {\n  b();\n}');
    expect(within(article).getByText(/violets are blue/).textContent).toBe('Roses are red,\n   violets are blue');
    expect(within(article).getByText('Method').closest('details')).toHaveTextContent('We asked everyone');

    // Footnote links stay inside the story, under the story's own id prefix.
    const ref = within(article).getByRole('link', { name: '1' });
    expect(ref).toHaveAttribute('href', '#story-fn1');
    expect(ref).toHaveAttribute('id', 'story-fn1-link');
    expect(article.querySelector('#story-fn1')).toHaveTextContent('The source.');
    expect(within(article).getByRole('link', { name: '↩' })).toHaveAttribute('href', '#story-fn1-link');
  });

  it('shows markup in a headline as literal characters', async () => {
    serveModifiedStory({ headline: 'Budget <b>surprise</b> & more' });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const heading = await findHeadline('Budget <b>surprise</b> & more');
    expect(heading.querySelector('b')).toBeNull();
  });

  it('sanitises html blocks', async () => {
    serveModifiedStory({
      body: [
        {
          type: 'html',
          html:
            '<p id="safe">Safe text <a href="https://example.org/report">external report</a> ' +
            '<a href="javascript:alert(1)">bad link</a> <a href="/latest">internal link</a></p>' +
            '<img src="/x.png" alt="pixel" onerror="window.__xss = 1">' +
            '<script>window.__xss = 2</script><iframe src="https://evil.example"></iframe>' +
            '<form action="https://evil.example"><input name="password"></form>',
        },
      ],
    });
    renderApp(`/article/${REFERENCE_SLUG}`);
    const article = await screen.findByRole('article', { name: HEADLINE });
    expect(await within(article).findByText(/Safe text/)).toBeInTheDocument();
    expect(article.querySelector('script, iframe, form, input')).toBeNull();
    expect(within(article).getByRole('img', { name: 'pixel' })).not.toHaveAttribute('onerror');
    expect(within(article).getByText('bad link')).not.toHaveAttribute('href');
    const external = within(article).getByRole('link', { name: 'external report' });
    expect(external).toHaveAttribute('rel', 'noopener noreferrer');
    expect(external).toHaveAttribute('target', '_blank');
    expect(within(article).getByRole('link', { name: 'internal link' })).not.toHaveAttribute('target');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('sanitizeHtml', () => {
  it('removes scripts, handlers, styles, frames, form controls and javascript: URLs', () => {
    const clean = sanitizeHtml(
      '<p onclick="steal()" style="position:fixed">Hi</p><script>x()</script><style>p{}</style>' +
        '<iframe></iframe><object></object><embed><button>b</button><textarea></textarea><select></select>' +
        '<a href=" javascript:alert(1)">x</a><a href="JAVASCRIPT:alert(1)">y</a>',
    );
    expect(clean).toBe('<p>Hi</p>b<a>x</a><a>y</a>');
  });

  it('opens links to other sites in a new tab without an opener, and leaves local ones alone', () => {
    const clean = sanitizeHtml('<a href="http://other.example/a">o</a><a href="/article/x" target="_top">l</a>');
    expect(clean).toBe(
      '<a href="http://other.example/a" target="_blank" rel="noopener noreferrer">o</a><a href="/article/x">l</a>',
    );
  });
});

describe('article page: failures', () => {
  it('shows a not-found view for an unknown story, with a way home', async () => {
    renderApp('/article/no-such-story-anywhere');
    await findHeadline('Story not found');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe(`Story not found | ${SITE_NAME}`));
  });

  it('shows an error with a retry that works once the server recovers', async () => {
    let failing = true;
    let requests = 0;
    server.use(
      http.get('*/stories/:slug', () => {
        requests += 1;
        if (failing) return HttpResponse.json({ error: { code: 'boom', message: 'Boom' } }, { status: 500 });
        return undefined; // fall through to the mock API
      }),
    );
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline('Could not load this story');
    expect(screen.getByText(/The server had a problem \(500\)/)).toBeInTheDocument();
    const before = requests;

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await findHeadline();
    expect(requests).toBe(before + 1);
  });

  it('says the story could not be read when the server sends something that is not JSON', async () => {
    server.use(
      http.get(
        '*/stories/:slug',
        () => new HttpResponse('<html>oops', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline('This story could not be read');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: 'Go to the home page' })).toBeInTheDocument();
  });

  it('keeps the article when the trending box fails', async () => {
    server.use(
      http.get('*/stories', ({ request }) =>
        new URL(request.url).searchParams.get('feed') === 'trending'
          ? HttpResponse.json({ error: { code: 'boom', message: 'Boom' } }, { status: 503 })
          : undefined,
      ),
    );
    renderApp(`/article/${REFERENCE_SLUG}`);
    await findHeadline();
    const trending = screen.getByRole('region', { name: /trending/i });
    expect(await within(trending).findByRole('alert')).toHaveTextContent('Could not load trending stories');
    expect(within(trending).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    const opinion = screen.getByRole('region', { name: 'OPINION / BLOG / INTERVIEW' });
    expect(await within(opinion).findByRole('link', { name: OPINION[0] })).toBeInTheDocument();
  });
});
