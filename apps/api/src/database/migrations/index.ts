import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123000000Initial } from './Migration20261123000000Initial';
import { Migration20261123100000Crm } from './Migration20261123100000Crm';

// Listed explicitly so migrations run the same from src/ (tests) and dist/ (production).
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123000000Initial', class: Migration20261123000000Initial },
  { name: 'Migration20261123100000Crm', class: Migration20261123100000Crm },
];
