/**
 * Every failure the API client can produce is an ApiError with a `kind`, so the UI
 * can say exactly what went wrong and decide whether a retry makes sense.
 */
export type ApiErrorKind =
  | 'network' // no response at all (offline, DNS, refused)
  | 'timeout' // the request hung past the configured timeout
  | 'not_found' // HTTP 404
  | 'bad_request' // HTTP 400/422: the server rejected what we sent
  | 'http' // any other non-2xx status
  | 'invalid_json' // the body was not JSON
  | 'invalid_shape'; // JSON, but not what the contract promises

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: string | null;
  readonly fieldErrors: FieldError[];

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number | null; code?: string | null; fieldErrors?: FieldError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.code = options.code ?? null;
    this.fieldErrors = options.fieldErrors ?? [];
  }

  /** Worth trying again automatically: the server or the network may recover. */
  get isTransient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && this.status !== null && this.status >= 500)
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
