// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { handlers } from '../mocks/handlers';
import { getResponse } from 'msw';
import { renderLitePage } from '../server/lite';
import { wantsLite } from '../src/lib/liteMode';
import { db } from '../mocks/fixtures';
import { REFERENCE_SLUG } from './renderApp';

/** The mock API as a content source, as the production server uses it. */
const source = async (request: Request) =>
  (await getResponse(handlers, request)) ?? new Response('{"error":{"code":"x","message":"x"}}', { status: 404 });

const page = (path: string) =>
  renderLitePage(new URL(`http://reader.test${path}`), 'https://reader.test', source, 2000);

describe('lite pages', () => {
  it('are wanted for Save-Data or the cookie, and the cookie wins', () => {
    expect(wantsLite(undefined, 'on')).toBe(true);
    expect(wantsLite(undefined, undefined)).toBe(false);
    expect(wantsLite('a=1; reader-lite=on', undefined)).toBe(true);
    expect(wantsLite('reader-lite=off', 'on')).toBe(false);
  });

  it('send an article as text, with no script, pictures as links and the other versions', async () => {
    const result = await page(`/article/${REFERENCE_SLUG}`);
    expect(result?.status).toBe(200);
    const html = result!.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<h1>UPDATE 3-WhatsApp says Russia tried to fully block service to push state app</h1>');
    expect(html).toContain('<a href="/mock-images/messaging-blocked.svg">Picture: Illustration of speech bubbles');
    expect(html).toContain(
      'href="/article/update-2-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app"',
    );
    expect(html).toContain('<form method="post" action="/lite">');
  });

  it('never link to what is not a web or site address', async () => {
    const story = { ...db.findStory(REFERENCE_SLUG)!, image: null };
    story.body = [
      {
        type: 'image',
        src: 'javascript:alert(1)',
        alt: 'A trap',
        width: null,
        height: null,
        caption: null,
        href: null,
      },
      { type: 'paragraph', text: '<script>alert(2)</script>' },
      {
        type: 'paragraph',
        text: [
          'Read ',
          {
            type: 'link',
            href: 'https://example.org/report',
            id: null,
            children: ['the ', { type: 'em', children: ['report'] }],
          },
          ' or ',
          { type: 'link', href: 'javascript:alert(3)', id: null, children: ['this'] },
        ],
      },
    ];
    const trap = async () => Response.json(story);
    const result = await renderLitePage(new URL(`http://reader.test/article/x`), 'https://reader.test', trap, 2000);
    expect(result!.html).toContain('<p>Picture: A trap</p>');
    expect(result!.html).not.toMatch(/javascript:|<script/);
    // The body's links and emphasis are kept, as in the full page.
    expect(result!.html).toMatch(/<a href="https:\/\/example\.org\/report"[^>]*>the <em>report<\/em><\/a>/);
    expect(result!.html).toContain(' or this</p>');
    expect(result!.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('list a feed with each wire story once, and say when a story is missing', async () => {
    const latest = await page('/latest');
    expect(latest!.html.match(/WhatsApp says Russia/g)).toHaveLength(1);
    expect((await page('/article/no-such-story'))?.status).toBe(404);
    // Pages lite has no text version of are left to the app.
    expect(await page('/saved')).toBeNull();
  });
});
