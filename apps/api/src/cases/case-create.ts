import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { activeUser, badReference } from '../accounts/crm-access';
import { fieldsOf, isRunActor, recordChange, type ChangeActor } from '../accounts/crm-events';
import { Contact } from '../contacts/contact.entity';
import { created } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { CreateCaseInput } from './case.dto';
import { SupportCase } from './case.entity';
import { slaDueAt } from './sla';

// How a case comes to be — from the API or from a workflow step — and the checks updates share.

export const CASE_EVENT_FIELDS = [
  'account',
  'contact',
  'subject',
  'description',
  'priority',
  'status',
  'slaDueAt',
  'owner',
  'archivedAt',
] as const;

export async function liveContact(tx: EntityManager, id: string): Promise<Contact> {
  const contact = await tx.findOne(Contact, { id, archivedAt: null });
  if (!contact) throw badReference('contactId', id);
  return contact;
}

async function liveAccount(tx: EntityManager, id: string): Promise<Account> {
  const account = await tx.findOne(Account, { id, archivedAt: null });
  if (!account) throw badReference('accountId', id);
  return account;
}

/**
 * Opens a case, its SLA set from its priority, and records `case.created` in the caller's
 * transaction. Without `ownerId` a person's new case is theirs; a run's has no owner.
 */
export async function createCase(
  tx: EntityManager,
  outbox: OutboxService,
  input: CreateCaseInput,
  actor: ChangeActor,
): Promise<SupportCase> {
  const { accountId, contactId, ownerId, ...fields } = input;
  const ownerUserId = ownerId ?? (isRunActor(actor) ? undefined : actor.id);
  const openedAt = new Date();
  const supportCase = tx.create(SupportCase, {
    ...fields,
    account: await liveAccount(tx, accountId),
    contact: contactId ? await liveContact(tx, contactId) : null,
    slaDueAt: slaDueAt(fields.priority ?? 'normal', openedAt),
    owner: ownerUserId === undefined ? null : await activeUser(tx, ownerUserId),
    createdAt: openedAt,
    updatedAt: openedAt,
  });
  const changes = created(fieldsOf(supportCase), CASE_EVENT_FIELDS);
  recordChange(outbox, tx, { type: 'case', id: supportCase.id }, 'created', actor, changes);
  return supportCase;
}
