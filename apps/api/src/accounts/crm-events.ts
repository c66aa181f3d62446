import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import type { Changes } from '../outbox/changes';
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
