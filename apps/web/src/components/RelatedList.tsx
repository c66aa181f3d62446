import { useId, type ReactNode } from 'react';
import type { Page } from '../api/types';
import { describeError } from '../lib/describeError';
import './RecordFields.css';
import './RelatedList.css';

export interface RelatedRow {
  id: string;
  /** The related record's page; rows without one (cases have no page yet) are plain text. */
  href?: string;
  primary: string;
  secondary?: ReactNode;
  badge?: ReactNode;
}

export interface RelatedRows {
  /** null while loading. */
  data: Page<RelatedRow> | null;
  error: unknown;
  reload?: () => void;
}

interface RelatedListProps {
  title: string;
  rows: RelatedRows;
  empty: string;
  testId: string;
  /** A button or link beside the title (e.g. "New quote"). */
  action?: ReactNode;
  children?: ReactNode;
}

/** Records that belong to this one (an account's opportunities, an opportunity's quotes…). */
export function RelatedList({ title, rows, empty, testId, action, children }: RelatedListProps) {
  const id = useId();
  const page = rows.data;
  const count = page ? `${page.items.length}${page.nextCursor ? '+' : ''}` : null;
  return (
    <section className="record-card related" aria-labelledby={`${id}-title`} data-testid={testId}>
      <header className="record-card__header">
        <h2 className="record-card__title" id={`${id}-title`}>
          {title}
          {count && <span className="related__count"> · {count}</span>}
        </h2>
        {action}
      </header>
      {children}
      {page === null ? (
        rows.error ? (
          <p className="related__state related__state--error" role="alert">
            {describeError(rows.error)}{' '}
            {rows.reload && (
              <button type="button" className="button button--quiet" onClick={rows.reload}>
                Try again
              </button>
            )}
          </p>
        ) : (
          <p className="related__state" role="status">
            Loading…
          </p>
        )
      ) : page.items.length === 0 ? (
        <p className="related__state">{empty}</p>
      ) : (
        <ul className="related__list">
          {page.items.map((row) => (
            <li key={row.id} className="related__item" data-testid="related-item" data-record-id={row.id}>
              <span className="related__text">
                {row.href ? (
                  <a className="related__name" href={row.href}>
                    {row.primary}
                  </a>
                ) : (
                  <span className="related__name">{row.primary}</span>
                )}
                {row.secondary && <span className="related__secondary">{row.secondary}</span>}
              </span>
              {row.badge}
            </li>
          ))}
        </ul>
      )}
      {page?.nextCursor && <p className="related__more">Showing the first {page.items.length}.</p>}
    </section>
  );
}
