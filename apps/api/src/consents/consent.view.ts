import type { ConsentView, UnsubscribeView } from './consent.dto';
import type { Consent, Unsubscribe } from './consent.entity';

/** Needs `recordedBy` populated. */
export function consentView(consent: Consent): ConsentView {
  return {
    id: consent.id,
    purpose: consent.purpose,
    source: consent.source,
    givenAt: consent.givenAt.toISOString(),
    withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    recordedBy: consent.recordedBy ? { id: consent.recordedBy.id, name: consent.recordedBy.name } : null,
  };
}

export function unsubscribeView(row: Unsubscribe): UnsubscribeView {
  return {
    id: row.id,
    purpose: row.purpose,
    email: row.email,
    campaignId: row.campaignId,
    source: row.source,
    at: row.createdAt.toISOString(),
  };
}
