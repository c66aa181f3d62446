import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { Account } from '../accounts/account.entity';
import { activeUser, assertMayEdit, assertVersion, badReference, newOwner } from '../accounts/crm-access';
import { archiveRecord, changeRecord, fieldsOf, recordChange } from '../accounts/crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { created, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  CONTACT_SORTS,
  type AccountLinkInput,
  type ContactView,
  type CreateContactInput,
  type ListContactsQuery,
  type UpdateContactInput,
} from './contact.dto';
import { AccountContact, Contact } from './contact.entity';
import { contactView } from './contact.view';

export const EVENT_FIELDS = ['name', 'email', 'phone', 'title', 'owner', 'accounts', 'archivedAt'] as const;
export const POPULATE = ['owner', 'accountLinks.account'] as const;

// Account links as event data: `[{ id, role }]` in a stable order.
export function snapshot(contact: Contact): Record<string, unknown> {
  const accounts = contact.accountLinks
    .getItems()
    .map((l) => ({ id: l.account.id, role: l.role }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { ...fieldsOf(contact), accounts };
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateContactInput, actor: User): Promise<ContactView> {
    const contact = await this.em.transactional(async (tx) => {
      const { ownerId, accounts, ...fields } = input;
      const contact = tx.create(Contact, { ...fields, owner: await newOwner(tx, ownerId, actor) });
      await this.link(tx, contact, accounts ?? []);
      this.event(tx, contact, 'created', actor, created(snapshot(contact), EVENT_FIELDS));
      return contact;
    });
    this.outbox.committed();
    return contactView(contact);
  }

  async update(id: string, input: UpdateContactInput, actor: User): Promise<ContactView> {
    const contact = await changeRecord(this.em, this.outbox, {
      type: 'contact',
      action: 'updated',
      actor,
      load: async (tx) => {
        const contact = await this.find(tx, id);
        assertMayEdit(contact, actor, 'contacts');
        assertVersion(contact, input.version, 'contact');
        return contact;
      },
      snapshot,
      fields: EVENT_FIELDS,
      apply: async (tx, contact) => {
        const { version: _version, ownerId, accounts, ...fields } = input;
        Object.assign(contact, fields);
        if (ownerId !== undefined) contact.owner = ownerId === null ? null : await activeUser(tx, ownerId);
        if (accounts) await this.link(tx, contact, accounts);
      },
      // Link changes alone do not touch the row; touching it bumps the version all the same.
      onChanged: (contact) => {
        contact.updatedAt = new Date();
      },
    });
    return contactView(contact);
  }

  async archive(id: string, actor: User): Promise<ContactView> {
    const contact = await archiveRecord(this.em, this.outbox, {
      type: 'contact',
      actor,
      load: async (tx) => {
        const contact = await this.find(tx, id);
        assertMayEdit(contact, actor, 'contacts');
        return contact;
      },
      snapshot: snapshot,
      fields: EVENT_FIELDS,
    });
    return contactView(contact);
  }

  async get(id: string): Promise<ContactView> {
    return contactView(await this.find(this.em, id));
  }

  async list(query: ListContactsQuery, viewer: User): Promise<Page<ContactView>> {
    const sort = parseSort(query.sort, CONTACT_SORTS);
    const pattern = query.q ? containsPattern(query.q) : undefined;
    const where = allOf([
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.account ? { accountLinks: { account: query.account } } : undefined,
      pattern ? { $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Contact, where, {
      populate: POPULATE,
      populateWhere: 'all',
      strategy: 'select-in',
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, contactView);
  }

  /** Makes the contact's account links exactly `links`; new links must name live accounts. */
  private async link(tx: EntityManager, contact: Contact, links: AccountLinkInput[]): Promise<void> {
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
      if (!account) throw badReference('accounts', accountId);
      contact.accountLinks.add(tx.create(AccountContact, { account, contact, role: role ?? null }));
    }
    // orphanRemoval deletes the rows of links taken out of the collection.
    for (const stale of current.values()) contact.accountLinks.remove(stale);
  }

  private async find(em: EntityManager, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { id }, { populate: POPULATE });
    if (!contact) throw new BatonError('NOT_FOUND', 'No contact with this id', { id });
    return contact;
  }

  private event(
    tx: EntityManager,
    contact: Contact,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'contact', id: contact.id }, action, actor, changes);
  }
}
