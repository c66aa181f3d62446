import { z } from 'zod';
import type { CampaignEvent } from '@baton/contracts';
import { limitSchema } from '../common/pagination';
import { purposeSchema } from '../consents/consent.dto';
import { BODY_FORMATS, CAMPAIGN_STATUSES } from './campaign.entity';

const when = z.iso.datetime({ offset: true });

const fields = {
  name: z.string().trim().min(1).max(200),
  segmentId: z.uuid().describe('A contact segment: its contacts, at send time, are the audience'),
  purpose: purposeSchema.describe('Only contacts with a live consent for this purpose are mailed'),
  subject: z.string().trim().min(1).max(300).describe('Merge fields such as {{contact.firstName}}'),
  body: z
    .string()
    .min(1)
    .max(200_000)
    .describe(
      'HTML or plain text with merge fields: {{contact.firstName}}, {{account.name}}, {{owner.name}}',
    ),
  bodyFormat: z.enum(BODY_FORMATS),
  scheduledAt: when.nullable().describe('When to send; null = as soon as it is scheduled'),
  ratePerMinute: z.number().int().min(1).max(10_000).describe('Mails sent per minute at most'),
  batchSize: z.number().int().min(1).max(500).describe('Mails per batch; sending pauses between batches'),
};

export const createCampaignSchema = z.strictObject({
  ...fields,
  bodyFormat: fields.bodyFormat.default('html'),
  scheduledAt: fields.scheduledAt.default(null),
  ratePerMinute: fields.ratePerMinute.default(600),
  batchSize: fields.batchSize.default(50),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const updateCampaignSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: fields.name.optional(),
  segmentId: fields.segmentId.optional(),
  purpose: fields.purpose.optional(),
  subject: fields.subject.optional(),
  body: fields.body.optional(),
  bodyFormat: fields.bodyFormat.optional(),
  scheduledAt: fields.scheduledAt.optional(),
  ratePerMinute: fields.ratePerMinute.optional(),
  batchSize: fields.batchSize.optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

// The body is optional as a whole: `POST …/schedule` with nothing sends at the campaign's own time.
export const scheduleCampaignSchema = z
  .strictObject({ scheduledAt: fields.scheduledAt.optional() })
  .optional()
  .transform((body) => body ?? {});
export type ScheduleCampaignInput = z.infer<typeof scheduleCampaignSchema>;

export const listCampaignsQuerySchema = z.strictObject({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export const RECIPIENT_STATUSES = ['sending', 'sent', 'skipped', 'bounced', 'failed'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const listRecipientsQuerySchema = z.strictObject({
  status: z.enum(RECIPIENT_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListRecipientsQuery = z.infer<typeof listRecipientsQuerySchema>;

export const bounceSchema = z
  .strictObject({
    messageId: z
      .string()
      .trim()
      .min(3)
      .max(500)
      .optional()
      .describe('The Message-ID of the mail that bounced'),
    email: z.string().trim().toLowerCase().email().max(320).optional(),
    campaignId: z.uuid().optional(),
    reason: z.string().trim().max(1000).optional().describe("The receiving server's answer"),
  })
  .refine((b) => b.messageId !== undefined || (b.email !== undefined && b.campaignId !== undefined), {
    message: 'Name the mail: its messageId, or the email and campaignId',
    path: ['messageId'],
  });
export type BounceInput = z.infer<typeof bounceSchema>;

const ref = z.object({ id: z.uuid(), name: z.string() });
const counts = z.object({
  recipients: z.number().int(),
  sent: z.number().int(),
  skipped: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  /** Recipients who opened, clicked or unsubscribed at least once. */
  opened: z.number().int(),
  clicked: z.number().int(),
  unsubscribed: z.number().int(),
});
export type CampaignCounts = z.infer<typeof counts>;

export const campaignViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  segment: ref.nullable(),
  purpose: z.string(),
  subject: z.string(),
  body: z.string(),
  bodyFormat: z.enum(BODY_FORMATS),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: z.iso.datetime().nullable(),
  ratePerMinute: z.number().int(),
  batchSize: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: ref.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  counts,
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const campaignPageSchema = z.object({
  items: z.array(campaignViewSchema),
  nextCursor: z.string().nullable(),
});

export const recipientViewSchema = z.object({
  id: z.uuid(),
  contact: ref,
  email: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  /** Why it was skipped or failed: NO_CONSENT, UNSUBSCRIBED, NO_EMAIL, INTERRUPTED, or the relay's answer. */
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  opened: z.boolean(),
  clicked: z.boolean(),
  unsubscribed: z.boolean(),
});
export type RecipientView = z.infer<typeof recipientViewSchema>;

export const recipientPageSchema = z.object({
  items: z.array(recipientViewSchema),
  nextCursor: z.string().nullable(),
});

const count = z.number().int();
const eventCounts = z.object({
  delivered: count,
  opened: count,
  clicked: count,
  unsubscribed: count,
  bounced: count,
} satisfies Record<CampaignEvent, z.ZodNumber>);

export const campaignResultsSchema = z.object({
  campaignId: z.uuid(),
  status: z.enum(CAMPAIGN_STATUSES),
  counts,
  skippedBy: z.record(z.string(), z.number().int()).describe('Skipped recipients by reason'),
  /** Every event, repeats included (one person opening twice counts twice). */
  events: eventCounts,
  /** Distinct recipients: delivered → opened → clicked. */
  funnel: z.array(z.object({ stage: z.enum(['delivered', 'opened', 'clicked']), count: z.number().int() })),
  timeline: z.object({
    bucket: z.enum(['minute', 'hour', 'day']),
    points: z.array(z.object({ at: z.iso.datetime() }).and(eventCounts)),
  }),
  links: z.array(z.object({ url: z.string(), clicks: z.number().int(), people: z.number().int() })),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;
