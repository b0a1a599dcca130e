import { Link } from 'react-router';
import { isApiError } from '../lib/api/errors';

/** What to tell the reader for a failed request; specific, never a stack trace. */
export function describeError(error: unknown, what = 'this'): { title: string; detail: string } {
  if (!isApiError(error)) return { title: `Something went wrong loading ${what}`, detail: 'Please try again.' };
  switch (error.kind) {
    case 'network':
      return {
        title: `Could not load ${what}`,
        detail:
          navigator.onLine === false
            ? 'You are offline. Check your connection and try again.'
            : 'The server could not be reached. Check your connection and try again.',
      };
    case 'timeout':
      return { title: `Could not load ${what}`, detail: 'The server took too long to answer.' };
    case 'not_found':
      return { title: `Could not find ${what}`, detail: 'It may have been moved or removed.' };
    case 'invalid_json':
    case 'invalid_shape':
      return { title: `${capitalise(what)} could not be read`, detail: 'The server sent data we do not understand.' };
    case 'bad_request':
    case 'http':
      return { title: `Could not load ${what}`, detail: `The server had a problem (${error.status ?? 'error'}).` };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface ErrorStateProps {
  error: unknown;
  /** What failed to load, e.g. "this story" or "trending stories". */
  what?: string;
  onRetry?: () => void;
  /** Offer a link home too (full-page errors). */
  showHomeLink?: boolean;
  /** Heading level for the title; full-page errors use h1. */
  headingLevel?: 1 | 2 | 3;
}

export function ErrorState({ error, what, onRetry, showHomeLink = false, headingLevel = 2 }: ErrorStateProps) {
  const { title, detail } = describeError(error, what);
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      role="alert"
      className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      <Heading className="font-semibold" tabIndex={headingLevel === 1 ? -1 : undefined}>
        {title}
      </Heading>
      <p className="mt-1 text-sm">{detail}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        {onRetry && (
          <button type="button" onClick={onRetry} className="btn-primary">
            Try again
          </button>
        )}
        {showHomeLink && (
          <Link to="/" className="btn-secondary">
            Go to the home page
          </Link>
        )}
      </div>
    </div>
  );
}
