import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../accounts/account.entity';
import { badReference, newOwner } from '../accounts/crm-access';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { created } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type { AccountLinkInput, CreateContactInput } from './contact.dto';
import { AccountContact, Contact } from './contact.entity';

// How a contact comes to be — from the API or from converting a lead — and the account links that
// creation and updates share, in the caller's transaction.

export const CONTACT_EVENT_FIELDS = [
  'name',
  'email',
  'phone',
  'title',
  'owner',
  'accounts',
  'archivedAt',
] as const;
export const CONTACT_POPULATE = ['owner', 'accountLinks.account'] as const;

// Account links as event data: `[{ id, role }]` in a stable order.
export function contactSnapshot(contact: Contact): Record<string, unknown> {
  const accounts = contact.accountLinks
    .getItems()
    .map((l) => ({ id: l.account.id, role: l.role }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { ...fieldsOf(contact), accounts };
}

/**
 * Makes the contact's account links exactly `links`; new links must name live accounts, reported
 * as a bad `field` otherwise.
 */
export async function linkAccounts(
  tx: EntityManager,
  contact: Contact,
  links: AccountLinkInput[],
  field = 'accounts',
): Promise<void> {
  const current = new Map(contact.accountLinks.getItems().map((l) => [l.account.id, l]));
  const added = links.filter((l) => !current.has(l.accountId)).map((l) => l.accountId);
  const accounts = new Map(
    (await tx.find(Account, { id: { $in: added }, archivedAt: null })).map((a) => [a.id, a]),
  );
  for (const { accountId, role } of links) {
    const existing = current.get(accountId);
    current.delete(accountId);
    if (existing) {
      existing.role = role ?? null;
      continue;
    }
    const account = accounts.get(accountId);
    if (!account) throw badReference(field, accountId);
    contact.accountLinks.add(tx.create(AccountContact, { account, contact, role: role ?? null }));
  }
  // orphanRemoval deletes the rows of links taken out of the collection.
  for (const stale of current.values()) contact.accountLinks.remove(stale);
}

/** Creates a contact, its account links and its `contact.created` event; without `ownerId` it is the creator's. */
export async function createContact(
  tx: EntityManager,
  outbox: OutboxService,
  input: CreateContactInput,
  actor: User,
): Promise<Contact> {
  const { ownerId, accounts, ...fields } = input;
  const contact = tx.create(Contact, { ...fields, owner: await newOwner(tx, ownerId, actor) });
  await linkAccounts(tx, contact, accounts ?? []);
  const changes = created(contactSnapshot(contact), CONTACT_EVENT_FIELDS);
  recordChange(outbox, tx, { type: 'contact', id: contact.id }, 'created', actor, changes);
  return contact;
}
