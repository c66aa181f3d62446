import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { createAccount } from '../accounts/account-create';
import { Account } from '../accounts/account.entity';
import { assertMayEdit, assertVersion, badReference } from '../accounts/crm-access';
import { recordChange } from '../accounts/crm-events';
import {
  CONTACT_EVENT_FIELDS,
  CONTACT_POPULATE,
  contactSnapshot,
  createContact,
  linkAccounts,
} from '../contacts/contact-create';
import { Contact } from '../contacts/contact.entity';
import { createOpportunity } from '../opportunities/opportunity-create';
import type { Opportunity } from '../opportunities/opportunity.entity';
import { diff } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type { ConvertLeadInput } from './lead-convert.dto';
import { editableLead, recordLeadUpdate } from './lead-change';
import type { Lead } from './lead.entity';
import { leadFields } from './lead.view';

export interface Conversion {
  lead: Lead;
  account: Account;
  contact: Contact;
  opportunity: Opportunity | null;
  /** False when an existing contact was reused. */
  contactCreated: boolean;
}

/**
 * Converts a lead in the caller's transaction: the account and contact it becomes (new or
 * existing), an optional opportunity on that account with that person on it, and the lead marked
 * `converted` pointing at them. Each creation records its own `<type>.created` event through the
 * same code as creating that record directly, so the same workflows fire; the lead records
 * `lead.updated` with the status change.
 */
export async function convertLead(
  tx: EntityManager,
  outbox: OutboxService,
  id: string,
  input: ConvertLeadInput,
  actor: User,
): Promise<Conversion> {
  // Locked: of two simultaneous conversions, the second finds the lead converted.
  const lead = await editableLead(tx, id, actor, { lock: true });
  assertConvertible(lead);
  assertVersion(lead, input.version, 'lead');
  // An owner who has left cannot own new records; the caller takes them on instead.
  const ownerId = input.ownerId ?? (lead.owner?.active ? lead.owner.id : actor.id);

  const account = await accountFor(tx, outbox, lead, input.account, ownerId, actor);
  const role = input.contact?.role ?? null;
  const existingContactId = input.contact && 'existingId' in input.contact ? input.contact.existingId : null;
  const contact = existingContactId
    ? await linkExistingContact(tx, outbox, existingContactId, account, role, actor)
    : await createContact(
        tx,
        outbox,
        {
          name: lead.name,
          email: lead.email ?? undefined,
          phone: lead.phone ?? undefined,
          accounts: [{ accountId: account.id, role }],
          ownerId,
        },
        actor,
      );
  const opportunity =
    input.opportunity === null
      ? null
      : await createOpportunity(
          tx,
          outbox,
          {
            accountId: account.id,
            name: input.opportunity?.name ?? `New business: ${account.name}`,
            amount: input.opportunity?.amount,
            closeDate: input.opportunity?.closeDate,
            contactIds: [contact.id],
            ownerId,
          },
          actor,
        );

  const before = leadFields(lead);
  lead.status = 'converted';
  lead.convertedAccountId = account.id;
  lead.convertedContactId = contact.id;
  lead.convertedOpportunityId = opportunity?.id ?? null;
  lead.convertedAt = new Date();
  recordLeadUpdate(outbox, tx, lead, before, actor);
  return { lead, account, contact, opportunity, contactCreated: existingContactId === null };
}

// A lead converts once; one merged into another (and so archived) lives on in the survivor.
function assertConvertible(lead: Lead): void {
  if (lead.status === 'converted' || lead.convertedAt) {
    throw new BatonError('INVALID_TRANSITION', 'This lead is already converted', {
      status: lead.status,
      convertedTo: {
        accountId: lead.convertedAccountId,
        contactId: lead.convertedContactId,
        opportunityId: lead.convertedOpportunityId,
      },
    });
  }
  if (lead.archivedAt) {
    throw new BatonError(
      'INVALID_TRANSITION',
      lead.mergedIntoId ? 'This lead was merged into another; convert that one' : 'This lead is archived',
      { archivedAt: lead.archivedAt.toISOString(), mergedInto: lead.mergedIntoId },
    );
  }
}

async function accountFor(
  tx: EntityManager,
  outbox: OutboxService,
  lead: Lead,
  choice: ConvertLeadInput['account'],
  ownerId: string,
  actor: User,
): Promise<Account> {
  if (choice && 'existingId' in choice) {
    const account = await tx.findOne(
      Account,
      { id: choice.existingId, archivedAt: null },
      { populate: ['owner'] },
    );
    if (!account) throw badReference('account.existingId', choice.existingId);
    return account;
  }
  const name = choice?.name ?? lead.company ?? lead.name;
  return createAccount(tx, outbox, { name, region: lead.region ?? undefined, ownerId }, actor);
}

/**
 * An existing contact, linked to the account (with `role`, when given) unless it already is. A new
 * link changes the contact, so it takes the right to change the contact and records
 * `contact.updated`, as a PATCH would.
 */
async function linkExistingContact(
  tx: EntityManager,
  outbox: OutboxService,
  id: string,
  account: Account,
  role: string | null,
  actor: User,
): Promise<Contact> {
  const contact = await tx.findOne(Contact, { id, archivedAt: null }, { populate: CONTACT_POPULATE });
  if (!contact) throw badReference('contact.existingId', id);
  const links = contact.accountLinks.getItems().map((l) => ({ accountId: l.account.id, role: l.role }));
  const current = links.find((l) => l.accountId === account.id);
  if (current && (role === null || current.role === role)) return contact;
  assertMayEdit(contact, actor, 'contacts');
  if (current) current.role = role;
  else links.push({ accountId: account.id, role });
  const before = contactSnapshot(contact);
  await linkAccounts(tx, contact, links, 'account.existingId');
  const changes = diff(before, contactSnapshot(contact), CONTACT_EVENT_FIELDS);
  // Link changes alone do not touch the row; touching it bumps the version all the same.
  contact.updatedAt = new Date();
  recordChange(outbox, tx, { type: 'contact', id: contact.id }, 'updated', actor, changes);
  return contact;
}
