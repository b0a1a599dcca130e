import { useCallback, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AfterFirstCommit } from '../../components/AfterFirstCommit';
import { formatLongDate, houseIsoDate } from '../../lib/time';
import { useNow } from '../../lib/useNow';
import { SITE_NAME } from '../../lib/head';
import { FeedbackForm, NewsletterForm } from '../forms';
import { ThemeMenu } from '../preferences';
import { KeyboardShortcuts } from '../shortcuts';
import { Footer } from './Footer';
import { InsideLayoutContext } from './layoutContext';
import { LeftMenu, MenuDrawer } from './LeftMenu';
import { primaryLinks, socialLinks } from './links';
import { RouteFocus } from './RouteFocus';
import { ScrollRestoration } from './ScrollRestoration';

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

function SiteSearch() {
  const navigate = useNavigate();
  const inputId = useId();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = q.trim();
    void navigate(term ? `/search?${new URLSearchParams({ q: term }).toString()}` : '/search');
  };
  return (
    <form role="search" aria-label="Site" onSubmit={submit} className="flex items-center gap-2">
      <label htmlFor={inputId} className="sr-only">
        Search stories
      </label>
      <input
        id={inputId}
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        className="w-40 rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 sm:w-56 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100"
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
  `block px-3 py-2 text-sm font-semibold text-white hover:underline ${
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
              <a
                href="/rss.xml"
                className="font-semibold text-brand-700 underline-offset-2 hover:underline dark:text-sky-300"
              >
                RSS
              </a>
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

/** Today's date in the house time zone; it turns over at midnight in a tab left open. */
function TopBarDate() {
  const now = new Date(useNow());
  return (
    <time dateTime={houseIsoDate(now)} className="text-sm text-slate-100">
      {formatLongDate(now)}
    </time>
  );
}

/** The root route: header, left menu, the page, the connect band and the footer. */
export function Layout() {
  const drawerId = useId();
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const { pathname } = useLocation();

  return (
    <>
      <div inert={menuOpen} className="flex min-h-screen flex-col">
        <SkipLink />
        <header className="bg-white dark:bg-slate-950">
          <div className="bg-brand-900 text-white dark:bg-slate-900">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
              <button
                type="button"
                ref={menuButtonRef}
                aria-expanded={menuOpen}
                aria-controls={drawerId}
                onClick={() => setMenuOpen(true)}
                className="inline-flex items-center gap-2 rounded border border-white/70 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10 lg:hidden"
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
                  <path d="M2 4h16v2H2zm0 5h16v2H2zm0 5h16v2H2z" />
                </svg>
                Menu
              </button>
              <TopBarDate />
              {/* The search page has its own, larger search form: one is enough there. */}
              {pathname !== '/search' && (
                <div className="ml-auto">
                  <SiteSearch />
                </div>
              )}
            </div>
          </div>
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-4">
            <Link to="/" className="font-serif text-3xl font-bold text-brand-800 hover:underline dark:text-sky-300">
              {SITE_NAME}
            </Link>
            <div className="ml-auto flex items-center gap-2">
              <KeyboardShortcuts />
              <ThemeMenu />
            </div>
          </div>
          <nav aria-label="Primary" className="bg-brand-800 dark:bg-slate-900">
            <ul className="mx-auto flex max-w-7xl flex-wrap px-2">
              {primaryLinks.map((link) => (
                <li key={link.to}>
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
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 py-6 focus:outline-none">
            <InsideLayoutContext value={true}>
              <Outlet />
            </InsideLayoutContext>
          </main>
        </div>

        {/* Out of sight on load: they render just after the page. */}
        <AfterFirstCommit>
          <ConnectBand />
          <Footer />
        </AfterFirstCommit>
      </div>
      <MenuDrawer id={drawerId} open={menuOpen} onClose={closeMenu} returnFocusRef={menuButtonRef} />
      <RouteFocus />
      <ScrollRestoration />
    </>
  );
}
