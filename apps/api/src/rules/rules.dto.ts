import { z } from 'zod';
import { ENTITY_TYPES } from '@baton/contracts';

const nowSchema = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('The instant date operators treat as now; default: the server time');

export const evaluateBodySchema = z.strictObject({
  rule: z.unknown().refine((v) => v !== undefined, 'rule is required'),
  data: z.unknown().optional(),
  now: nowSchema,
});
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

/** "Test against a record": the condition is evaluated on the stored record as runs would see it. */
export const recordEvaluateBodySchema = z.strictObject({
  entity: z.enum(ENTITY_TYPES),
  recordId: z.uuid(),
  condition: z.unknown().refine((v) => v !== undefined, 'condition is required'),
  now: nowSchema,
});
export type RecordEvaluateBody = z.infer<typeof recordEvaluateBodySchema>;

export const anyEvaluateBodySchema = z.union([evaluateBodySchema, recordEvaluateBodySchema]);
export type AnyEvaluateBody = z.infer<typeof anyEvaluateBodySchema>;

export const evaluateResultSchema = z.object({
  result: z.unknown().describe('With `rule`/`data`: the value. With a record: whether the condition holds'),
  value: z.unknown().optional().describe('With a record: what the condition evaluated to'),
  record: z.object({ id: z.uuid(), label: z.string() }).optional().describe('With a record: which one'),
});

export const conditionFieldsSchema = z.object({
  items: z.array(
    z.object({
      entity: z.enum(ENTITY_TYPES),
      fields: z.array(
        z.object({
          name: z.string(),
          path: z.string().describe('The `var` path conditions read it by, e.g. lead.status'),
          label: z.string(),
          type: z.string(),
          options: z.array(z.string()).optional().describe('The values an enumerated field takes'),
        }),
      ),
    }),
  ),
});
