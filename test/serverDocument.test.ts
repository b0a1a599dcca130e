// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headTags } from '../src/lib/head';
import { inlineScripts } from '../server/csp';
import { createDocumentTemplate, escapeHtml, scriptJson } from '../server/document';

const HOSTILE = `</script><script>alert(1)</script>" onerror="x" '&`;

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <!--app-head-->
    <title>Site</title>
    <meta name="description" content="generic" />
    <link rel="preload" href="/config.json" as="fetch" crossorigin />
    <!--/app-head-->
    <!-- a comment -->
    <script>var theme = 1;</script>
  </head>
  <body>
    <!--app-html-->
    <div id="root"><main>the shell</main></div>
    <!--/app-html-->
    <!--static-only-->
    <script src="/theme-init.js" defer></script>
    <!--/static-only-->
  </body>
</html>`;

describe('escaping for each context', () => {
  it('text and attributes: nothing can open a tag or leave the quotes', () => {
    expect(escapeHtml(HOSTILE)).toBe(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x&quot; &#39;&amp;',
    );
  });

  it('JSON inside <script>: no < > & or line separators, and it parses back to the same value', () => {
    const value = { text: `${HOSTILE}\u2028\u2029` };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the document template', () => {
  it('hashes exactly the inline scripts that run, not data blocks or files', () => {
    expect(inlineScripts(TEMPLATE)).toEqual(['var theme = 1;']);
    expect(inlineScripts('<script type="application/ld+json">{}</script><script src="/a.js"></script>')).toEqual([]);
    const { csp } = createDocumentTemplate(TEMPLATE);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'; /);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('swaps the shell for the page, writes its head and state, keeps the rest', () => {
    const template = createDocumentTemplate(TEMPLATE);
    const html = template.render(
      {
        status: 200,
        head: { title: HOSTILE, description: 'Own description' },
        html: '<h1>Story</h1>',
        state: {
          origin: HOSTILE,
          config: { apiBaseUrl: '/api' },
          renderedAt: 1,
          queries: { mutations: [], queries: [] },
        },
      },
      'https://news.example.com',
      '/article/a',
    );
    expect(html).not.toContain('the shell');
    expect(html).not.toContain('generic');
    // The settings are in the state (src/lib/config.ts): config.json is for static hosts.
    expect(html).not.toContain('config.json');
    expect(html).toContain('<!-- a comment -->');
    expect(html).toContain(`<title>${escapeHtml(HOSTILE)} | Devdiscourse Reader</title>`);
    expect(html).toContain('<div id="root"><h1>Story</h1></div>');
    expect(html).toContain('<link rel="canonical" href="https://news.example.com/article/a"');
    expect(html).toContain('<script type="application/json" id="server-state">{"origin":');
    expect(html).toContain('"config":{"apiBaseUrl":"/api"}');
    expect(html).not.toContain('theme-init.js');
    // A hostile field in the state or the head never opens an element of its own.
    expect(html).not.toContain('<script>alert(1)');
  });

  it('refuses a build without the markers of what it replaces', () => {
    expect(() => createDocumentTemplate('<html><head><title>x</title></head><body></body></html>')).toThrow(
      /npm run build/,
    );
    expect(() => createDocumentTemplate(TEMPLATE.replace('<!--/app-html-->', ''))).toThrow(/app-html/);
  });
});

describe('headTags', () => {
  it('makes every URL absolute on the site origin and falls back to the site picture', () => {
    const tags = headTags({ title: 'T', description: null }, 'https://news.example.com', '/latest');
    const content = (name: string) =>
      tags.find((tag) => tag.tag === 'meta' && tag.name === name)?.tag === 'meta'
        ? (tags.find((tag) => tag.tag === 'meta' && tag.name === name) as { content: string }).content
        : null;
    expect(content('og:url')).toBe('https://news.example.com/latest');
    expect(content('og:image')).toBe('https://news.example.com/icons/share-card.png');
    expect([content('og:image:width'), content('og:image:height'), content('og:image:type')]).toEqual([
      '1200',
      '630',
      'image/png',
    ]);
    expect(content('twitter:image:alt')).toBe('Devdiscourse Reader');
    expect(content('twitter:card')).toBe('summary_large_image');
    expect(content('description')).toMatch(/News on development/);
    // Feed readers find the page's feed (the latest news when it names none) in RSS and Atom.
    expect(tags.filter((tag) => tag.tag === 'link' && tag.rel === 'alternate')).toEqual([
      expect.objectContaining({ type: 'application/rss+xml', href: 'https://news.example.com/feeds/latest.xml' }),
      expect.objectContaining({ type: 'application/atom+xml', href: 'https://news.example.com/feeds/latest.atom' }),
    ]);
  });

  it("names a page's own feed, and the site's locale and X account on every page when configured", () => {
    const tags = headTags(
      { title: 'Health', description: null, feed: { title: 'Health', path: '/feeds/sector/health' } },
      'https://news.example.com',
      '/sector/health',
    );
    const rss = tags.find((tag) => tag.tag === 'link' && tag.type === 'application/rss+xml');
    expect(rss).toMatchObject({ href: 'https://news.example.com/feeds/sector/health.xml', title: 'Health (RSS)' });
    const template = createDocumentTemplate(TEMPLATE, [], { locale: 'en_IN', twitterSite: '@devdiscourse' });
    const html = template.render(
      {
        status: 200,
        head: { title: 'x', description: null },
        html: '',
        state: { origin: '', renderedAt: 1, queries: { mutations: [], queries: [] } },
      },
      'https://news.example.com',
      '/',
    );
    expect(html).toContain('<meta property="og:locale" content="en_IN" />');
    expect(html).toContain('<meta name="twitter:site" content="@devdiscourse" />');
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Devdiscourse Reader: Latest News (RSS)" href="https://news.example.com/feeds/latest.xml" data-page-head />',
    );
  });
});
