import { ownerRef } from '../accounts/crm-access';
import type { OpportunityView } from './opportunity.dto';
import type { Opportunity } from './opportunity.entity';

/** Needs `owner`, `account` and `contacts` populated. */
export function opportunityView(opportunity: Opportunity): OpportunityView {
  return {
    id: opportunity.id,
    name: opportunity.name,
    account: { id: opportunity.account.id, name: opportunity.account.name },
    stage: opportunity.stage,
    amount: opportunity.amount,
    currency: opportunity.currency,
    closeDate: opportunity.closeDate,
    rfiReference: opportunity.rfiReference,
    rfpReference: opportunity.rfpReference,
    offerDeadline: opportunity.offerDeadline?.toISOString() ?? null,
    contacts: opportunity.contacts
      .getItems()
      .map((c) => ({ id: c.id, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    owner: ownerRef(opportunity),
    createdAt: opportunity.createdAt.toISOString(),
    updatedAt: opportunity.updatedAt.toISOString(),
    archivedAt: opportunity.archivedAt?.toISOString() ?? null,
    version: opportunity.version,
  };
}
