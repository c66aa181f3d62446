import type { OpportunityStage, RenewalStatus, SupportCase } from '../api/crm';
import {
  CASE_STATUS_LABELS,
  caseTone,
  RENEWAL_LABELS,
  RENEWAL_TONES,
  STAGE_LABELS,
  STAGE_TONES,
} from '../lib/describeRecords';
import { StatusBadge } from './StatusBadge';

export function StageBadge({ stage }: { stage: OpportunityStage }) {
  return <StatusBadge tone={STAGE_TONES[stage]} label={STAGE_LABELS[stage]} testId="stage-badge" />;
}

export function RenewalBadge({ status }: { status: RenewalStatus }) {
  return <StatusBadge tone={RENEWAL_TONES[status]} label={RENEWAL_LABELS[status]} testId="renewal-badge" />;
}

export function CaseBadge({ supportCase }: { supportCase: SupportCase }) {
  const label = CASE_STATUS_LABELS[supportCase.status];
  return (
    <StatusBadge tone={caseTone(supportCase)} label={supportCase.breached ? `${label}, past SLA` : label} />
  );
}
