import { ownerRef } from './crm-access';
import type { AccountView } from './account.dto';
import type { Account } from './account.entity';

export function accountView(account: Account): AccountView {
  return {
    id: account.id,
    name: account.name,
    domain: account.domain,
    industry: account.industry,
    region: account.region,
    owner: ownerRef(account),
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
    archivedAt: account.archivedAt?.toISOString() ?? null,
    version: account.version,
  };
}
