import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { NavLink } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingRegion, SkeletonLine } from '../../components/Skeleton';
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
  return (
    <aside className="hidden w-56 shrink-0 py-6 lg:block">
      <SectionsNav />
    </aside>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusableIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'));
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
 * the phone header leaves out. While open it keeps focus inside
 * (Tab wraps), Escape / a link / the backdrop close it, and focus returns to the Menu button.
 */
export function MenuDrawer({ id, open, onClose, returnFocusRef }: MenuDrawerProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (!open) {
      if (wasOpen.current) {
        wasOpen.current = false;
        returnFocusRef.current?.focus();
      }
      return;
    }
    wasOpen.current = true;
    closeRef.current?.focus();

    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';

    const onKeyDown = (event: KeyboardEvent) => {
      const panel = panelRef.current;
      if (!panel) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusableIn(panel);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      const inside = active instanceof Node && panel.contains(active);
      if (event.shiftKey && (active === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);

    // Growing past lg turns the drawer into the persistent column: close it.
    const media = typeof window.matchMedia === 'function' ? window.matchMedia(LARGE_SCREEN) : null;
    const onMediaChange = (event: MediaQueryListEvent) => {
      if (event.matches) onClose();
    };
    media?.addEventListener('change', onMediaChange);

    return () => {
      document.removeEventListener('keydown', onKeyDown);
      media?.removeEventListener('change', onMediaChange);
      document.body.style.overflow = previousOverflow;
    };
  }, [open, onClose, returnFocusRef]);

  return (
    <>
      {open && (
        <div
          aria-hidden="true"
          data-testid="menu-backdrop"
          className="fixed inset-0 z-40 bg-slate-950/60 lg:hidden"
          onClick={onClose}
        />
      )}
      <div
        id={id}
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-label="Menu"
        hidden={!open}
        className="fixed inset-y-0 left-0 z-50 w-80 max-w-[85vw] overflow-y-auto bg-white p-4 text-slate-900 shadow-xl lg:hidden dark:bg-slate-900 dark:text-slate-100"
      >
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
    </>
  );
}
