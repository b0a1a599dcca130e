import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "Not found": what was missing, why it may be, the way home, and anything else worth offering. */
export function NotFound({ title, reason, children }: { title: string; reason: string; children?: ReactNode }) {
  return (
    <div>
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">{reason}</p>
      <p className="mt-6">
        <Link to="/" className="btn-primary">
          Go to the home page
        </Link>
      </p>
      {children}
    </div>
  );
}
