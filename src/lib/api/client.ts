import { loadZod, z } from '../zod';
import { getConfig } from '../config';
import { ApiError, type FieldError } from './errors';
import { buildUrl, send, type QueryParams } from './transport';

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // Optional extension: per-field messages for 400/422, e.g. { "email": "Not an address" }.
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});

async function readErrorBody(response: Response) {
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

async function toHttpError(response: Response): Promise<ApiError> {
  const body = await readErrorBody(response);
  const fieldErrors: FieldError[] = Object.entries(body?.fields ?? {}).map(([field, message]) => ({
    field,
    message,
  }));
  const options = { status: response.status, code: body?.code ?? null, fieldErrors };
  if (response.status === 404) return new ApiError('not_found', body?.message ?? 'Not found', options);
  if (response.status === 400 || response.status === 422)
    return new ApiError('bad_request', body?.message ?? 'The request was rejected', options);
  return new ApiError('http', body?.message ?? `The server answered ${response.status}`, options);
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  params?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One request to the content API: timeout, HTTP status, JSON and schema checks.
 * Anything that goes wrong comes out as an ApiError, never as a raw exception.
 */
export async function apiRequest<T>(path: string, schema: z.ZodMiniType<T>, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', params, body, signal } = options;
  const timeout = AbortSignal.timeout(getConfig().requestTimeoutMs);
  const request = new Request(buildUrl(path, params), {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });

  let response: Response;
  try {
    // zod's chunk loads beside the first request: nothing is validated before one.
    [response] = await Promise.all([send(request), loadZod()]);
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', 'The server took too long to answer', { cause: error });
    if (signal?.aborted) throw error; // cancelled by the caller (e.g. React Query); not a failure to show
    throw new ApiError('network', 'Could not reach the server', { cause: error });
  }

  if (!response.ok) throw await toHttpError(response);

  let json: unknown;
  try {
    const text = await response.text();
    // 202/204 may come with no body at all; that is not malformed JSON.
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', 'The server took too long to answer', { cause: error });
    throw new ApiError('invalid_json', 'The server sent something that is not JSON', {
      status: response.status,
      cause: error,
    });
  }
  return parseResponse(json, schema, response.status);
}

/** Validates decoded JSON against a schema; exported for the parsing tests. */
export function parseResponse<T>(json: unknown, schema: z.ZodMiniType<T>, status: number | null = null): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiError('invalid_shape', 'The server sent data in an unexpected shape', {
      status,
      cause: result.error,
    });
  }
  return result.data;
}
