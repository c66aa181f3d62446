import { z } from 'zod';

export const evaluateBodySchema = z.strictObject({
  rule: z.unknown().refine((v) => v !== undefined, 'rule is required'),
  data: z.unknown().optional(),
  now: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('The instant date operators treat as now; default: the server time'),
});
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

export const evaluateResultSchema = z.object({ result: z.unknown() });
