import { z } from 'zod';
import { limitSchema } from '../common/pagination';

export const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'] as const;

export const listRunsQuerySchema = z.strictObject({
  workflowId: z.uuid().optional(),
  version: z.coerce.number().int().min(1).optional(),
  recordId: z.uuid().optional(),
  /** The runs a run started with `call_workflow` / `for_each`. */
  parentRunId: z.string().max(300).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

const trailSchema = z.object({
  stepId: z.string(),
  type: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled', 'skipped']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** What the step produced (e.g. the task it created, the owner it chose). */
  output: z.record(z.string(), z.unknown()).optional(),
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
  /** The run whose step started this one, if any. */
  parentRunId: z.string().nullable(),
});
export type RunView = z.infer<typeof runViewSchema>;

export const runPageSchema = z.object({ items: z.array(runViewSchema), nextCursor: z.string().nullable() });

export const resumeRunBodySchema = z
  .strictObject({
    /** `retry` runs the failed step again; `skip` passes over it and goes on along its default path. */
    from: z.enum(['retry', 'skip']).default('retry'),
  })
  .default({ from: 'retry' });
export type ResumeRunBody = z.infer<typeof resumeRunBodySchema>;

export const resumedRunSchema = z.object({
  id: z.string(),
  status: z.literal('running'),
  resumedAt: z.string(),
});
