import fc from 'fast-check';
import type { z } from 'zod/mini';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { fetchStory, storySchema } from '../src/features/article/api/story';
import { feedPageSchema, fetchFeedPage } from '../src/features/feeds/api/feed';
import { apiRequest, parseResponse } from '../src/lib/api/client';
import { ApiError } from '../src/lib/api/errors';
import { setConfig } from '../src/lib/config';
import { REFERENCE_SLUG } from './renderApp';
import { server } from './mswServer';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

/** Every story request hangs, and the client gives up after 50 ms. */
function storiesHangWithShortTimeout() {
  setConfig({ requestTimeoutMs: 50 });
  server.use(
    http.get('*/stories/:slug', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  );
}

describe('API client', () => {
  it('parses a story from the mock API', async () => {
    const story = await fetchStory(REFERENCE_SLUG);
    expect(story.headline).toBe('UPDATE 3-WhatsApp says Russia tried to fully block service to push state app');
    expect(story.source).toBe('Reuters');
    expect(story.syndicated).toBe(true);
  });

  it('turns a network failure into a transient "network" error', async () => {
    server.use(http.get('*/stories/:slug', () => HttpResponse.error()));
    const error = await caught(fetchStory('any'));
    expect(error.kind).toBe('network');
    expect(error.isTransient).toBe(true);
  });

  it('abandons a request that hangs past the timeout', async () => {
    storiesHangWithShortTimeout();
    const error = await caught(fetchStory('any'));
    expect(error.kind).toBe('timeout');
    expect(error.isTransient).toBe(true);
  });

  it('reports 500 as a transient http error with the server message', async () => {
    server.use(
      http.get('*/stories/:slug', () =>
        HttpResponse.json({ error: { code: 'boom', message: 'Database down' } }, { status: 500 }),
      ),
    );
    const error = await caught(fetchStory('any'));
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'boom', message: 'Database down' });
    expect(error.isTransient).toBe(true);
  });

  it('reports 404 as not_found, which is not retried', async () => {
    const error = await caught(fetchStory('no-such-story'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'not_found' });
    expect(error.isTransient).toBe(false);
  });

  it('reports 400 from a bad parameter as bad_request', async () => {
    const error = await caught(apiRequest('/stories', feedPageSchema, { params: { feed: 'nonsense' } }));
    expect(error).toMatchObject({ kind: 'bad_request', status: 400 });
  });

  it('carries field errors from a 422', async () => {
    const error = await caught(apiRequest('/newsletter', feedPageSchema, { method: 'POST', body: { email: 'x' } }));
    expect(error.kind).toBe('bad_request');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  it('reports a body that is not JSON as invalid_json', async () => {
    server.use(http.get('*/stories/:slug', () => new HttpResponse('<html>oops', { status: 200 })));
    const error = await caught(fetchStory('any'));
    expect(error.kind).toBe('invalid_json');
    expect(error.isTransient).toBe(false);
  });

  it('reports JSON of the wrong shape as invalid_shape', async () => {
    server.use(http.get('*/stories/:slug', () => HttpResponse.json({ headline: 42 })));
    const error = await caught(fetchStory('any'));
    expect(error.kind).toBe('invalid_shape');
  });

  it('keeps the good items of a feed and reports a malformed one once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = await fetchFeedPage({ feed: 'latest', limit: 3 }, null);
    const [first, ...rest] = page.items;
    server.use(
      http.get('*/stories', () =>
        HttpResponse.json({ items: [{ ...first, slug: 'broken-one', headline: null }, ...rest], nextCursor: null }),
      ),
    );
    const filtered = await fetchFeedPage({ feed: 'latest' }, null);
    expect(filtered.items.map((item) => item.slug)).toEqual(rest.map((item) => item.slug));
    await fetchFeedPage({ feed: 'latest' }, null);
    const reports = warn.mock.calls.filter((call) => String(call[0]).includes('broken-one'));
    expect(reports).toHaveLength(1);
  });

  it('treats absent nullable fields as null and shows an unknown block as its text', async () => {
    const story = await fetchStory(REFERENCE_SLUG);
    const raw = {
      ...story,
      byline: undefined,
      source: null,
      image: undefined,
      body: [{ type: 'poll', question: 'Which?' }, { type: 'widget' }, ...story.body],
    };
    const parsed = parseResponse(JSON.parse(JSON.stringify(raw)), storySchema);
    expect(parsed.byline).toBeNull();
    expect(parsed.source).toBeNull();
    expect(parsed.image).toBeNull();
    // The poll keeps its words; a block with no text at all is left out.
    expect(parsed.body).toEqual([{ type: 'paragraph', text: ['Which?'] }, ...story.body]);
  });
});

describe('parsing arbitrary JSON', () => {
  it('never throws anything but the client’s own ApiError', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blockish = fc.record(
      { type: fc.constantFrom('paragraph', 'heading', 'quote', 'image', 'html', 'poll'), text: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const storyish = fc.record(
      {
        slug: fc.oneof(fc.string(), fc.jsonValue()),
        headline: fc.oneof(fc.string(), fc.jsonValue()),
        body: fc.oneof(fc.array(blockish), fc.jsonValue()),
        items: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), storyish), (json) => {
        for (const schema of [storySchema, feedPageSchema] as z.ZodMiniType<unknown>[]) {
          try {
            parseResponse(json, schema);
          } catch (error) {
            if (!(error instanceof ApiError) || error.kind !== 'invalid_shape') throw error;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
