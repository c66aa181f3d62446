import { z } from 'zod';
import { ENTITY_TYPES } from '@baton/contracts';

export const manualRunSchema = z.strictObject({
  recordId: z.uuid(),
  /** Needed only when the workflow has manual triggers on several entity types. */
  recordType: z.enum(ENTITY_TYPES).optional(),
});
export type ManualRunBody = z.infer<typeof manualRunSchema>;

export const dryRunSchema = z.strictObject({
  recordId: z.uuid(),
  recordType: z.enum(ENTITY_TYPES).optional(),
  /** What approval steps are taken to decide; people are not asked in a dry run. */
  approvals: z.enum(['approved', 'rejected', 'timed_out']).default('approved'),
});
export type DryRunBody = z.infer<typeof dryRunSchema>;

const intentionSchema = z.object({
  kind: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const dryRunResultSchema = z.object({
  status: z.enum(['completed', 'failed']),
  /** Step ids in the order the run would visit them. */
  path: z.array(z.string()),
  steps: z.array(
    z.object({
      stepId: z.string(),
      type: z.string(),
      status: z.enum(['running', 'completed', 'failed', 'cancelled', 'skipped']),
      intentions: z.array(intentionSchema),
      output: z.record(z.string(), z.unknown()).nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
  error: z.object({ code: z.string(), message: z.string(), stepId: z.string() }).nullable(),
});
export type DryRunResult = z.infer<typeof dryRunResultSchema>;

export const manualRunResultSchema = z.object({ runId: z.string() });
