import type { ArticleSummary } from '../api/kb';
import type { PagedList } from '../hooks/usePagedList';
import { formatDateTime } from '../lib/describeLead';
import { describeError } from '../lib/describeError';
import { knowledgeArticleHref } from '../lib/routes';
import { KbStatusBadge } from './KbStatusBadge';
import { LoadState } from './LoadState';
import { RecordTable } from './RecordTable';
import './RecordListPage.css';

/** Articles, last changed first, with "Load more". */
export function KnowledgeArticleTable({
  list,
  showStatus,
}: {
  list: PagedList<ArticleSummary>;
  showStatus: boolean;
}) {
  const { items, hasMore, loadingMore, error, moreError, loadMore, reload } = list;
  if (items === null) {
    return <LoadState detail="Loading articles…" error={error} onRetry={reload} testId="list-state" />;
  }
  if (items.length === 0) {
    return <LoadState detail="No articles yet." testId="list-empty" />;
  }
  return (
    <>
      <RecordTable
        label="Articles"
        testId="kb-articles-table"
        rows={items}
        name={(a) => ({ text: a.title, href: knowledgeArticleHref(a.id), sub: a.category?.name })}
        columns={[
          ...(showStatus
            ? [{ header: 'Status', cell: (a: ArticleSummary) => <KbStatusBadge status={a.status} /> }]
            : []),
          {
            header: 'Tags',
            cell: (a) => <span className="record-table__muted">{a.tags.join(', ')}</span>,
          },
          {
            header: 'Updated',
            cell: (a) => <span className="record-table__muted">{formatDateTime(new Date(a.updatedAt))}</span>,
          },
        ]}
      />
      {moreError !== null && (
        <p className="record-list__error" role="alert">
          Could not load more: {describeError(moreError)}
        </p>
      )}
      {hasMore && (
        <div className="record-list__more">
          <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more articles'}
          </button>
        </div>
      )}
    </>
  );
}
