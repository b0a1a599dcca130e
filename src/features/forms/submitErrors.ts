import { isApiError, type ApiError } from '../../lib/api/errors';

/** The server's per-field messages from a 400/422, keyed by field name. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.kind !== 'bad_request') return {};
  return Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field, message]));
}

/** True when the server rejected what was sent (shown next to the fields, not as a failure). */
export function isRejection(error: unknown): error is ApiError {
  return isApiError(error) && error.kind === 'bad_request';
}

/** Why a submission failed, as a clause to follow "We could not …: ". */
export function failureReason(error: unknown): string {
  if (!isApiError(error)) return 'something unexpected went wrong';
  // A content source without this form (a WordPress site with no newsletter or feedback address set).
  if (error.code === 'not_available')
    return 'this site does not take these through the reader; your text is still here to copy';
  switch (error.kind) {
    case 'network':
      return navigator.onLine === false ? 'you seem to be offline' : 'the server could not be reached';
    case 'timeout':
      return 'the server took too long to answer';
    case 'invalid_json':
    case 'invalid_shape':
      return 'the server sent an answer we do not understand';
    case 'not_found':
    case 'bad_request':
    case 'http':
      return `the server had a problem (${error.status ?? 'error'})`;
  }
}

/** Field CSS shared by both forms; the red border follows aria-invalid. */
export const fieldClass =
  'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:aria-invalid:border-red-400';
export const labelClass = 'block text-sm font-semibold text-slate-800 dark:text-slate-200';
export const fieldErrorClass = 'mt-1 text-sm font-semibold text-red-700 dark:text-red-300';
export const successClass = 'text-sm font-semibold text-green-800 dark:text-green-300';
export const failureClass =
  'mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100';
