import { Link } from 'react-router';
import type { Term } from '../../lib/api/schemas';

interface BreadcrumbProps {
  sector: Term | null;
  headline: string;
}

const LINK_CLASS = 'shrink-0 text-brand-700 underline-offset-2 hover:underline dark:text-sky-300';

/**
 * Home › sector › headline, above the article. One line whatever the headline's length
 * (it is cut with an ellipsis; the full headline is the h1 just below).
 */
export function Breadcrumb({ sector, headline }: BreadcrumbProps) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 flex h-5 overflow-hidden text-sm leading-5 whitespace-nowrap">
      <ol className="flex min-w-0 items-center gap-1.5">
        <li className="flex shrink-0 items-center">
          <Link to="/" className={LINK_CLASS}>
            Home
          </Link>
        </li>
        {sector && (
          <li className="flex shrink-0 items-center gap-1.5">
            <Separator />
            <Link to={`/sector/${encodeURIComponent(sector.slug)}`} className={LINK_CLASS}>
              {sector.name}
            </Link>
          </li>
        )}
        <li className="flex min-w-0 items-center gap-1.5">
          <Separator />
          <span aria-current="page" className="truncate text-slate-700 dark:text-slate-300">
            {headline}
          </span>
        </li>
      </ol>
    </nav>
  );
}

/** The "›" between items is decoration: the list already says they are steps. */
function Separator() {
  return (
    <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
      ›
    </span>
  );
}
