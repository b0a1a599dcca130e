import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

interface BoxErrorBoundaryProps {
  /** What the box shows, for the message: "trending stories". */
  what: string;
  children: ReactNode;
}

function BoxError({ what, resetErrorBoundary }: FallbackProps & { what: string }) {
  return (
    <div
      role="alert"
      className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">Could not show {what}</p>
      <p className="mt-1 text-sm">Something in this box went wrong; the rest of the page is fine.</p>
      <button type="button" className="btn-primary mt-3" onClick={() => resetErrorBoundary()}>
        Try again
      </button>
    </div>
  );
}

/**
 * Catches a render error inside one box of the page (a sidebar widget), so a bug
 * or a surprising item takes down that box only; the article and the other boxes
 * stay. "Try again" renders the box afresh.
 */
export function BoxErrorBoundary({ what, children }: BoxErrorBoundaryProps) {
  return (
    <ErrorBoundary
      fallbackRender={(props) => <BoxError {...props} what={what} />}
      onError={(error, info) => console.error(`Could not show ${what}:`, error, info.componentStack)}
    >
      {children}
    </ErrorBoundary>
  );
}
