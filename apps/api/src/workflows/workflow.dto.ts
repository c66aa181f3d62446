import { z } from 'zod';

// The definition's own shape is checked by the compiler, which reports every problem with a code;
// here only the envelope is.
export const definitionBodySchema = z.strictObject({
  definition: z.unknown(),
  note: z.string().trim().max(500).optional(),
  /** The version the editor started from: saving answers 409 CONFLICT when a newer one exists. */
  baseVersion: z.number().int().min(1).optional(),
});
export type DefinitionBody = z.infer<typeof definitionBodySchema>;

export const publishBodySchema = z.strictObject({ note: z.string().trim().min(1).max(500) });
export type PublishBody = z.infer<typeof publishBodySchema>;

export const diagnosticSchema = z.object({
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
});

export const validationResultSchema = z.object({
  ok: z.boolean(),
  errors: z.array(diagnosticSchema),
  warnings: z.array(diagnosticSchema),
});

export const versionSummarySchema = z.object({
  id: z.uuid(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  note: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const workflowViewSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  entity: z.string(),
  /** Told when a run of the workflow fails. */
  ownerId: z.uuid().nullable(),
  archived: z.boolean(),
  activeVersion: versionSummarySchema.nullable(),
  versions: z.array(versionSummarySchema),
  /** `GET /workflows/{id}` only: the active version's hook URLs and whether a webhook secret is set. */
  webhooks: z
    .object({
      secretSet: z.boolean(),
      secretCreatedAt: z.string().nullable(),
      hooks: z.array(z.object({ triggerId: z.string(), url: z.string() })),
    })
    .optional(),
});
