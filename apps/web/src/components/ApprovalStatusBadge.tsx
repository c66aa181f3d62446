import type { ApprovalStatus } from '../api/approvals';
import { APPROVAL_STATUS_LABELS } from '../lib/describeApproval';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<ApprovalStatus, BadgeTone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  recalled: 'neutral',
  timed_out: 'danger',
  cancelled: 'neutral',
};

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  return <StatusBadge tone={TONES[status]} label={APPROVAL_STATUS_LABELS[status]} testId="approval-status" />;
}
