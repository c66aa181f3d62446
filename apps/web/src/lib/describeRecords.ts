import type { CaseStatus, OpportunityStage, RenewalStatus, SupportCase } from '../api/crm';
import type { BadgeTone } from '../components/StatusBadge';

export const STAGE_LABELS: Record<OpportunityStage, string> = {
  prospecting: 'Prospecting',
  qualification: 'Qualification',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  closed_won: 'Won',
  closed_lost: 'Lost',
};

export const STAGE_TONES: Record<OpportunityStage, BadgeTone> = {
  prospecting: 'neutral',
  qualification: 'neutral',
  proposal: 'accent',
  negotiation: 'warning',
  closed_won: 'success',
  closed_lost: 'danger',
};

export const RENEWAL_LABELS: Record<RenewalStatus, string> = {
  active: 'Active',
  renewal_due: 'Renewal due',
  renewed: 'Renewed',
  at_risk: 'At risk',
  churned: 'Churned',
};

export const RENEWAL_TONES: Record<RenewalStatus, BadgeTone> = {
  active: 'success',
  renewal_due: 'warning',
  renewed: 'accent',
  at_risk: 'danger',
  churned: 'neutral',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function caseTone(supportCase: SupportCase): BadgeTone {
  if (supportCase.breached) return 'danger';
  return supportCase.status === 'open' || supportCase.status === 'pending' ? 'warning' : 'neutral';
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "2026-12-15" → "Dec 15, 2026": a calendar day, shown without shifting it into the browser's zone. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return dayFormat.format(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

const amountFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount the API sends without a currency (a subscription's), as a plain number. */
export function formatAmount(amount: string): string {
  return amountFormat.format(Number(amount));
}
