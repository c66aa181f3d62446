import type { EntityManager } from '@mikro-orm/postgresql';
import { created } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type { CreateAccountInput } from './account.dto';
import { Account } from './account.entity';
import { newOwner } from './crm-access';
import { fieldsOf, recordChange } from './crm-events';

// How an account comes to be — from the API or from converting a lead — in the caller's transaction.

export const ACCOUNT_EVENT_FIELDS = ['name', 'domain', 'industry', 'region', 'owner', 'archivedAt'] as const;

/** Creates an account and its `account.created` event; without `ownerId` it is the creator's. */
export async function createAccount(
  tx: EntityManager,
  outbox: OutboxService,
  input: CreateAccountInput,
  actor: User,
): Promise<Account> {
  const { ownerId, ...fields } = input;
  const account = tx.create(Account, { ...fields, owner: await newOwner(tx, ownerId, actor) });
  const changes = created(fieldsOf(account), ACCOUNT_EVENT_FIELDS);
  recordChange(outbox, tx, { type: 'account', id: account.id }, 'created', actor, changes);
  return account;
}
