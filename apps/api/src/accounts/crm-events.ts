import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';
import { diff, type Changes } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';

/** A workflow run making a change, e.g. a step creating a renewal opportunity. */
export interface RunActor {
  run: { workflowId: string; runId: string };
}

/** Who makes a change: a person, or a workflow run. */
export type ChangeActor = User | RunActor;

export function isRunActor(actor: ChangeActor): actor is RunActor {
  return 'run' in actor;
}

/**
 * Records `<type>.<action>` in the caller's transaction; an update that changed nothing records
 * nothing. A run's change names no user and carries the run as its cause, so that workflow is not
 * triggered again by its own write.
 */
export function recordChange(
  outbox: OutboxService,
  tx: EntityManager,
  record: { type: string; id: string },
  action: 'created' | 'updated' | 'deleted',
  actor: ChangeActor,
  changes: Changes,
): void {
  if (action !== 'created' && Object.keys(changes).length === 0) return;
  outbox.record(tx, {
    type: `${record.type}.${action}`,
    aggregateType: record.type,
    aggregateId: record.id,
    actorId: isRunActor(actor) ? null : actor.id,
    changes,
    ...(isRunActor(actor) ? { cause: actor.run } : {}),
  });
}

/** An entity as the plain record `diff` and `created` compare. */
export function fieldsOf(entity: object): Record<string, unknown> {
  return { ...entity };
}

/**
 * Changes a record in its own transaction: `apply` edits it (returning false when there is nothing
 * to do), `<type>.<action>` is recorded with what changed, and the dispatcher is told once
 * committed. `onChanged` runs only when some event field changed (e.g. to touch the row).
 */
export async function changeRecord<R extends { id: string }>(
  em: EntityManager,
  outbox: OutboxService,
  spec: {
    type: string;
    action: 'updated' | 'deleted';
    actor: User;
    load: (tx: EntityManager) => Promise<R>;
    /** The record as events compare it, and the fields they carry. */
    snapshot: (record: R) => Record<string, unknown>;
    fields: readonly string[];
    apply: (tx: EntityManager, record: R) => Promise<boolean | void> | boolean | void;
    onChanged?: (record: R) => void;
  },
): Promise<R> {
  const record = await em.transactional(async (tx) => {
    const record = await spec.load(tx);
    const before = spec.snapshot(record);
    if ((await spec.apply(tx, record)) === false) return record;
    const changes = diff(before, spec.snapshot(record), spec.fields);
    if (Object.keys(changes).length > 0) spec.onChanged?.(record);
    recordChange(outbox, tx, { type: spec.type, id: record.id }, spec.action, spec.actor, changes);
    return record;
  });
  outbox.committed();
  return record;
}

/**
 * Archives a record: sets `archivedAt` (and whatever `also` changes) and records `<type>.deleted`.
 * Archiving an archived record changes nothing and records nothing.
 */
export async function archiveRecord<R extends { id: string; archivedAt: Date | null }>(
  em: EntityManager,
  outbox: OutboxService,
  spec: {
    type: string;
    actor: User;
    load: (tx: EntityManager) => Promise<R>;
    snapshot: (record: R) => Record<string, unknown>;
    fields: readonly string[];
    also?: (record: R) => void;
  },
): Promise<R> {
  return changeRecord(em, outbox, {
    ...spec,
    action: 'deleted',
    apply: (_tx, record) => {
      if (record.archivedAt) return false;
      record.archivedAt = new Date();
      spec.also?.(record);
      return true;
    },
  });
}
