import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { diff, type Changes } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';

/** Records `<type>.<action>` in the caller's transaction; an update that changed nothing records nothing. */
export function recordChange(
  outbox: OutboxService,
  tx: EntityManager,
  record: { type: string; id: string },
  action: 'created' | 'updated' | 'deleted',
  actor: User,
  changes: Changes,
): void {
  if (action !== 'created' && Object.keys(changes).length === 0) return;
  outbox.record(tx, {
    type: `${record.type}.${action}`,
    aggregateType: record.type,
    aggregateId: record.id,
    actorId: actor.id,
    changes,
  });
}

/** An entity as the plain record `diff` and `created` compare. */
export function fieldsOf(entity: object): Record<string, unknown> {
  return { ...entity };
}

/**
 * Archives a record in its own transaction: sets `archivedAt` (and whatever `also` changes), records
 * `<type>.deleted` with what changed, and tells the dispatcher once committed. Archiving an archived
 * record changes nothing and records nothing.
 */
export async function archiveRecord<R extends { id: string; archivedAt: Date | null }>(
  em: EntityManager,
  outbox: OutboxService,
  spec: {
    type: string;
    actor: User;
    load: (tx: EntityManager) => Promise<R>;
    /** The record as events compare it, and the fields they carry. */
    snapshot: (record: R) => Record<string, unknown>;
    fields: readonly string[];
    also?: (record: R) => void;
  },
): Promise<R> {
  const record = await em.transactional(async (tx) => {
    const record = await spec.load(tx);
    if (record.archivedAt) return record;
    const before = spec.snapshot(record);
    record.archivedAt = new Date();
    spec.also?.(record);
    const changes = diff(before, spec.snapshot(record), spec.fields);
    recordChange(outbox, tx, { type: spec.type, id: record.id }, 'deleted', spec.actor, changes);
    return record;
  });
  outbox.committed();
  return record;
}
