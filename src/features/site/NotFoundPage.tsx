import { Link } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { useDocumentMeta } from '../../lib/head';

export function NotFoundPage() {
  useDocumentMeta('Page not found');
  return (
    <div className="mx-auto max-w-2xl py-8">
      <NotFound
        title="Page not found"
        reason="There is no page at this address. It may have been moved, or the link may be mistyped."
      >
        <h2 className="mt-8 text-lg font-semibold">Or read</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            <Link to="/latest" className="text-brand-700 underline dark:text-sky-300">
              Latest news
            </Link>
          </li>
          <li>
            <Link to="/trending" className="text-brand-700 underline dark:text-sky-300">
              Trending stories
            </Link>
          </li>
        </ul>
      </NotFound>
    </div>
  );
}
