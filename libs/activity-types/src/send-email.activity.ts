import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { defineActivityType, type CrmGateway, type RecordRef } from '@baton/activity-sdk';
import { recipientSchema, resolve as resolveUsers } from './notify.activity';
import { recordData, renderTemplate } from './record-data';

const HAS_PLACEHOLDER = /\{\{[^}]*\}\}/;
const isEmail = (value: string) => z.email().safeParse(value).success;

const emailRecipient = z.strictObject({
  kind: z.literal('email'),
  address: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .refine((v) => HAS_PLACEHOLDER.test(v) || isEmail(v), 'must be an email address or a {{placeholder}}')
    .describe('An address, or a placeholder such as {{lead.email}}'),
});

const toSchema = z.discriminatedUnion('kind', [...recipientSchema.options, emailRecipient]);

const configSchema = z.strictObject({
  to: z
    .array(toSchema)
    .min(1)
    .max(20)
    .default([{ kind: 'record_owner' }])
    .describe("People by their relation to the record (their account's email), or addresses"),
  subject: z.string().trim().min(1).max(250).describe('Placeholders such as {{lead.name}} are filled in'),
  body: z
    .string()
    .min(1)
    .max(20_000)
    .describe('Plain text; placeholders such as {{steps.call.body.id}} are filled in'),
});

type To = z.infer<typeof toSchema>;
type UserRecipient = Exclude<To, { kind: 'email' }>;

async function addresses(
  crm: CrmGateway,
  record: RecordRef,
  to: To[],
  data: Record<string, unknown>,
): Promise<string[]> {
  const found = new Map<string, string>();
  // Addresses are compared case-insensitively; the first spelling is kept.
  const add = (address: string) => {
    if (!found.has(address.toLowerCase())) found.set(address.toLowerCase(), address);
  };
  const people = to.filter((r): r is UserRecipient => r.kind !== 'email');
  const userIds = people.length > 0 ? await resolveUsers(crm, record, people) : [];
  if (userIds.length > 0) for (const user of await crm.findUsers({ ids: userIds })) add(user.email);
  for (const recipient of to) {
    if (recipient.kind !== 'email') continue;
    const address = renderTemplate(recipient.address, data).trim();
    // A record without the field (a lead with no email) is nobody to write to, not an error.
    if (address === '') continue;
    if (!isEmail(address)) {
      throw new BatonError(
        'VALIDATION_FAILED',
        `${recipient.address} gave "${address}", which is not an email address`,
        { address: recipient.address, value: address },
      );
    }
    add(address);
  }
  return [...found.values()];
}

/** Sends a plain-text email over the server's SMTP relay to people on the record or given addresses. */
export const sendEmail = defineActivityType({
  type: 'send_email',
  title: 'Send email',
  category: 'Messages',
  icon: 'mail',
  description: 'Emails the record owner, their manager, a role, a named user or any address.',
  configSchema,
  outputSchema: z.object({ sent: z.array(z.string()), messageId: z.string() }),
  // An SMTP relay may be slow or briefly away; the step runs as an ordinary (not local) activity.
  timeoutSeconds: 60,
  retry: { maximumAttempts: 6, initialIntervalSeconds: 2, backoffCoefficient: 3 },
  async run({ config, record, steps, trigger, crm, outbound, idempotencyKey }) {
    const data = await recordData(crm, record, steps, trigger);
    const to = await addresses(crm, record, config.to, data);
    if (to.length === 0)
      throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'Nobody to email: no recipient has an address');
    const sent = await outbound.sendMail({
      to,
      // A subject is one header line, whatever the record's fields hold.
      subject: renderTemplate(config.subject, data).replace(/\s+/g, ' ').trim(),
      text: renderTemplate(config.body, data),
      idempotencyKey,
    });
    return { sent: sent.accepted, messageId: sent.messageId };
  },
});
