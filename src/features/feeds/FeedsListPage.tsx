import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { SITE_NAME, useDocumentMeta } from '../../lib/head';
import { taxonomyQuery } from '../site/api/taxonomy';

interface FeedLink {
  title: string;
  /** Without extension: RSS is .xml, Atom .atom, JSON Feed .json (server/syndication/routes.ts). */
  path: string;
}

const MAIN_FEEDS: FeedLink[] = [
  { title: 'Latest News', path: '/feeds/latest' },
  { title: 'Opinion / Blog / Interview', path: '/feeds/opinion' },
  { title: 'DevShots', path: '/feeds/devshots' },
];

const linkClass = 'text-brand-700 underline underline-offset-2 dark:text-sky-300';

function FeedList({ title, feeds }: { title: string; feeds: FeedLink[] }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 font-serif text-xl font-bold">
        {title}
      </h2>
      <ul className="space-y-2">
        {feeds.map((feed) => (
          <li key={feed.path} className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-semibold">{feed.title}</span>
            {/* Plain links, not the router's: these are files for feed readers, not pages. */}
            <a href={`${feed.path}.xml`} className={linkClass} aria-label={`${feed.title}, RSS`}>
              RSS
            </a>
            <a href={`${feed.path}.atom`} className={linkClass} aria-label={`${feed.title}, Atom`}>
              Atom
            </a>
            <a href={`${feed.path}.json`} className={linkClass} aria-label={`${feed.title}, JSON Feed`}>
              JSON Feed
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every feed of the site, for readers who paste one into their feed reader. */
export function FeedsListPage() {
  const taxonomy = useQuery(taxonomyQuery());
  useDocumentMeta('RSS feeds', `Follow ${SITE_NAME} in any feed reader: RSS, Atom and JSON Feed for every section.`);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 border-b-2 border-brand-700 pb-2 font-serif text-3xl font-bold dark:border-sky-400">
        RSS feeds
      </h1>
      <p className="mb-6 text-slate-700 dark:text-slate-300">
        Copy a feed&apos;s address into your feed reader. Each holds the newest 50 stories.
      </p>
      <FeedList title="News" feeds={MAIN_FEEDS} />
      {taxonomy.data ? (
        <>
          <FeedList
            title="Sectors"
            feeds={taxonomy.data.sectors.map((term) => ({
              title: term.name,
              path: `/feeds/sector/${encodeURIComponent(term.slug)}`,
            }))}
          />
          <FeedList
            title="Editions"
            feeds={taxonomy.data.editions.map((term) => ({
              title: term.name,
              path: `/feeds/edition/${encodeURIComponent(term.slug)}`,
            }))}
          />
        </>
      ) : taxonomy.isError ? (
        <p className="text-slate-700 dark:text-slate-300">The sector and edition feeds cannot be listed right now.</p>
      ) : null}
    </div>
  );
}
