import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type { CreateLeadInput, LeadView, ListLeadsQuery } from './lead.dto';
import { Lead } from './lead.entity';
import { leadView } from './lead.view';

@Injectable()
export class LeadsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  /** Stores the lead and its `lead.created` event in one transaction: both or neither. */
  async create(input: CreateLeadInput): Promise<LeadView> {
    const lead = await this.em.transactional(async (tx) => {
      const created = tx.create(Lead, { ...input });
      this.outbox.record(tx, {
        type: 'lead.created',
        aggregateType: 'lead',
        aggregateId: created.id,
        payload: { name: created.name, source: created.source },
      });
      return created;
    });
    this.outbox.committed();
    return leadView(lead);
  }

  async get(id: string): Promise<LeadView> {
    const lead = await this.em.findOne(Lead, { id }, { populate: ['owner'] });
    if (!lead) throw new BatonError('NOT_FOUND', 'No lead with this id', { id });
    return leadView(lead);
  }

  async list(query: ListLeadsQuery, viewer: User): Promise<Page<LeadView>> {
    const cursor = decodeCursor(query.cursor);
    const where: Record<string, unknown> = {};
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
