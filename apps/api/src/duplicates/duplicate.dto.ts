import { z } from 'zod';

export const DUPLICATE_REASONS = ['email', 'phone', 'name_company'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const duplicateCandidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable().describe("A lead's company; for a contact, the first linked account"),
  score: z.number().int().min(0).max(100).describe('100: same email; 90: same phone; below: similar name'),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const duplicateListSchema = z.object({
  duplicates: z.array(duplicateCandidateSchema).describe('Best first, at most 10'),
});

/** Which record's value a merged field takes. */
const side = z.enum(['survivor', 'duplicate']).optional();
const version = z.number().int().min(1);

const leadMergeFields = z.strictObject({
  name: side,
  email: side,
  company: side,
  phone: side,
  source: side,
  status: side,
  score: side,
  region: side,
  owner: side,
});
const contactMergeFields = z.strictObject({ name: side, email: side, phone: side, title: side, owner: side });

const mergeSchema = <F extends z.ZodType>(fields: F) =>
  z.strictObject({
    duplicateId: z.uuid().describe('The record merged into this one, then archived'),
    version: version.describe('The version of this record you read; a stale one gets CONFLICT'),
    duplicateVersion: version.describe('The version of the duplicate you read; a stale one gets CONFLICT'),
    fields: fields
      .optional()
      .describe(
        "Per field, whose value to keep; by default the survivor's, or the duplicate's where the survivor has none",
      ),
  });

export const mergeLeadSchema = mergeSchema(leadMergeFields);
export type MergeLeadInput = z.infer<typeof mergeLeadSchema>;
export const mergeContactSchema = mergeSchema(contactMergeFields);
export type MergeContactInput = z.infer<typeof mergeContactSchema>;

export const movedSchema = z
  .object({ tasks: z.number().int(), activities: z.number().int(), notes: z.number().int() })
  .describe("How many of the duplicate's tasks, activities and notes now hang off the survivor");
