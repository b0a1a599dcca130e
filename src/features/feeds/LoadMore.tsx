import { ErrorState } from '../../components/ErrorState';

/** The parts of a useInfiniteQuery result this needs. */
interface PagedQuery {
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface LoadMoreProps {
  query: PagedQuery;
  /** For the error message: "more stories". */
  what: string;
}

/** The "Load more" button under a paged list; hidden on the last page, an error with retry if a page fails. */
export function LoadMore({ query, what }: LoadMoreProps) {
  if (query.isFetchNextPageError) {
    return (
      <div className="mt-4">
        <ErrorState error={query.error} what={what} onRetry={() => void query.fetchNextPage()} />
      </div>
    );
  }
  if (!query.hasNextPage) return null;
  return (
    <div className="mt-6 flex justify-center">
      <button
        type="button"
        className="btn-primary"
        disabled={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      >
        {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
