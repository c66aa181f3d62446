import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { PagedList } from '../hooks/usePagedList';
import { describeError } from '../lib/describeError';
import { LoadState } from './LoadState';
import '../pages/MyTasksPage.css';
import './RecordListPage.css';

interface RecordListPageProps<T> {
  title: string;
  noun: { one: string; many: string };
  /** How the list is ordered and scoped, for the subtitle ("newest first · yours"). */
  scope: string;
  toolbar: ReactNode;
  list: PagedList<T>;
  filtered: boolean;
  onClearFilters: () => void;
  emptyHint: string;
  children: (items: T[]) => ReactNode;
}

/** A record list page: title and count, filters, the table, "Load more", and every empty state. */
export function RecordListPage<T>({
  title,
  noun,
  scope,
  toolbar,
  list,
  filtered,
  onClearFilters,
  emptyHint,
  children,
}: RecordListPageProps<T>) {
  useDocumentTitle(title);
  const { items, hasMore, loadingMore, error, moreError, loadMore, reload } = list;
  const count =
    items === null
      ? null
      : `${items.length}${hasMore ? '+' : ''} ${items.length === 1 ? noun.one : noun.many}`;

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">{title}</h1>
          <p className="page__subtitle" data-testid="list-summary">
            {count ? `${count}, ${scope}` : scope}
          </p>
        </div>
      </div>
      {toolbar}
      <section className="record-list" aria-label={title} aria-busy={items === null && !error}>
        {items === null ? (
          <LoadState
            title={error ? `${title} could not be loaded` : undefined}
            detail={`Loading ${noun.many}…`}
            error={error}
            onRetry={reload}
            testId="list-state"
          />
        ) : items.length === 0 ? (
          <div className="workflows-state" data-testid="list-empty">
            <p className="workflows-state__title">
              {filtered ? `No ${noun.many} match these filters` : `No ${noun.many} yet`}
            </p>
            {filtered ? (
              <button type="button" className="button" onClick={onClearFilters}>
                Clear filters
              </button>
            ) : (
              <p className="workflows-state__detail">{emptyHint}</p>
            )}
          </div>
        ) : (
          <>
            {children(items)}
            {moreError !== null && (
              <p className="record-list__error" role="alert">
                Could not load more: {describeError(moreError)}
              </p>
            )}
            {hasMore && (
              <div className="record-list__more">
                <button
                  type="button"
                  className="button"
                  onClick={loadMore}
                  disabled={loadingMore}
                  data-testid="list-load-more"
                >
                  {loadingMore ? 'Loading…' : `Load more ${noun.many}`}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </main>
  );
}
