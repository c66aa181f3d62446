import { z } from 'zod';
import { limitSchema } from '../common/pagination';

export const TIMELINE_KINDS = ['activity', 'note', 'task', 'change', 'workflow_step'] as const;

/** Path segment → record type: `/api/opportunities/:id/timeline` is about an `opportunity`. */
export const TIMELINE_PATHS = {
  leads: 'lead',
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  quotes: 'quote',
  subscriptions: 'subscription',
  cases: 'case',
} as const;

export const timelineQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string().describe('Unique within its kind'),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const timelinePageSchema = z.object({
  items: z.array(timelineItemSchema),
  nextCursor: z.string().nullable(),
});
