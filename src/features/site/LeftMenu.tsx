import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { NavLink, useLocation } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
import { StaticRegion } from '../../components/StaticRegion';
import type { Term } from '../../lib/api/schemas';
import { ThemeMenu } from '../preferences';
import { taxonomyQuery } from './api/taxonomy';
import { TodayDate } from './TodayDate';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded px-2 py-1 text-sm hover:bg-brand-50 hover:text-brand-800 hover:underline dark:hover:bg-slate-800 dark:hover:text-sky-200 ${
    isActive ? 'font-semibold text-brand-800 dark:text-sky-300' : 'text-slate-800 dark:text-slate-200'
  }`;

function TermList({ terms, base, labelledBy, onNavigate }: TermListProps) {
  return (
    <ul aria-labelledby={labelledBy} className="mt-2 mb-6 space-y-0.5">
      {terms.map((term) => (
        <li key={term.slug}>
          <NavLink to={`/${base}/${encodeURIComponent(term.slug)}`} className={linkClass} onClick={onNavigate}>
            {term.name}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

interface TermListProps {
  terms: Term[];
  base: 'sector' | 'edition';
  labelledBy: string;
  onNavigate?: () => void;
}

/** SECTORS and EDITIONS from /taxonomy, as a "Sections" landmark. Shared by the column and the drawer. */
function SectionsNav({ onNavigate }: { onNavigate?: () => void }) {
  const sectorsId = useId();
  const editionsId = useId();
  const query = useQuery(taxonomyQuery());
  const loading = query.isPending || (query.isError && query.isFetching);

  return (
    <nav aria-label="Sections">
      {loading ? (
        <LoadingRegion label="Loading sections">
          <div className="space-y-3 py-2">
            {Array.from({ length: 8 }, (_, index) => (
              <SkeletonLine key={index} className="h-4 w-3/4" />
            ))}
          </div>
        </LoadingRegion>
      ) : query.isError ? (
        <ErrorState error={query.error} what="the sections" headingLevel={2} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <h2 id={sectorsId} className="box-title">
            Sectors
          </h2>
          <TermList terms={query.data.sectors} base="sector" labelledBy={sectorsId} onNavigate={onNavigate} />
          <h2 id={editionsId} className="box-title">
            Editions
          </h2>
          <TermList terms={query.data.editions} base="edition" labelledBy={editionsId} onNavigate={onNavigate} />
        </>
      )}
    </nav>
  );
}

/**
 * The persistent left column on large screens (hidden below lg, where the drawer takes over).
 */
export function LeftMenu() {
  const sections = useQuery(taxonomyQuery()).data;
  const { pathname } = useLocation();
  return (
    <aside className="hidden w-56 shrink-0 py-6 lg:block">
      {/* Links only: kept as the server sent them until the sections or the current page change. */}
      <StaticRegion deps={[sections, pathname]}>
        <SectionsNav />
      </StaticRegion>
    </aside>
  );
}

const LARGE_SCREEN = '(min-width: 64rem)';

interface MenuDrawerProps {
  id: string;
  open: boolean;
  onClose: () => void;
  /** Where focus goes back to when the drawer closes: the Menu button. */
  returnFocusRef: RefObject<HTMLElement | null>;
}

/**
 * The left menu as a modal drawer on small screens, with the date and the theme control
 * the phone header leaves out: a native modal <dialog>, so the browser keeps focus inside
 * and the page behind inert. Escape, a link or the backdrop close it; focus returns to the Menu button.
 */
export function MenuDrawer({ id, open, onClose, returnFocusRef }: MenuDrawerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const menuButton = returnFocusRef.current;
    if (!dialog || !open) return;
    // No <dialog> support (old browsers, jsdom): the open attribute, and Layout's inert page.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    closeRef.current?.focus();
    // Growing past lg turns the drawer into the persistent column: close it.
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(LARGE_SCREEN) : null;
    const onMediaChange = (event: MediaQueryListEvent) => {
      if (event.matches) onClose();
    };
    media?.addEventListener('change', onMediaChange);
    return () => {
      media?.removeEventListener('change', onMediaChange);
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      menuButton?.focus();
    };
  }, [open, onClose, returnFocusRef]);

  return (
    <dialog
      id={id}
      ref={dialogRef}
      aria-label="Menu"
      aria-modal={open || undefined}
      onCancel={(event) => {
        event.preventDefault(); // React state closes it
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
      // A click on the dialog itself, not its panel, is a click on the backdrop.
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="fixed inset-y-0 left-0 m-0 h-full max-h-none overflow-y-auto w-80 max-w-[85vw] border-0 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 lg:hidden dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="min-h-full p-4">
        <div className="mb-4 flex items-center justify-between">
          <p className="text-lg font-bold">Menu</p>
          <button type="button" ref={closeRef} onClick={onClose} className="btn-secondary px-3 py-1">
            Close menu
          </button>
        </div>
        {/* Rendered only while open: a closed drawer costs the first commit nothing. */}
        {open && (
          <>
            {/* Where the phone header has no room for them: the date and the theme. */}
            <div className="mb-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4 dark:border-slate-700">
              <TodayDate className="text-sm text-slate-700 dark:text-slate-300" />
              {/* Its panel opens rightwards: the drawer's left edge is the window's. */}
              <ThemeMenu align="left" />
            </div>
            <SectionsNav onNavigate={onClose} />
          </>
        )}
      </div>
    </dialog>
  );
}
