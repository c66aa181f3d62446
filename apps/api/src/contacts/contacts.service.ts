import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { activeUser, assertMayEdit, assertVersion } from '../accounts/crm-access';
import { archiveRecord, changeRecord } from '../accounts/crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  CONTACT_SORTS,
  type ContactView,
  type CreateContactInput,
  type ListContactsQuery,
  type UpdateContactInput,
} from './contact.dto';
import { Contact } from './contact.entity';
import { contactView } from './contact.view';
import {
  CONTACT_EVENT_FIELDS as EVENT_FIELDS,
  CONTACT_POPULATE as POPULATE,
  contactSnapshot as snapshot,
  createContact,
  linkAccounts,
} from './contact-create';

// The merge service reads these under their old names.
export { EVENT_FIELDS, POPULATE, snapshot };

@Injectable()
export class ContactsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateContactInput, actor: User): Promise<ContactView> {
    const contact = await this.em.transactional((tx) => createContact(tx, this.outbox, input, actor));
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
        if (accounts) await linkAccounts(tx, contact, accounts);
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

  private async find(em: EntityManager, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { id }, { populate: POPULATE });
    if (!contact) throw new BatonError('NOT_FOUND', 'No contact with this id', { id });
    return contact;
  }
}
