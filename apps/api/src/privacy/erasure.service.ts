import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuditEntry } from '../audit/audit-entry.entity';
import { User } from '../users/user.entity';
import { AboutScope } from './about-scope';
import { anonymise, scrubText } from './anonymise';
import {
  dropPendingEvents,
  erasedAt,
  lockPerson,
  markCancelled,
  remainingMatches,
  runningRuns,
} from './erasure-queries';
import { findPerson, type Person, type SubjectRef } from './person';
import type { ErasureResult } from './privacy.dto';
import { RunStopper } from './run-stopper';
import { columnKinds } from './sql';

export interface ErasureRequest {
  reason: string;
  /** The admin asking; null for the retention schedule. */
  actorId: string | null;
  trigger: 'request' | 'retention';
}

function recordsOf(person: Person): SubjectRef[] {
  return [
    ...person.contacts.map((id) => ({ type: 'contact' as const, id })),
    ...person.leads.map((id) => ({ type: 'lead' as const, id })),
  ];
}

function alreadyErased(person: Person, at: Date): ErasureResult {
  return {
    subject: person.subject,
    erasedAt: at.toISOString(),
    alreadyErased: true,
    records: recordsOf(person),
    counts: {},
    runsCancelled: [],
    historiesDeleted: 0,
    remainingMatches: [],
  };
}

/**
 * Erases a person: their records keep their ids, dates, amounts, stages and links, and lose every
 * value that identifies them — in the records themselves and in every table the registry lists
 * (notes, activities, tasks, events, audit, runs, campaign rows …). Runs on their records are
 * cancelled first and their Temporal histories deleted. Idempotent: erasing again changes nothing.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly orm: MikroORM,
    private readonly runs: RunStopper,
  ) {}

  async erase(subject: SubjectRef, request: ErasureRequest): Promise<ErasureResult> {
    const em = this.orm.em.fork();
    const person = await findPerson(em, subject);
    if (person.erasedAt) return alreadyErased(person, person.erasedAt);
    const columns = await columnKinds(em);
    // Runs are stopped before anything is scrubbed, so none writes their data back afterwards.
    const runIds = await new AboutScope(em, person, columns).keysOf('workflow_runs');
    const running = await runningRuns(em, runIds);
    await this.runs.stop(running);
    const historiesDeleted = await this.runs.forget(runIds);

    return em.transactional(async (tx) => {
      // Two erasures of one person at once: the second waits here, then finds it done.
      const locked = await lockPerson(tx, person);
      if (locked) return alreadyErased(person, locked);
      const scope = new AboutScope(tx, person, columns);
      await dropPendingEvents(tx, scope);
      const counts = await anonymise(tx, scope);
      await markCancelled(tx, running);
      const records = recordsOf(person);
      tx.create(AuditEntry, {
        actor: request.actorId ? tx.getReference(User, request.actorId) : null,
        action: 'privacy.erased',
        entityType: subject.type,
        entityId: subject.id,
        before: null,
        after: {
          reason: await scrubText(tx, request.reason, scope),
          trigger: request.trigger,
          records,
          counts,
          runsCancelled: running,
          historiesDeleted,
        },
      });
      return {
        subject,
        erasedAt: (await erasedAt(tx, subject))!.toISOString(),
        alreadyErased: false,
        records,
        counts,
        runsCancelled: running,
        historiesDeleted,
        remainingMatches: await remainingMatches(tx, person),
      };
    });
  }
}
