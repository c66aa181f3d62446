import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/describeLead';
import '../pages/MyTasksPage.css';
import './RecordLayout.css';

interface RecordLayoutProps {
  /** "accounts": names the page for tests and styles. */
  kind: string;
  id: string;
  back: { href: string; label: string };
  title: string;
  badge?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  archivedAt?: string | null;
  /** Fields and related records. */
  side: ReactNode;
  /** Quick actions and the timeline. */
  main: ReactNode;
}

/** A record page: back link, heading, and two columns that stack on narrow screens. */
export function RecordLayout({
  kind,
  id,
  back,
  title,
  badge,
  subtitle,
  actions,
  archivedAt,
  side,
  main,
}: RecordLayoutProps) {
  return (
    <main className="page record-page" data-testid={`${kind}-page`} data-record-id={id}>
      <p className="record-page__back">
        <a href={back.href}>← {back.label}</a>
      </p>
      <div className="page__header">
        <div className="record-page__heading">
          <h1 className="page__title record-page__title">
            {title} {badge}
          </h1>
          {subtitle && <p className="page__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="record-page__actions">{actions}</div>}
      </div>
      {archivedAt && (
        <p className="record-page__archived" role="note">
          Archived on {formatDateTime(new Date(archivedAt))}: hidden from lists, kept with its history.
        </p>
      )}
      <div className="record-page__columns">
        <div className="record-page__side">{side}</div>
        <div className="record-page__main">{main}</div>
      </div>
    </main>
  );
}
