/**
 * The mock content API: msw handlers implementing contract v1 (docs/api.md).
 * Written once; used in-process by the app in mock mode (dev and static builds),
 * by Vitest through msw/node, and by the Node test server in test/server.
 */
import { http, HttpResponse } from 'msw';
import type { FeedName, MockDb } from './db';

const FEEDS: readonly FeedName[] = ['latest', 'trending', 'opinion', 'devshots', 'breaking'];
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50;

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
  return HttpResponse.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

/** Cursors are opaque to clients; here they just carry an offset. */
export function encodeCursor(offset: number): string {
  return btoa(`offset:${offset}`);
}

function decodeCursor(cursor: string): number | null {
  try {
    const match = /^offset:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function readJsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Matches any origin, so the same handlers answer for the mock base URL and a test base URL. */
export function createApiHandlers(db: MockDb) {
  return [
    http.get('*/stories', ({ request }) => {
      const url = new URL(request.url);
      const feed = url.searchParams.get('feed');
      if (!feed || !FEEDS.includes(feed as FeedName)) {
        return apiError(400, 'bad_parameter', `feed must be one of ${FEEDS.join(', ')}`);
      }
      const limitParam = url.searchParams.get('limit');
      const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        return apiError(400, 'bad_parameter', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
      }
      const cursor = url.searchParams.get('cursor');
      const offset = cursor === null ? 0 : decodeCursor(cursor);
      if (offset === null) return apiError(400, 'bad_parameter', 'cursor is not valid');

      // An unknown sector or edition is a missing page, not an empty one.
      const taxonomy = db.taxonomy();
      const sector = url.searchParams.get('sector');
      if (sector && !taxonomy.sectors.some((term) => term.slug === sector)) {
        return apiError(404, 'not_found', 'No sector with that address');
      }
      const edition = url.searchParams.get('edition');
      if (edition && !taxonomy.editions.some((term) => term.slug === edition)) {
        return apiError(404, 'not_found', 'No edition with that address');
      }
      const all = db.listStories({
        feed: feed as FeedName,
        sector: url.searchParams.get('sector'),
        edition: url.searchParams.get('edition'),
        tag: url.searchParams.get('tag'),
        q: url.searchParams.get('q'),
      });
      const items = all.slice(offset, offset + limit);
      const nextCursor = offset + limit < all.length ? encodeCursor(offset + limit) : null;
      return HttpResponse.json({ items, nextCursor });
    }),

    http.get('*/stories/:slug', ({ params }) => {
      const story = db.findStory(String(params.slug));
      return story ? HttpResponse.json(story) : apiError(404, 'not_found', 'No story with that address');
    }),

    http.get('*/taxonomy', () => HttpResponse.json(db.taxonomy())),

    http.post('*/newsletter', async ({ request }) => {
      const body = await readJsonBody(request);
      if (!body) return apiError(400, 'bad_request', 'Send a JSON object');
      if (typeof body.email !== 'string' || !EMAIL.test(body.email)) {
        return apiError(422, 'invalid_email', 'That email address does not look right', {
          email: 'Enter an email address like name@example.com',
        });
      }
      return HttpResponse.json({ ok: true }, { status: 202 });
    }),

    http.post('*/feedback', async ({ request }) => {
      const body = await readJsonBody(request);
      if (!body) return apiError(400, 'bad_request', 'Send a JSON object');
      const fields: Record<string, string> = {};
      if (typeof body.message !== 'string' || body.message.trim().length === 0) fields.message = 'Write a message';
      if (body.email != null && (typeof body.email !== 'string' || !EMAIL.test(body.email))) {
        fields.email = 'Enter an email address like name@example.com';
      }
      if (Object.keys(fields).length > 0)
        return apiError(422, 'invalid_feedback', 'Some fields need attention', fields);
      return HttpResponse.json({ ok: true }, { status: 202 });
    }),
  ];
}
