import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000Initial } from './Migration20261123000000Initial';
import { Migration20261123100000Crm } from './Migration20261123100000Crm';
import { Migration20261123200000Records } from './Migration20261123200000Records';
import { Migration20261123210000Audit } from './Migration20261123210000Audit';
import { Migration20261123220000Duplicates } from './Migration20261123220000Duplicates';
import { Migration20261123230000Imports } from './Migration20261123230000Imports';
import { Migration20261123250000RunCancel } from './Migration20261123250000RunCancel';
import { Migration20261124000000Approvals } from './Migration20261124000000Approvals';
import { Migration20261124100000NotificationStream } from './Migration20261124100000NotificationStream';
import { Migration20261124200000Turns } from './Migration20261124200000Turns';
import { Migration20261124300000DateTriggers } from './Migration20261124300000DateTriggers';
import { Migration20261125000000RunParentsAndOwners } from './Migration20261125000000RunParentsAndOwners';
import { Migration20261125100000OutboundEffects } from './Migration20261125100000OutboundEffects';
import { Migration20261125300000WebhookSecrets } from './Migration20261125300000WebhookSecrets';
import { Migration20261125400000Backtests } from './Migration20261125400000Backtests';
import { Migration20261125500000LeadConversion } from './Migration20261125500000LeadConversion';

// Listed explicitly so migrations run the same from src/ (tests) and dist/ (production).
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
  { name: 'Migration20261123100000Crm', class: Migration20261123100000Crm },
  { name: 'Migration20261123200000Records', class: Migration20261123200000Records },
  { name: 'Migration20261123210000Audit', class: Migration20261123210000Audit },
  { name: 'Migration20261123220000Duplicates', class: Migration20261123220000Duplicates },
  { name: 'Migration20261123230000Imports', class: Migration20261123230000Imports },
  { name: 'Migration20261123250000RunCancel', class: Migration20261123250000RunCancel },
  { name: 'Migration20261124000000Approvals', class: Migration20261124000000Approvals },
  { name: 'Migration20261124100000NotificationStream', class: Migration20261124100000NotificationStream },
  { name: 'Migration20261124200000Turns', class: Migration20261124200000Turns },
  { name: 'Migration20261124300000DateTriggers', class: Migration20261124300000DateTriggers },
  { name: 'Migration20261125000000RunParentsAndOwners', class: Migration20261125000000RunParentsAndOwners },
  { name: 'Migration20261125100000OutboundEffects', class: Migration20261125100000OutboundEffects },
  { name: 'Migration20261125300000WebhookSecrets', class: Migration20261125300000WebhookSecrets },
  { name: 'Migration20261125400000Backtests', class: Migration20261125400000Backtests },
  { name: 'Migration20261125500000LeadConversion', class: Migration20261125500000LeadConversion },
];
