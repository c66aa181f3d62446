import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { OutboxService } from '../outbox/outbox.service';
import { User } from '../users/user.entity';
import { created, diff } from '../outbox/changes';
import type { CreateLeadInput, LeadView, ListLeadsQuery, UpdateLeadInput } from './lead.dto';
import { Lead } from './lead.entity';
import { leadFields, leadView } from './lead.view';

// Fields whose changes are published in lead events (and so can trigger workflows).
export const LEAD_EVENT_FIELDS = [
  'name',
  'email',
  'company',
  'phone',
  'source',
  'status',
  'score',
  'region',
  'ownerId',
] as const;

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
      const lead = await tx.findOne(Lead, { id }, { populate: ['owner'] });
      if (!lead) throw new BatonError('NOT_FOUND', 'No lead with this id', { id });
      this.assertMayEdit(lead, actor);
      if (lead.version !== input.version) {
        throw new BatonError('CONFLICT', 'The lead was changed by someone else; reload it and try again', {
          currentVersion: lead.version,
        });
      }
      const before = leadFields(lead);
      const { version: _version, ownerId, ...fields } = input;
      Object.assign(lead, fields);
      if (ownerId !== undefined) lead.owner = ownerId === null ? null : await this.user(tx, ownerId);
      const changes = diff(before, leadFields(lead), LEAD_EVENT_FIELDS);
      if (Object.keys(changes).length > 0) {
        this.outbox.record(tx, {
          type: 'lead.updated',
          aggregateType: 'lead',
          aggregateId: lead.id,
          actorId: actor.id,
          changes,
        });
      }
      return lead;
    });
    this.outbox.committed();
    return leadView(lead);
  }

  // Reps edit their own leads (and unassigned ones); managers and admins edit any.
  private assertMayEdit(lead: Lead, actor: User): void {
    if (actor.role === 'admin' || actor.role === 'manager') return;
    if (actor.role === 'sales_rep' && (lead.owner === null || lead.owner.id === actor.id)) return;
    throw new BatonError('FORBIDDEN', 'You may only edit your own leads');
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
