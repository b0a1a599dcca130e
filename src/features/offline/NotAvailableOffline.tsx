import { Link } from 'react-router';
import { isApiError } from '../../lib/api/errors';
import { isBrowserOnline } from './connection';

/** The request failed because there is no connection (not because the server is broken). */
export function isOfflineFailure(error: unknown): boolean {
  return isApiError(error) && (error.kind === 'network' || error.kind === 'timeout') && !isBrowserOnline();
}

/** For a story that was never opened or saved, while offline. */
export function NotAvailableOffline() {
  return (
    <div>
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        This story is not available offline
      </h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        You are offline and this story was not opened or saved on this device. It will load when the connection is back.
        Stories you saved can be read now.
      </p>
      <p className="mt-4 flex flex-wrap gap-3">
        <Link to="/saved" className="btn-primary">
          Open your reading list
        </Link>
        <Link to="/" className="btn-secondary">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
