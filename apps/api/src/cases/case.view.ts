import { ownerRef } from '../accounts/crm-access';
import type { CaseView } from './case.dto';
import { SETTLED_CASE_STATUSES, type SupportCase } from './case.entity';

export function isBreached(supportCase: SupportCase, now = new Date()): boolean {
  return supportCase.slaDueAt < now && !SETTLED_CASE_STATUSES.includes(supportCase.status);
}

/** Needs `owner`, `account` and `contact` populated. */
export function caseView(supportCase: SupportCase): CaseView {
  return {
    id: supportCase.id,
    account: { id: supportCase.account.id, name: supportCase.account.name },
    contact: supportCase.contact ? { id: supportCase.contact.id, name: supportCase.contact.name } : null,
    subject: supportCase.subject,
    description: supportCase.description,
    priority: supportCase.priority,
    status: supportCase.status,
    slaDueAt: supportCase.slaDueAt.toISOString(),
    breached: isBreached(supportCase),
    owner: ownerRef(supportCase),
    createdAt: supportCase.createdAt.toISOString(),
    updatedAt: supportCase.updatedAt.toISOString(),
    archivedAt: supportCase.archivedAt?.toISOString() ?? null,
    version: supportCase.version,
  };
}
