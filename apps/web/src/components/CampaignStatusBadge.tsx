import type { CampaignStatus } from '../api/campaigns';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<CampaignStatus, BadgeTone> = {
  draft: 'neutral',
  scheduled: 'accent',
  sending: 'warning',
  sent: 'success',
  cancelled: 'muted',
  failed: 'danger',
};

const LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <StatusBadge tone={TONES[status]} label={LABELS[status]} status={status} testId="campaign-status" />;
}
