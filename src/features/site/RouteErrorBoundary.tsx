import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useDocumentMeta } from '../../lib/useDocumentMeta';
import { useIsInsideLayout } from './layoutContext';
import { NotFoundContent } from './NotFoundPage';

/** Errors already logged, so a re-render (or Strict Mode) does not log twice. */
const logged = new WeakSet<object>();

function logOnce(error: unknown) {
  if (typeof error === 'object' && error !== null) {
    if (logged.has(error)) return;
    logged.add(error);
  }
  console.error('Route error:', error);
}

function SomethingWentWrong() {
  return (
    <div role="alert" className="mx-auto max-w-2xl py-8">
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        Something went wrong on this page
      </h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        This is our fault, not yours. Trying again usually helps; if it does not, the home page should work.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={() => window.location.reload()}>
          Try again
        </button>
        <Link to="/" className="btn-secondary">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}

/**
 * Shown instead of a route that failed to load or render. Calm words and a way out;
 * the details go to the console, never to the reader.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const insideLayout = useIsInsideLayout();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentMeta(notFound ? 'Page not found' : 'Something went wrong');

  useEffect(() => {
    if (!notFound) logOnce(error);
  }, [error, notFound]);

  const content = notFound ? <NotFoundContent /> : <SomethingWentWrong />;
  // Below the Layout we are already inside its <main>; at the root we stand alone.
  return insideLayout ? (
    content
  ) : (
    <main id="main" tabIndex={-1} className="px-4">
      {content}
    </main>
  );
}
