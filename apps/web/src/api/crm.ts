import type { QuoteStatus } from './quotes';

// The CRM records as the API sends them. Money is a decimal string ("1250.00"), days are "YYYY-MM-DD".

export interface Ref {
  id: string;
  name: string;
}

export interface CrmRecord {
  id: string;
  owner: Ref | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number;
}

export interface Account extends CrmRecord {
  name: string;
  domain: string | null;
  industry: string | null;
  region: string | null;
}

export interface Contact extends CrmRecord {
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  accounts: Array<Ref & { role: string | null }>;
  mergedInto: string | null;
}

export const OPPORTUNITY_STAGES = [
  'prospecting',
  'qualification',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export interface Opportunity extends CrmRecord {
  name: string;
  account: Ref;
  stage: OpportunityStage;
  amount: string;
  currency: string;
  closeDate: string | null;
  rfiReference: string | null;
  rfpReference: string | null;
  offerDeadline: string | null;
  contacts: Ref[];
}

export const RENEWAL_STATUSES = ['active', 'renewal_due', 'renewed', 'at_risk', 'churned'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];

export interface Subscription extends CrmRecord {
  account: Ref;
  plan: string;
  startDate: string;
  endDate: string;
  renewalStatus: RenewalStatus;
  warrantyEnd: string | null;
  amount: string;
}

export type CaseStatus = 'open' | 'pending' | 'resolved' | 'closed';

export interface SupportCase extends CrmRecord {
  account: Ref;
  contact: Ref | null;
  subject: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: CaseStatus;
  slaDueAt: string;
  breached: boolean;
}

/** What a record page lists about quotes; the quote page reads the whole quote. */
export interface QuoteSummary extends CrmRecord {
  name: string;
  status: QuoteStatus;
  total: string;
  currency: string;
}
