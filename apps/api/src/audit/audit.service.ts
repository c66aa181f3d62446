import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { User } from '../users/user.entity';
import type { AuditEntryView, ListAuditQuery } from './audit.dto';
import { AuditEntry } from './audit-entry.entity';

export interface AuditInput {
  actor: User;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

function view(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor ? { id: entry.actor.id, name: entry.actor.name } : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Adds an entry to `em`'s unit of work: pass the transaction's EntityManager so the entry
   * commits, or rolls back, with the change it describes.
   */
  record(em: EntityManager, entry: AuditInput): AuditEntry {
    return em.create(AuditEntry, {
      actor: em.getReference(User, entry.actor.id),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    });
  }

  /** Newest first, keyset-paginated on (at, id). */
  async list(query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const cursor = decodeCursor(query.cursor, 'uuid');
    const where: Record<string, unknown>[] = [];
    if (query.entityType) where.push({ entityType: query.entityType });
    if (query.entityId) where.push({ entityId: query.entityId });
    if (query.actorId) where.push({ actor: query.actorId });
    if (cursor) {
      const at = new Date(cursor.at);
      where.push({ $or: [{ at: { $lt: at } }, { at, id: { $lt: cursor.id } }] });
    }
    const rows = await this.em.find(AuditEntry, where.length ? { $and: where } : {}, {
      populate: ['actor'],
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(view),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ at: last.at.toISOString(), id: last.id }) : null,
    };
  }
}
