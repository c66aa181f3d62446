import type { ArticleStatus } from '../api/kb';
import { StatusBadge } from './StatusBadge';

export function KbStatusBadge({ status, archived }: { status: ArticleStatus; archived?: boolean }) {
  if (archived) return <StatusBadge tone="muted" label="Archived" status="archived" />;
  return status === 'published' ? (
    <StatusBadge tone="success" label="Published" status={status} />
  ) : (
    <StatusBadge tone="warning" label="Draft" status={status} />
  );
}
