import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { useDocumentMeta } from '../../lib/head';
import { LoadMore, StoryList, StoryListSkeleton, uniqueStories } from '../feeds';
import { feedInfiniteQuery, searchFeed } from '../feeds/api/feed';

function SearchForm({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const inputId = useId();
  const [value, setValue] = useState(q);
  // A search started elsewhere (the header box, back/forward) refills the field; the
  // field keeps its focus, unlike remounting it would.
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setValue(q);
  }
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" onSubmit={handleSubmit} className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={inputId} className="block text-sm font-semibold text-slate-800 dark:text-slate-100">
          Search stories
        </label>
        <input
          id={inputId}
          type="search"
          name="q"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
      </div>
      <button type="submit" className="btn-primary">
        Search
      </button>
    </form>
  );
}

function SearchResults({ q }: { q: string }) {
  const query = useInfiniteQuery({ ...feedInfiniteQuery(searchFeed(q)), enabled: q !== '' });
  if (q === '') {
    return <p className="text-slate-700 dark:text-slate-300">Type a word or phrase to search the stories.</p>;
  }
  if (query.data === undefined) {
    return query.isError && !query.isFetching ? (
      <ErrorState error={query.error} what="the search results" onRetry={() => void query.refetch()} />
    ) : (
      <StoryListSkeleton count={4} label="Searching" />
    );
  }
  const stories = uniqueStories(query.data.pages);
  const count = `${stories.length}${query.hasNextPage ? '+' : ''}`;
  return (
    <>
      <h2 id="search-results" className="sr-only">
        Search results
      </h2>
      <p role="status" className="mb-4 text-slate-700 dark:text-slate-300">
        {stories.length === 0
          ? `No stories match “${q}”`
          : `${count} ${stories.length === 1 && !query.hasNextPage ? 'result' : 'results'} for “${q}”`}
      </p>
      {stories.length > 0 && <StoryList stories={stories} headingLevel={3} labelledBy="search-results" />}
      <LoadMore query={query} what="more results" />
    </>
  );
}

export function SearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  useDocumentMeta(q ? `Search: ${q}` : 'Search', 'Search the stories by headline, summary and text.');

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 border-b-2 border-brand-700 pb-2 font-serif text-3xl font-bold dark:border-sky-400">
        Search
      </h1>
      <SearchForm q={q} onSearch={(next) => setSearchParams(next ? { q: next } : {})} />
      <div className="mt-6">
        <SearchResults q={q} />
      </div>
    </div>
  );
}
