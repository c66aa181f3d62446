import { z } from 'zod';
import { BatonError, ROLES } from '@baton/domain';
import { defineActivityType, type CrmGateway, type RecordRef } from '@baton/activity-sdk';
import { recordData, renderTemplate } from './record-data';

export const recipientSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('record_owner') }),
  z.strictObject({ kind: z.literal('manager_of_owner') }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(ROLES) }),
  z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
]);

const configSchema = z.strictObject({
  to: z
    .array(recipientSchema)
    .min(1)
    .max(10)
    .default([{ kind: 'record_owner' }]),
  title: z.string().trim().min(1).max(200).describe('Placeholders such as {{quote.name}} are filled in'),
  body: z
    .string()
    .max(2000)
    .optional()
    .describe('Placeholders such as {{steps.approve.comment}} are filled in'),
});

type Recipient = z.infer<typeof recipientSchema>;

export async function resolve(crm: CrmGateway, record: RecordRef, to: Recipient[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const recipient of to) {
    if (recipient.kind === 'user') ids.add(recipient.userId);
    if (recipient.kind === 'role') {
      for (const user of await crm.findUsers({ role: recipient.role, active: true })) ids.add(user.id);
    }
    if (recipient.kind === 'record_owner' || recipient.kind === 'manager_of_owner') {
      const { ownerId } = await crm.getRecord(record);
      if (!ownerId) continue;
      if (recipient.kind === 'record_owner') ids.add(ownerId);
      else {
        const [owner] = await crm.findUsers({ ids: [ownerId] });
        if (owner?.managerId) ids.add(owner.managerId);
      }
    }
  }
  return [...ids];
}

/** Sends an in-app notification (the bell) to people named by their relation to the record. */
export const notify = defineActivityType({
  type: 'notify',
  title: 'Notify',
  category: 'Messages',
  icon: 'bell',
  description: 'Tells the record owner, their manager, a role or a named user, in the app.',
  configSchema,
  outputSchema: z.object({ notified: z.array(z.string()) }),
  async run({ config, record, steps, trigger, crm }) {
    const recipients = await resolve(crm, record, config.to);
    if (recipients.length === 0)
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'Nobody to notify: the record has no owner or manager');
    const data = await recordData(crm, record, steps, trigger);
    const title = renderTemplate(config.title, data);
    const body = config.body === undefined ? undefined : renderTemplate(config.body, data);
    for (const userId of recipients) {
      await crm.notify({ userId, title, ...(body === undefined ? {} : { body }), record });
    }
    return { notified: recipients };
  },
});
