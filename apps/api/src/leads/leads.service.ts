import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import type { AccountView } from '../accounts/account.dto';
import { accountView } from '../accounts/account.view';
import { assertVersion } from '../accounts/crm-access';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import type { ContactView } from '../contacts/contact.dto';
import { contactView } from '../contacts/contact.view';
import type { OpportunityView } from '../opportunities/opportunity.dto';
import { opportunityView } from '../opportunities/opportunity.view';
import { created } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { User } from '../users/user.entity';
import type { CreateLeadInput, LeadView, ListLeadsQuery, UpdateLeadInput } from './lead.dto';
import { assertStatusEdit, editableLead, LEAD_EVENT_FIELDS, recordLeadUpdate } from './lead-change';
import { convertLead } from './lead-convert';
import type { ConvertLeadInput } from './lead-convert.dto';
import { Lead } from './lead.entity';
import { leadFields, leadView } from './lead.view';

// The merge service reads the event fields from here.
export { LEAD_EVENT_FIELDS };

export interface LeadConversionView {
  lead: LeadView;
  account: AccountView;
  contact: ContactView;
  opportunity: OpportunityView | null;
  /** False when an existing contact was reused (so there is nothing to check for duplicates). */
  contactCreated: boolean;
}

// Reps see the leads they own and the unassigned ones waiting to be routed; everyone else sees all.
export function leadsVisibleTo(viewer: User): Record<string, unknown> {
  return viewer.role === 'sales_rep' ? { $or: [{ owner: viewer.id }, { owner: null }] } : {};
}

@Injectable()
export class LeadsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  /** Stores the lead and its `lead.created` event in one transaction: both or neither. */
  async create(input: CreateLeadInput, actor: User): Promise<LeadView> {
    const lead = await this.em.transactional(async (tx) => {
      const lead = tx.create(Lead, { ...input });
      this.outbox.record(tx, {
        type: 'lead.created',
        aggregateType: 'lead',
        aggregateId: lead.id,
        actorId: actor.id,
        changes: created(leadFields(lead), LEAD_EVENT_FIELDS),
      });
      return lead;
    });
    this.outbox.committed();
    return leadView(lead);
  }

  /** PATCH: applies the given fields if `version` is still current, else CONFLICT (no lost update). */
  async update(id: string, input: UpdateLeadInput, actor: User): Promise<LeadView> {
    const lead = await this.em.transactional(async (tx) => {
      const lead = await editableLead(tx, id, actor);
      assertVersion(lead, input.version, 'lead');
      assertStatusEdit(lead, input.status);
      const before = leadFields(lead);
      const { version: _version, ownerId, ...fields } = input;
      Object.assign(lead, fields);
      if (ownerId !== undefined) lead.owner = ownerId === null ? null : await this.user(tx, ownerId);
      recordLeadUpdate(this.outbox, tx, lead, before, actor);
      return lead;
    });
    this.outbox.committed();
    return leadView(lead);
  }

  /** Converts the lead into an account, a contact and optionally an opportunity: all or nothing. */
  async convert(id: string, input: ConvertLeadInput, actor: User): Promise<LeadConversionView> {
    const done = await this.em.transactional((tx) => convertLead(tx, this.outbox, id, input, actor));
    this.outbox.committed();
    return {
      lead: leadView(done.lead),
      account: accountView(done.account),
      contact: contactView(done.contact),
      opportunity: done.opportunity ? opportunityView(done.opportunity) : null,
      contactCreated: done.contactCreated,
    };
  }

  private async user(em: EntityManager, id: string): Promise<User> {
    const user = await em.findOne(User, { id, active: true });
    if (!user)
      throw new BatonError('VALIDATION_FAILED', 'The new owner is not an active user', { ownerId: id });
    return user;
  }

  async get(id: string, viewer: User): Promise<LeadView> {
    const lead = await this.em.findOne(Lead, { id, ...this.visibleTo(viewer) }, { populate: ['owner'] });
    // Another rep's lead reads as missing: its existence is not the viewer's business.
    if (!lead) throw new BatonError('NOT_FOUND', 'No lead with this id', { id });
    return leadView(lead);
  }

  private visibleTo(viewer: User): Record<string, unknown> {
    return leadsVisibleTo(viewer);
  }

  async list(query: ListLeadsQuery, viewer: User): Promise<Page<LeadView>> {
    const cursor = decodeCursor(query.cursor, 'uuid');
    // Leads merged into another are archived: readable by id, no longer listed.
    const where: Record<string, unknown> = { $and: [this.visibleTo(viewer), { archivedAt: null }] };
    if (query.status) where.status = query.status;
    if (query.owner) where.owner = query.owner === 'me' ? viewer.id : query.owner;
    if (cursor) {
      where.$or = [
        { createdAt: { $lt: new Date(cursor.at) } },
        { createdAt: new Date(cursor.at), id: { $lt: cursor.id } },
      ];
    }
    const rows = await this.em.find(Lead, where, {
      populate: ['owner'],
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
        : null;
    return { items: items.map(leadView), nextCursor };
  }
}
