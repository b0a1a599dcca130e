import { getResponse } from 'msw';
import { handlers } from '../../mocks/handlers';
import type { ContentSource } from './types';

/** The built-in mock data: the same msw handlers the app's static build and the tests answer with. */
export function createMockSource(): ContentSource {
  return async (request) =>
    (await getResponse(handlers, request)) ??
    Response.json(
      { error: { code: 'not_found', message: `No endpoint ${request.method} ${new URL(request.url).pathname}` } },
      { status: 404 },
    );
}
