import { getResponse } from 'msw';
import { handlers } from '../../mocks/handlers';
import { contractError, type ContentSource } from './types';

/** The built-in mock data: the same msw handlers the app's static build and the tests answer with. */
export function createMockSource(): ContentSource {
  return async (request) =>
    (await getResponse(handlers, request)) ??
    contractError(404, 'not_found', `No endpoint ${request.method} ${new URL(request.url).pathname}`);
}
