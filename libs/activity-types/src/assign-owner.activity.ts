import { z } from 'zod';
import { BatonError, ROLES } from '@baton/domain';
import { defineActivityType, type CrmUser } from '@baton/activity-sdk';

const configSchema = z.strictObject({
  strategy: z
    .enum(['round_robin', 'least_loaded'])
    .default('round_robin')
    .describe('Round-robin takes turns; least-loaded picks whoever has the fewest open tasks'),
  role: z.enum(ROLES).default('sales_rep').describe('Users of this role share the work'),
});

function leastLoaded(candidates: CrmUser[]): CrmUser {
  return candidates.reduce((best, user) => (user.openTasks < best.openTasks ? user : best));
}

/** Gives the record an owner, skipping inactive users. */
export const assignOwner = defineActivityType({
  type: 'assign_owner',
  title: 'Assign owner',
  category: 'Routing',
  icon: 'user-check',
  description: 'Sets the record owner to the next user of a role, in turn or by workload.',
  configSchema,
  outputSchema: z.object({ ownerId: z.string(), ownerName: z.string() }),
  async run({ config, record, crm }) {
    const candidates = (await crm.findUsers({ role: config.role, active: true })).sort((a, b) =>
      a.email.localeCompare(b.email),
    );
    if (candidates.length === 0)
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', `No active user has the role ${config.role}`);
    const owner =
      config.strategy === 'round_robin'
        ? candidates[await crm.takeTurn(`role:${config.role}`, candidates.length)]!
        : leastLoaded(candidates);
    await crm.updateRecord(record, { ownerId: owner.id });
    return { ownerId: owner.id, ownerName: owner.name };
  },
});
