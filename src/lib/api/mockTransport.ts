import { getResponse } from 'msw';
import { handlers } from '../../../mocks/handlers';
import type { Transport } from './transport';

export const mockTransport: Transport = async (request) => {
  const response = await getResponse(handlers, request);
  return (
    response ??
    Response.json(
      { error: { code: 'not_found', message: `No mock handler for ${request.method} ${request.url}` } },
      { status: 404 },
    )
  );
};
