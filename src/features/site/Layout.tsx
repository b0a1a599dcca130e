import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { SITE_NAME } from '../../lib/head';
import { useFollowsAnything } from '../following';
import { VisitTracker } from '../history';
import { ThemeMenu } from '../preferences';
import { InsideLayoutContext } from './layoutContext';
import { LeftMenu, MenuDrawer } from './LeftMenu';
import { followingLink, primaryLinks, socialLinks } from './links';
import { RouteFocus } from './RouteFocus';
import { ScrollRestoration } from './ScrollRestoration';
import { TodayDate } from './TodayDate';
import { KeyboardShortcuts } from '../shortcuts';
import { deferred } from '../../components/Deferred';

// Below the fold: their code loads once the browser is idle, the forms' once the reader gets near them.
const Footer = deferred(() => import('./Footer').then((module) => module.Footer));
const BackToTop = deferred(() => import('./BackToTop').then((module) => module.BackToTop));
const FeedbackForm = deferred(() => import('../forms').then((forms) => forms.FeedbackForm), { until: 'visible' });
const NewsletterForm = deferred(() => import('../forms').then((forms) => forms.NewsletterForm), { until: 'visible' });

function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Move focus without touching the URL (a hash change would be a router navigation).
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  };
  return (
    <a
      href="#main"
      onClick={skip}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[60] focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand-800 focus:shadow-lg dark:focus:bg-slate-900 dark:focus:text-sky-200"
    >
      Skip to content
    </a>
  );
}

interface SiteSearchProps {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called after a search is sent, and on Escape: the phone header folds the field away again. */
  onDone: (how: 'searched' | 'escape') => void;
}

function SiteSearch({ id, inputRef, onDone }: SiteSearchProps) {
  const navigate = useNavigate();
  const inputId = useId();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = q.trim();
    void navigate(term ? `/search?${new URLSearchParams({ q: term }).toString()}` : '/search');
    onDone('searched');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') onDone('escape');
  };
  return (
    <form id={id} role="search" aria-label="Site" onSubmit={submit} className="flex items-center gap-2">
      <label htmlFor={inputId} className="sr-only">
        Search stories
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onKeyDown={onKeyDown}
        className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 lg:w-56 lg:flex-none dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100"
      />
      <button
        type="submit"
        className="rounded bg-white px-3 py-1 text-sm font-semibold text-brand-900 hover:bg-brand-100 dark:bg-slate-700 dark:text-white dark:hover:bg-slate-600"
      >
        Search
      </button>
    </form>
  );
}

const primaryLinkClass = ({ isActive }: { isActive: boolean }) =>
  `block px-3 py-2 text-sm font-semibold whitespace-nowrap text-white hover:underline ${
    isActive ? 'bg-brand-900 underline underline-offset-4 dark:bg-slate-800' : ''
  }`;

function ConnectBand() {
  const socialId = useId();
  const feedbackId = useId();
  const newsletterId = useId();
  return (
    <section
      aria-label="Stay in touch"
      className="mt-10 border-t border-slate-200 bg-slate-100 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 md:grid-cols-3">
        <div>
          <h2 id={socialId} className="box-title">
            Connect us on
          </h2>
          <ul aria-labelledby={socialId} className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
            {socialLinks.map((link) => (
              <li key={link.href}>
                <a
                  href={link.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="font-semibold text-brand-700 underline-offset-2 hover:underline dark:text-sky-300"
                >
                  {link.label}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
            <li>
              <Link
                to="/feeds"
                className="font-semibold text-brand-700 underline-offset-2 hover:underline dark:text-sky-300"
              >
                RSS
              </Link>
            </li>
          </ul>
        </div>
        <div>
          <h2 id={feedbackId} className="box-title">
            Feedback
          </h2>
          <div className="mt-3">
            <FeedbackForm labelledBy={feedbackId} />
          </div>
        </div>
        <div>
          <h2 id={newsletterId} className="box-title">
            Subscribe to our Newsletter
          </h2>
          <div className="mt-3">
            <NewsletterForm labelledBy={newsletterId} />
          </div>
        </div>
      </div>
    </section>
  );
}

/**
 * The sections bar scrolls sideways on small screens: bring the current section into
 * view (horizontally only: the page itself must not scroll) when the route changes.
 */
function useCurrentSectionInView(listRef: RefObject<HTMLUListElement | null>, pathname: string) {
  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const left = current.offsetLeft - list.offsetLeft;
    const right = left + current.offsetWidth;
    if (left < list.scrollLeft || right > list.scrollLeft + list.clientWidth) {
      list.scrollLeft = Math.max(0, left - (list.clientWidth - current.offsetWidth) / 2);
    }
  }, [listRef, pathname]);
}

/** The root route: header, left menu, the page, the connect band and the footer. */
export function Layout() {
  const drawerId = useId();
  const searchId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const searchButtonRef = useRef<HTMLButtonElement>(null);
  const searchInputRef = useRef<HTMLInputElement>(null);
  const sectionsRef = useRef<HTMLUListElement>(null);
  // Following joins the sections once the reader follows something (known only in the browser).
  const following = useFollowsAnything();
  const sectionLinks = following ? [...primaryLinks, followingLink] : primaryLinks;
  const [menuOpen, setMenuOpen] = useState(false);
  // Phones only: the search field folds out under the bar (it is always shown from lg up).
  const [searchOpen, setSearchOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const { pathname } = useLocation();
  const showSearch = pathname !== '/search';
  useCurrentSectionInView(sectionsRef, pathname);

  const toggleSearch = () => {
    if (searchOpen) {
      setSearchOpen(false);
      return;
    }
    // Shown synchronously, so the field can take focus in this same click (phones open
    // the keyboard only for a focus that follows a tap directly).
    flushSync(() => setSearchOpen(true));
    searchInputRef.current?.focus();
  };
  const searchDone = (how: 'searched' | 'escape') => {
    setSearchOpen(false);
    if (how === 'escape' && searchButtonRef.current?.checkVisibility?.() !== false) searchButtonRef.current?.focus();
  };

  return (
    <>
      <div inert={menuOpen} className="flex min-h-screen flex-col">
        <SkipLink />
        {/*
          One bar on phones (menu, title, search button), the sections in a row that
          scrolls sideways; from lg up the full masthead: date and search, title with the
          reading tools, the sections. The static build's index.html holds it, rendered at build time.
        */}
        <header className="flex flex-col bg-white dark:bg-slate-950">
          <div
            className={`bg-brand-900 text-white max-lg:order-1 dark:bg-slate-900 ${searchOpen ? '' : 'max-lg:hidden'}`}
          >
            <div className="mx-auto flex max-w-7xl items-center gap-x-4 px-4 py-2">
              <TodayDate className="text-sm text-slate-100 max-lg:hidden" />
              {/* The search page has its own, larger search form: one is enough there. */}
              {showSearch && (
                <div className="flex-1 lg:ml-auto lg:flex-none">
                  <SiteSearch id={searchId} inputRef={searchInputRef} onDone={searchDone} />
                </div>
              )}
            </div>
          </div>
          <div className="mx-auto flex w-full max-w-7xl items-center gap-2 px-4 py-2 lg:gap-3 lg:py-4">
            <button
              type="button"
              ref={menuButtonRef}
              aria-expanded={menuOpen}
              aria-controls={drawerId}
              onClick={() => setMenuOpen(true)}
              className="-ml-2 inline-flex h-10 shrink-0 items-center gap-2 rounded px-2 text-sm font-semibold text-brand-800 hover:bg-slate-100 lg:hidden dark:text-sky-200 dark:hover:bg-slate-800"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current">
                <path d="M2 4h16v2H2zm0 5h16v2H2zm0 5h16v2H2z" />
              </svg>
              <span className="max-sm:sr-only">Menu</span>
            </button>
            <Link
              to="/"
              className="min-w-0 truncate font-serif text-xl font-bold text-brand-800 hover:underline lg:text-3xl dark:text-sky-300"
            >
              {SITE_NAME}
            </Link>
            <div className="ml-auto flex shrink-0 items-center gap-2">
              {showSearch && (
                <button
                  type="button"
                  ref={searchButtonRef}
                  data-search-toggle
                  aria-expanded={searchOpen}
                  aria-controls={searchId}
                  onClick={toggleSearch}
                  className="inline-flex h-10 w-10 items-center justify-center rounded text-brand-800 hover:bg-slate-100 lg:hidden dark:text-sky-200 dark:hover:bg-slate-800"
                >
                  <span className="sr-only">Open search</span>
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 fill-current">
                    <path d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4-1.4 1.4-4-4A6.5 6.5 0 1 1 8.5 2m0 2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9" />
                  </svg>
                </button>
              )}
              <KeyboardShortcuts />
              <div className="max-lg:hidden">
                <ThemeMenu />
              </div>
            </div>
          </div>
          <nav aria-label="Primary" className="bg-brand-800 max-lg:order-2 dark:bg-slate-900">
            <ul
              ref={sectionsRef}
              className="no-scrollbar mx-auto flex max-w-7xl overflow-x-auto px-2 lg:flex-wrap lg:overflow-visible"
            >
              {sectionLinks.map((link) => (
                <li key={link.to} className="shrink-0">
                  <NavLink to={link.to} end={link.end} className={primaryLinkClass}>
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </header>

        <div className="mx-auto flex w-full max-w-7xl flex-1 gap-8 px-4">
          <LeftMenu />
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 py-4 focus:outline-none lg:py-6">
            <InsideLayoutContext value={true}>
              <Outlet />
            </InsideLayoutContext>
          </main>
        </div>

        <ConnectBand />
        <Footer />
        <BackToTop />
      </div>
      <MenuDrawer id={drawerId} open={menuOpen} onClose={closeMenu} returnFocusRef={menuButtonRef} />
      <RouteFocus />
      <VisitTracker />
      <ScrollRestoration />
    </>
  );
}
