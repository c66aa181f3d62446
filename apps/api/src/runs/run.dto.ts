import { z } from 'zod';
import { limitSchema } from '../common/pagination';

export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;

export const listRunsQuerySchema = z.strictObject({
  workflowId: z.uuid().optional(),
  version: z.coerce.number().int().min(1).optional(),
  recordId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

const trailSchema = z.object({
  stepId: z.string(),
  type: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const runViewSchema = z.object({
  id: z.string(),
  workflowId: z.uuid(),
  versionId: z.uuid(),
  version: z.number(),
  eventId: z.uuid(),
  record: z.object({ type: z.string(), id: z.uuid() }),
  status: z.enum(RUN_STATUSES),
  trail: z.array(trailSchema),
  error: z.object({ code: z.string(), message: z.string(), stepId: z.string() }).nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  temporalUiUrl: z.string().nullable(),
});
export type RunView = z.infer<typeof runViewSchema>;

export const runPageSchema = z.object({ items: z.array(runViewSchema), nextCursor: z.string().nullable() });
