import type { LeadStatus } from '../api/types';
import { LEAD_STATUS_LABELS } from '../lib/describeLead';
import './LeadStatusBadge.css';

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <span className={`lead-status lead-status--${status}`} data-testid="lead-status" data-status={status}>
      {LEAD_STATUS_LABELS[status]}
    </span>
  );
}
