import { useEffect, useState } from 'react';
import { useOnlineStatus } from './connection';

export const OFFLINE_MESSAGE = 'You are offline — showing saved and cached stories';
export const BACK_ONLINE_MESSAGE = 'Back online';
/** How long "Back online" stays up. */
export const BACK_ONLINE_VISIBLE_MS = 5000;

/**
 * A polite status line at the foot of the screen: says when the connection is lost
 * and when it is back. The live region is always in the page, so screen readers
 * announce each change of its text.
 */
export function ConnectionNotice() {
  const online = useOnlineStatus();
  const [wasOffline, setWasOffline] = useState(!online);
  const [showBackOnline, setShowBackOnline] = useState(false);

  if (!online && !wasOffline) {
    setWasOffline(true);
    setShowBackOnline(false);
  }
  if (online && wasOffline) {
    setWasOffline(false);
    setShowBackOnline(true);
  }

  useEffect(() => {
    if (!showBackOnline) return;
    const timer = setTimeout(() => setShowBackOnline(false), BACK_ONLINE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [showBackOnline]);

  const message = !online ? OFFLINE_MESSAGE : showBackOnline ? BACK_ONLINE_MESSAGE : null;
  return (
    <div
      role="status"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 print:hidden"
    >
      {message && (
        <p
          className={`pointer-events-auto rounded px-4 py-2 text-sm font-semibold shadow-lg ${
            online ? 'bg-emerald-700 text-white' : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
          }`}
        >
          {message}
        </p>
      )}
    </div>
  );
}
