import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import { BatonError, ROLES } from '@baton/domain';
import { User } from '../../users/user.entity';
import { AssignmentCursor } from '../assignment-cursor.entity';
import { loadLead } from '../records';
import { defineStepHandler } from '../step-handler';

const configSchema = z.strictObject({
  strategy: z.literal('round_robin').default('round_robin'),
  role: z.enum(ROLES).default('sales_rep'),
});

/** Gives the record an owner, taking active users of a role in turn. */
export const assignOwnerStep = defineStepHandler({
  type: 'assign_owner',
  title: 'Assign owner',
  category: 'Routing',
  configSchema,
  async run({ config, input, em }) {
    const lead = await loadLead(em, input.context.record);
    const candidates = await em.find(User, { role: config.role, active: true }, { orderBy: { email: 'asc' } });
    if (candidates.length === 0) {
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', `No active user has the role ${config.role}`);
    }
    const pool = `role:${config.role}`;
    await em.getConnection().execute('insert into assignment_cursors (pool, position) values (?, 0) on conflict do nothing', [pool]);
    // The row lock serialises concurrent runs so two leads never take the same turn.
    const cursor = await em.findOneOrFail(AssignmentCursor, { pool }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const owner = candidates[cursor.position % candidates.length]!;
    cursor.position = (cursor.position + 1) % candidates.length;
    lead.owner = owner;
    return { ownerId: owner.id, ownerName: owner.name };
  },
});
