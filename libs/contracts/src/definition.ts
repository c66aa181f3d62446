import { z } from 'zod';
import { cronProblem } from '@baton/rules';

// Ids are short, stable and human-readable so a definition diffs cleanly in git.
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'ids start with a letter and use letters, digits, _ and -');

export const ENTITY_TYPES = [
  'lead',
  'account',
  'contact',
  'opportunity',
  'quote',
  'subscription',
  'case',
  'task',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * `manual`: never fires by itself; a person starts it on a chosen record ("run on this record").
 * `date`: fires when the record's date `field`, moved by `offset`, comes (e.g. 60 days before
 * `subscription.endDate`); a changed date re-arms it, a record that no longer qualifies is skipped.
 */
export const RECORD_EVENTS = ['created', 'updated', 'manual', 'date'] as const;

export const dateOffsetSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['hours', 'days']),
  direction: z.enum(['before', 'after']),
});
export type DateOffset = z.infer<typeof dateOffsetSchema>;

/** `once`: a record enters at most once; `after`: again only `days` after its last run started. */
export const reenrollSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('always') }),
  z.strictObject({ mode: z.literal('once') }),
  z.strictObject({ mode: z.literal('after'), days: z.number().int().min(1).max(3650) }),
]);
export type Reenroll = z.infer<typeof reenrollSchema>;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

/** A JSON Logic rule. Its structure is checked by the rule validator, not here. */
export const jsonLogicSchema: z.ZodType<unknown> = z.unknown();

export const recordTriggerSchema = z.strictObject({
  id,
  kind: z.literal('record'),
  entity: z.enum(ENTITY_TYPES),
  event: z.enum(RECORD_EVENTS),
  /** With `updated`: fire only when this field changed, optionally from and/or to given values. */
  field: z.string().min(1).max(64).optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  /** With `date`: when, relative to the date in `field`. Defaults to the date itself. */
  offset: dateOffsetSchema.optional(),
  /** Whether a record that already went through this workflow may enter again. Default `always`. */
  reenroll: reenrollSchema.optional(),
  condition: jsonLogicSchema.optional(),
});

/** `every`: a fixed interval instead of a cron expression, counted from the Unix epoch (UTC). */
export const SCHEDULE_INTERVAL_UNITS = ['minutes', 'hours', 'days'] as const;
export const scheduleIntervalSchema = z.strictObject({
  amount: z.number().int().min(1).max(10_000),
  unit: z.enum(SCHEDULE_INTERVAL_UNITS),
});
export type ScheduleInterval = z.infer<typeof scheduleIntervalSchema>;

/** Records a schedule tick enrols at most, when the trigger sets no `limit`. */
export const DEFAULT_SCHEDULE_LIMIT = 500;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const cronSchema = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = cronProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * Every tick of `cron` (or `every`), each record of `entity` for which `condition` holds enters the
 * workflow, at most `limit` of them per tick, subject to `reenroll`. The condition is required: it
 * is what bounds the set (e.g. open cases older than three days).
 */
export const scheduleTriggerSchema = z
  .strictObject({
    id,
    kind: z.literal('schedule'),
    entity: z.enum(ENTITY_TYPES),
    /** Five fields: minute hour day-of-month month day-of-week, e.g. `0 8 * * MON-FRI`. */
    cron: cronSchema.optional(),
    every: scheduleIntervalSchema.optional(),
    /** IANA name the cron is read in; default `UTC`. */
    timezone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'not an IANA time zone, e.g. "Europe/Berlin" or "UTC"')
      .optional(),
    condition: jsonLogicSchema.refine(
      (rule) => rule !== undefined,
      'a schedule trigger needs a condition: it picks the records each tick enrols',
    ),
    /** Default {@link DEFAULT_SCHEDULE_LIMIT}. */
    limit: z.number().int().min(1).max(10_000).optional(),
    reenroll: reenrollSchema.optional(),
  })
  .refine((t) => (t.cron === undefined) !== (t.every === undefined), {
    message: 'a schedule trigger needs either "cron" or "every" (not both)',
    path: ['cron'],
  });

// A dotted path into the posted JSON, e.g. `customer.email` or `items.0.id`.
const payloadPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/, 'a dotted path such as "customer.email"');

/**
 * How an incoming webhook finds its record: by id (`payload.recordId`, or the path in `from`), or
 * by a field of the record equal to the value at the path `from` (e.g. the lead whose `email` is
 * `payload.email`).
 */
export const webhookMatchSchema = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('id'), from: payloadPathSchema.optional() }),
  z.strictObject({ by: z.literal('field'), field: z.string().min(1).max(64), from: payloadPathSchema }),
]);
export type WebhookMatch = z.infer<typeof webhookMatchSchema>;

/** A POST to `/api/hooks/{workflowId}/{triggerId}` starts a run on the matched record; steps see `trigger.payload`. */
export const webhookTriggerSchema = z.strictObject({
  id,
  kind: z.literal('webhook'),
  entity: z.enum(ENTITY_TYPES),
  match: webhookMatchSchema,
  condition: jsonLogicSchema.optional(),
  reenroll: reenrollSchema.optional(),
});

/** What happened to one recipient of an email campaign. */
export const CAMPAIGN_EVENTS = ['delivered', 'opened', 'clicked', 'unsubscribed', 'bounced'] as const;
export type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number];

/**
 * An email campaign event (the relay accepted the mail, the contact opened it, clicked a link,
 * unsubscribed, or it bounced) starts a run on that contact; steps see `trigger.payload`
 * (`campaignId`, `campaignName`, `event`, `url` for clicks). Without `campaignId` any campaign's
 * event fires it; `linkContains` narrows clicks to links whose URL contains the text.
 */
export const campaignTriggerSchema = z
  .strictObject({
    id,
    kind: z.literal('campaign'),
    // Campaigns go to contacts, so the run is always on one; given for the code that reads any trigger's entity.
    entity: z.literal('contact').default('contact'),
    event: z.enum(CAMPAIGN_EVENTS),
    campaignId: z.uuid().optional(),
    linkContains: z.string().min(1).max(500).optional(),
    condition: jsonLogicSchema.optional(),
    reenroll: reenrollSchema.optional(),
  })
  .refine((t) => t.linkContains === undefined || t.event === 'clicked', {
    message: 'only a "clicked" trigger can filter by link',
    path: ['linkContains'],
  });

export const TRIGGER_KINDS = ['record', 'schedule', 'webhook', 'campaign'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const triggerSchema = z.discriminatedUnion('kind', [
  recordTriggerSchema,
  scheduleTriggerSchema,
  webhookTriggerSchema,
  campaignTriggerSchema,
]);

export const retryPolicySchema = z.strictObject({
  maximumAttempts: z.number().int().min(1).max(100).default(5),
  initialIntervalSeconds: z.number().min(0.1).max(3600).default(1),
  backoffCoefficient: z.number().min(1).max(10).default(2),
});

export const stepSchema = z.strictObject({
  id,
  type: z.string().min(1).max(64),
  title: z.string().max(200).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  retry: retryPolicySchema.optional(),
  timeoutSeconds: z.number().int().min(1).max(86_400).optional(),
  onError: id.optional(),
});

export const transitionSchema = z.strictObject({
  id,
  from: id,
  to: id,
  condition: jsonLogicSchema.optional(),
  label: z.string().max(100).optional(),
});

export const DEFINITION_SCHEMA_VERSION = 1;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const businessHoursSchema = z
  .strictObject({
    timeZone: z
      .string()
      .max(64)
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Europe/Berlin'),
    start: clock,
    end: clock,
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7).describe('0 = Sunday … 6 = Saturday'),
  })
  .refine((h) => h.start < h.end, { message: 'business hours must open before they close', path: ['end'] });

/** Canvas position of a trigger or step; kept in the definition so graph ↔ definition is lossless. */
export const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const workflowDefinitionSchema = z.strictObject({
  schemaVersion: z.literal(DEFINITION_SCHEMA_VERSION),
  key: id,
  name: z.string().min(1).max(200),
  triggers: z.array(triggerSchema).min(1).max(20),
  steps: z.array(stepSchema).max(500),
  transitions: z.array(transitionSchema).max(2000),
  layout: z.record(z.string(), positionSchema).optional(),
  /** When business-hour and business-day waits count; default Monday to Friday, 09:00–17:00 UTC. */
  businessHours: businessHoursSchema.optional(),
});

export type Trigger = z.infer<typeof triggerSchema>;
export type RecordTrigger = z.infer<typeof recordTriggerSchema>;
export type ScheduleTrigger = z.infer<typeof scheduleTriggerSchema>;
export type WebhookTrigger = z.infer<typeof webhookTriggerSchema>;
export type CampaignTrigger = z.infer<typeof campaignTriggerSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type Position = z.infer<typeof positionSchema>;
