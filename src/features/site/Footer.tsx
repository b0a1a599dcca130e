import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { getConfig } from '../../lib/config';
import { withoutServiceWorker } from '../../lib/liteMode';
import { SkeletonLine } from '../../components/Skeleton';
import type { Term } from '../../lib/api/schemas';
import { houseIsoDate } from '../../lib/time';
import { SITE_NAME } from '../../lib/head';
import { taxonomyQuery } from './api/taxonomy';
import { CONTACT_EMAIL, CONTACT_PHONE, otherLinks } from './links';

const headingClass =
  'border-b-2 border-sky-400 pb-1 text-sm font-bold tracking-wide text-white uppercase dark:border-sky-500';
const linkClass = 'text-sm text-slate-100 underline-offset-2 hover:text-white hover:underline';

function LinkColumn({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <div>
      <h2 id={id} className={headingClass}>
        {title}
      </h2>
      <ul aria-labelledby={id} className="mt-3 space-y-1.5">
        {children}
      </ul>
    </div>
  );
}

function TermColumn({ title, terms, base }: { title: string; terms: Term[]; base: 'sector' | 'edition' }) {
  return (
    <LinkColumn title={title}>
      {terms.map((term) => (
        <li key={term.slug}>
          <Link to={`/${base}/${encodeURIComponent(term.slug)}`} className={linkClass}>
            {term.name}
          </Link>
        </li>
      ))}
    </LinkColumn>
  );
}

/** Sectors and editions; the footer never fails the page, so an error is a quiet notice. */
function TaxonomyColumns() {
  const query = useQuery(taxonomyQuery());
  if (query.isPending) {
    return (
      <div aria-hidden="true" className="space-y-2 sm:col-span-2">
        {Array.from({ length: 5 }, (_, index) => (
          <SkeletonLine key={index} className="h-4 w-1/2 bg-white/20 dark:bg-white/20" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return <p className="text-sm text-slate-100 sm:col-span-2">Sectors and editions are unavailable right now.</p>;
  }
  return (
    <>
      <TermColumn title="Sectors" terms={query.data.sectors} base="sector" />
      <TermColumn title="Editions" terms={query.data.editions} base="edition" />
    </>
  );
}

/**
 * The switch to the lite version (text, no script), where the server offers it: a plain form,
 * so it works without JavaScript; the server remembers the choice in a cookie.
 */
function LiteSwitch() {
  const { pathname, search } = useLocation();
  if (!getConfig().liteMode) return null;
  return (
    <form
      method="post"
      action="/lite"
      className="mt-3"
      onSubmit={(event) => {
        // A service worker would answer the lite pages with the app: it goes first.
        event.preventDefault();
        const form = event.currentTarget;
        void withoutServiceWorker().finally(() => form.submit());
      }}
    >
      <input type="hidden" name="mode" value="on" />
      <input type="hidden" name="return" value={pathname + search} />
      <button type="submit" className={`${linkClass} underline`}>
        Lite version: text only, less data
      </button>
    </form>
  );
}

function houseYear(): string {
  return houseIsoDate(new Date()).slice(0, 4);
}

export function Footer() {
  return (
    <footer className="bg-brand-900 text-slate-100 dark:border-t dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <TaxonomyColumns />
        <LinkColumn title="Other links">
          {otherLinks.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className={linkClass}>
                {link.label}
              </Link>
            </li>
          ))}
        </LinkColumn>
        <div>
          <h2 className={headingClass}>Connect</h2>
          <address className="mt-3 space-y-1.5 text-sm not-italic">
            <p className="font-semibold">{SITE_NAME}</p>
            <p>
              Email:{' '}
              <a href={`mailto:${CONTACT_EMAIL}`} className={linkClass}>
                {CONTACT_EMAIL}
              </a>
            </p>
            <p>
              Phone:{' '}
              <a href={`tel:${CONTACT_PHONE.replace(/-/g, '')}`} className={linkClass}>
                {CONTACT_PHONE}
              </a>
            </p>
          </address>
          <LiteSwitch />
        </div>
      </div>
      <div className="border-t border-white/20">
        <p className="mx-auto max-w-7xl px-4 py-4 text-sm text-slate-100">
          © Copyright {houseYear()} {SITE_NAME}
        </p>
      </div>
    </footer>
  );
}
