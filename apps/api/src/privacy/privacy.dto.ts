import { z } from 'zod';

const subjectRefSchema = z.object({ type: z.enum(['contact', 'lead']), id: z.uuid() });

export const eraseBodySchema = z.strictObject({
  /** Why (a request under GDPR art. 17, a retention rule …); kept in the audit log. */
  reason: z.string().trim().min(3).max(500),
});
export type EraseBody = z.infer<typeof eraseBodySchema>;

export const erasureResultSchema = z.object({
  subject: subjectRefSchema,
  erasedAt: z.iso.datetime(),
  /** The record had been erased before: nothing was changed this time. */
  alreadyErased: z.boolean(),
  /** Every record of the person that was erased: merged duplicates, the lead it came from … */
  records: z.array(subjectRefSchema),
  /** Rows anonymised (or deleted) per table. */
  counts: z.record(z.string(), z.int()),
  runsCancelled: z.array(z.string()),
  historiesDeleted: z.int(),
  /** Other live records with one of the person's email addresses, to check and erase too. */
  remainingMatches: z.array(subjectRefSchema),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

export const personalDataExportSchema = z.object({
  format: z.literal('baton-personal-data/1'),
  exportedAt: z.iso.datetime(),
  subject: subjectRefSchema,
  /** The record asked about, as stored. */
  record: z.record(z.string(), z.unknown()),
  records: z.array(subjectRefSchema),
  /** Every stored row about the person, by table; other records appear only as ids. */
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

export const registryViewSchema = z.object({
  tables: z.array(z.record(z.string(), z.unknown())),
  /** Tables in the database the registry does not list: a privacy gap to close. */
  unlisted: z.array(z.string()),
  /** `table.column` text or jsonb columns of listed tables the registry does not classify. */
  unclassified: z.array(z.string()),
});
export type RegistryView = z.infer<typeof registryViewSchema>;

export const retentionPolicyInputSchema = z.strictObject({
  enabled: z.boolean(),
  /** Leads with no activity for this many months are erased. */
  inactiveMonths: z.int().min(1).max(240),
});
export type RetentionPolicyInput = z.infer<typeof retentionPolicyInputSchema>;

export const retentionPolicyViewSchema = retentionPolicyInputSchema.extend({
  entity: z.literal('lead'),
  updatedAt: z.iso.datetime(),
  updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  schedule: z.object({
    id: z.string(),
    cron: z.string(),
    /** Null when Temporal cannot be asked right now. */
    nextRunAt: z.iso.datetime().nullable(),
  }),
});
export type RetentionPolicyView = z.infer<typeof retentionPolicyViewSchema>;

export const retentionRunInputSchema = z.strictObject({
  /** List the leads that would be erased, erase nothing. */
  dryRun: z.boolean().default(false),
});
export type RetentionRunInput = z.infer<typeof retentionRunInputSchema>;

export const retentionCandidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
export type RetentionCandidate = z.infer<typeof retentionCandidateSchema>;

export const retentionRunResultSchema = z.object({
  dryRun: z.boolean(),
  /** Inactive since before this moment. */
  cutoff: z.iso.datetime(),
  /** Dry run: the leads that would go (the first 500). */
  candidates: z.array(retentionCandidateSchema).optional(),
  total: z.int().optional(),
  /** A real run: the leads erased. */
  erased: z.array(z.uuid()).optional(),
  failed: z.array(z.uuid()).optional(),
});
export type RetentionRunResult = z.infer<typeof retentionRunResultSchema>;
