import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { activeUser, badReference } from '../accounts/crm-access';
import { fieldsOf, isRunActor, recordChange, type ChangeActor } from '../accounts/crm-events';
import { Contact } from '../contacts/contact.entity';
import { created } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { CreateOpportunityInput } from './opportunity.dto';
import { Opportunity } from './opportunity.entity';

// How an opportunity comes to be — from the API or from a workflow step — and the checks updates share.

export const OPPORTUNITY_EVENT_FIELDS = [
  'name',
  'account',
  'stage',
  'amount',
  'currency',
  'closeDate',
  'rfiReference',
  'rfpReference',
  'offerDeadline',
  'owner',
  'contacts',
  'archivedAt',
] as const;

export function opportunitySnapshot(opportunity: Opportunity): Record<string, unknown> {
  const contacts = opportunity.contacts
    .getItems()
    .map((c) => c.id)
    .sort();
  return { ...fieldsOf(opportunity), contacts };
}

export const toDate = (iso: string | null | undefined) => (iso == null ? iso : new Date(iso));

export async function liveAccount(tx: EntityManager, id: string): Promise<Account> {
  const account = await tx.findOne(Account, { id, archivedAt: null });
  if (!account) throw badReference('accountId', id);
  return account;
}

export async function setContacts(tx: EntityManager, opportunity: Opportunity, ids: string[]): Promise<void> {
  const current = new Set(opportunity.contacts.getItems().map((c) => c.id));
  const added = ids.filter((id) => !current.has(id));
  const found = new Map(
    (await tx.find(Contact, { id: { $in: added }, archivedAt: null })).map((c) => [c.id, c]),
  );
  const missing = added.find((id) => !found.has(id));
  if (missing) throw badReference('contactIds', missing);
  const kept = opportunity.contacts.getItems().filter((c) => ids.includes(c.id));
  opportunity.contacts.set([...kept, ...found.values()]);
}

/**
 * Creates an opportunity and its `opportunity.created` event in the caller's transaction. Without
 * `ownerId` a person's new opportunity is theirs; a run's has no owner.
 */
export async function createOpportunity(
  tx: EntityManager,
  outbox: OutboxService,
  input: CreateOpportunityInput,
  actor: ChangeActor,
): Promise<Opportunity> {
  const { accountId, contactIds, ownerId, offerDeadline, ...fields } = input;
  const ownerUserId = ownerId ?? (isRunActor(actor) ? undefined : actor.id);
  const opportunity = tx.create(Opportunity, {
    ...fields,
    account: await liveAccount(tx, accountId),
    offerDeadline: toDate(offerDeadline) ?? null,
    owner: ownerUserId === undefined ? null : await activeUser(tx, ownerUserId),
  });
  if (contactIds) await setContacts(tx, opportunity, contactIds);
  const changes = created(opportunitySnapshot(opportunity), OPPORTUNITY_EVENT_FIELDS);
  recordChange(outbox, tx, { type: 'opportunity', id: opportunity.id }, 'created', actor, changes);
  return opportunity;
}
