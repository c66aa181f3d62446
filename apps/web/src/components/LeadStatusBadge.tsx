import type { LeadStatus } from '../api/types';
import { LEAD_STATUS_LABELS } from '../lib/describeLead';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<LeadStatus, BadgeTone> = {
  new: 'accent',
  working: 'warning',
  qualified: 'success',
  converted: 'strong',
  unqualified: 'muted',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <StatusBadge
      tone={TONES[status]}
      label={LEAD_STATUS_LABELS[status]}
      testId="lead-status"
      status={status}
    />
  );
}
