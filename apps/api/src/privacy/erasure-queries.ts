import type { EntityManager } from '@mikro-orm/postgresql';
import type { AboutScope } from './about-scope';
import type { Person, SubjectRef } from './person';
import { registryEntry } from './personal-data-registry';
import { inList } from './sql';

// The bookkeeping around an erasure, each in the caller's transaction (or outside one).

const tableOf = (type: SubjectRef['type']) => (type === 'contact' ? 'contacts' : 'leads');

/** Locks the person's records; returns when the one asked about was erased, if it already was. */
export async function lockPerson(tx: EntityManager, person: Person): Promise<Date | null> {
  if (person.contacts.length > 0)
    await tx.execute(`select 1 from contacts where id in (?) for update`, [person.contacts]);
  if (person.leads.length > 0)
    await tx.execute(`select 1 from leads where id in (?) for update`, [person.leads]);
  return erasedAt(tx, person.subject);
}

export async function erasedAt(em: EntityManager, subject: SubjectRef): Promise<Date | null> {
  const [row] = await em.execute<Array<{ erased_at: Date | null }>>(
    `select erased_at from ${tableOf(subject.type)} where id = ?`,
    [subject.id],
  );
  return row?.erased_at ? new Date(row.erased_at) : null;
}

/** The runs among `runIds` still running. */
export async function runningRuns(em: EntityManager, runIds: string[]): Promise<string[]> {
  const ids = inList('id', runIds);
  if (!ids) return [];
  const rows = await em.execute<Array<{ id: string }>>(
    `select id from workflow_runs where ${ids.sql} and status = 'running' order by id`,
    ids.params,
  );
  return rows.map((r) => r.id);
}

/** Stopped runs that could not record it themselves (terminated) are recorded as cancelled. */
export async function markCancelled(tx: EntityManager, runIds: string[]): Promise<void> {
  if (runIds.length === 0) return;
  await tx.execute(
    `update workflow_runs set status = 'cancelled', finished_at = coalesce(finished_at, now()) where id in (?) and status = 'running'`,
    [runIds],
  );
}

/** Their events not yet handed to Temporal would start runs on the erased record: dropped. */
export async function dropPendingEvents(tx: EntityManager, scope: AboutScope): Promise<void> {
  const entry = registryEntry('outbox_events');
  const where = entry?.holds === 'personal' ? await scope.predicate(entry, 'a', 'whole') : null;
  if (!where) return;
  await tx.execute(
    `update outbox_events a set dispatched_at = now(), last_error = 'not dispatched: the personal data of its record was erased' where a.dispatched_at is null and ${where.sql}`,
    where.params,
  );
}

/** Other live records with one of the person's addresses: maybe the same person, never merged. */
export async function remainingMatches(tx: EntityManager, person: Person): Promise<SubjectRef[]> {
  if (person.emails.length === 0) return [];
  const found: SubjectRef[] = [];
  for (const type of ['contact', 'lead'] as const) {
    const rows = await tx.execute<Array<{ id: string }>>(
      `select id from ${tableOf(type)} where erased_at is null and lower(btrim(email)) in (?) order by id`,
      [person.emails],
    );
    found.push(...rows.map((r) => ({ type, id: r.id })));
  }
  return found;
}
