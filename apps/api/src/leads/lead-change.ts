import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { diff } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import { Lead } from './lead.entity';
import { leadFields } from './lead.view';

// What every change to a lead shares — who may make it and the event it records — whether it is
// a field edit or a conversion.

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

// Reps edit their own leads (and unassigned ones); managers and admins edit any.
export function assertMayEditLead(lead: Lead, actor: User): void {
  if (actor.role === 'admin' || actor.role === 'manager') return;
  if (actor.role === 'sales_rep' && (lead.owner === null || lead.owner.id === actor.id)) return;
  throw new BatonError('FORBIDDEN', 'You may only edit your own leads');
}

/**
 * The lead, with its owner, if the actor may change it. `lock` holds its row until the transaction
 * ends, so of two simultaneous changes the second sees the first.
 */
export async function editableLead(
  tx: EntityManager,
  id: string,
  actor: User,
  options: { lock?: boolean } = {},
): Promise<Lead> {
  // Locked alone: Postgres refuses FOR UPDATE over the outer join that would populate the owner.
  const lead = await tx.findOne(
    Lead,
    { id },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : { populate: ['owner'] },
  );
  if (!lead) throw new BatonError('NOT_FOUND', 'No lead with this id', { id });
  if (options.lock) await tx.populate(lead, ['owner']);
  assertMayEditLead(lead, actor);
  return lead;
}

/** Records `lead.updated` with what changed since `before` (`leadFields`); nothing if nothing did. */
export function recordLeadUpdate(
  outbox: OutboxService,
  tx: EntityManager,
  lead: Lead,
  before: Record<string, unknown>,
  actor: User,
): void {
  const changes = diff(before, leadFields(lead), LEAD_EVENT_FIELDS);
  if (Object.keys(changes).length === 0) return;
  outbox.record(tx, {
    type: 'lead.updated',
    aggregateType: 'lead',
    aggregateId: lead.id,
    actorId: actor.id,
    changes,
  });
}

/**
 * "Converted" means an account, contact and maybe opportunity exist for the lead, so only the convert
 * action may set it, and a converted lead keeps it: a status edit would orphan what it became.
 */
export function assertStatusEdit(lead: Lead, status: Lead['status'] | undefined): void {
  if (status === undefined || status === lead.status) return;
  if (status === 'converted') {
    throw new BatonError('INVALID_TRANSITION', 'Convert the lead to mark it converted', {
      status: lead.status,
      action: `POST /api/leads/${lead.id}/convert`,
    });
  }
  if (lead.status === 'converted') {
    throw new BatonError('INVALID_TRANSITION', 'A converted lead keeps its status', { status: lead.status });
  }
}
