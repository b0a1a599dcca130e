/**
 * A content source answers the content API contract (docs/api.md) for the server's
 * `/api`. The request's URL path is the contract path, e.g. `/stories?feed=latest`,
 * `/stories/<slug>`, `/taxonomy`, `POST /newsletter`; its origin means nothing.
 * The response is the contract's JSON (or its Error with the contract's status).
 *
 * Sources: the built-in mock data (the msw handlers), an upstream API that already
 * speaks the contract (`API_BASE_URL`), and WordPress's REST API (`CONTENT_SOURCE=wordpress`).
 */
export type ContentSource = ((request: Request) => Promise<Response>) & {
  /** Forgets cached upstream answers (a purge: the next request asks the source again). */
  invalidate?: () => void;
  /** Asks the source itself, past any cache (for /readyz). */
  ready?: () => Promise<boolean>;
};

/** The contract's Error body (docs/api.md) with its status: every source and the server's `/api` answer failures so. */
export function contractError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}
