import { useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, useLocation } from 'react-router';
import { useDocumentMeta } from '../../lib/head';
import { useIsInsideLayout } from './layoutContext';

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

/** The page shown for a route that failed to load or render. */
function RouteErrorPage({ error }: { error: unknown }) {
  const insideLayout = useIsInsideLayout();
  useDocumentMeta('Something went wrong');
  useEffect(() => logOnce(error), [error]);
  // Below the Layout we are already inside its <main>; at the root we stand alone.
  return insideLayout ? (
    <SomethingWentWrong />
  ) : (
    <main id="main" tabIndex={-1} className="px-4">
      <SomethingWentWrong />
    </main>
  );
}

/**
 * Shown instead of a route that failed to load (its code) or render. Calm words and a
 * way out; the details go to the console, never to the reader.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // A new address clears the error: the reader went elsewhere.
  return (
    <ErrorBoundary resetKeys={[pathname]} fallbackRender={({ error }) => <RouteErrorPage error={error} />}>
      {children}
    </ErrorBoundary>
  );
}
