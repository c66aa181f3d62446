import { z } from 'zod';
import { defineActivityType, type CrmGateway } from '@baton/activity-sdk';
import { recordData, renderTemplate } from './record-data';

const configSchema = z.strictObject({
  reassign: z.boolean().default(true).describe("Make the owner's manager the record's owner"),
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('What the manager is told; placeholders such as {{case.subject}}'),
  body: z.string().max(2000).optional(),
});

// Inactive managers are skipped: the escalation goes on up to theirs.
const MAX_CHAIN = 5;

async function activeManagerOf(
  crm: CrmGateway,
  userId: string,
): Promise<{ id: string; name: string } | null> {
  let current = userId;
  for (let level = 0; level < MAX_CHAIN; level++) {
    const [user] = await crm.findUsers({ ids: [current] });
    if (!user?.managerId) return null;
    const [manager] = await crm.findUsers({ ids: [user.managerId] });
    if (!manager) return null;
    if (manager.active) return { id: manager.id, name: manager.name };
    current = manager.id;
  }
  return null;
}

/**
 * Moves a record one step up the management chain: tells the owner's manager and (by default)
 * makes them the owner. At the top of the chain it escalates to nobody and says so in its output,
 * so a definition can loop "until handled" without failing.
 */
export const escalate = defineActivityType({
  type: 'escalate',
  title: 'Escalate',
  category: 'Routing',
  icon: 'arrow-up',
  description: "Tells the owner's manager and hands them the record, one level up the chain.",
  configSchema,
  outputSchema: z.object({
    escalatedTo: z.string().nullable(),
    escalatedToName: z.string().nullable(),
    from: z.string().nullable(),
  }),
  async run({ config, record, steps, trigger, crm }) {
    const { ownerId } = await crm.getRecord(record);
    const manager = ownerId ? await activeManagerOf(crm, ownerId) : null;
    if (!manager) return { escalatedTo: null, escalatedToName: null, from: ownerId };
    const data = await recordData(crm, record, steps, trigger);
    await crm.notify({
      userId: manager.id,
      title: renderTemplate(config.title, data),
      ...(config.body === undefined ? {} : { body: renderTemplate(config.body, data) }),
      record,
    });
    if (config.reassign) await crm.updateRecord(record, { ownerId: manager.id });
    return { escalatedTo: manager.id, escalatedToName: manager.name, from: ownerId };
  },
});
