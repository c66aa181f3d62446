import type { Lead } from './lead.entity';
import type { LeadView } from './lead.dto';

export function leadView(lead: Lead): LeadView {
  return {
    id: lead.id,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    phone: lead.phone,
    source: lead.source,
    status: lead.status,
    score: lead.score,
    region: lead.region,
    owner: lead.owner ? { id: lead.owner.id, name: lead.owner.name } : null,
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
    version: lead.version,
    archivedAt: lead.archivedAt?.toISOString() ?? null,
    mergedInto: lead.mergedIntoId,
    convertedTo: convertedTo(lead),
  };
}

function convertedTo(lead: Lead): LeadView['convertedTo'] {
  if (!lead.convertedAt || !lead.convertedAccountId || !lead.convertedContactId) return null;
  return {
    accountId: lead.convertedAccountId,
    contactId: lead.convertedContactId,
    opportunityId: lead.convertedOpportunityId,
    at: lead.convertedAt.toISOString(),
  };
}

/** The lead as conditions, events and activity types see it: flat fields, owner as `ownerId`. */
export function leadFields(lead: Lead): Record<string, unknown> {
  const {
    owner,
    version: _version,
    archivedAt: _a,
    mergedInto: _m,
    convertedTo: _c,
    ...fields
  } = leadView(lead);
  return { ...fields, ownerId: owner?.id ?? null };
}
