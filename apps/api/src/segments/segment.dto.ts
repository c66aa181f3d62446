import { z } from 'zod';
import { ownerRefSchema } from '../accounts/crm-access';
import { archivedSchema, text } from '../accounts/crm-list';
import { SEGMENT_ENTITIES } from './segment.entity';

const rule = z
  .unknown()
  .refine((v) => v !== undefined && v !== null, 'rule is required')
  .describe(
    'A JSON Logic condition on the record under its type, e.g. {"==": [{"var": "contact.title"}, "CTO"]}; true selects every record',
  );
const entity = z.enum(SEGMENT_ENTITIES).describe('What the segment selects: contacts or leads');
const description = z.string().trim().max(2000);

export const createSegmentSchema = z.strictObject({
  name: text(200),
  entity,
  rule,
  description: description.optional(),
});
export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;

// The entity is fixed once saved: campaigns address a contact segment's members by email.
export const updateSegmentSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: text(200).optional(),
  rule: rule.optional(),
  description: description.nullable().optional(),
});
export type UpdateSegmentInput = z.infer<typeof updateSegmentSchema>;

export const previewSegmentSchema = z.strictObject({ entity, rule });
export type PreviewSegmentInput = z.infer<typeof previewSegmentSchema>;

export const listSegmentsQuerySchema = z.strictObject({
  entity: entity.optional(),
  archived: archivedSchema,
});
export type ListSegmentsQuery = z.infer<typeof listSegmentsQuerySchema>;

export const membersQuerySchema = z.strictObject({
  cursor: z.uuid().optional().describe('`nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MembersQuery = z.infer<typeof membersQuerySchema>;

const strategy = z
  .enum(['sql', 'scan'])
  .describe(
    '`sql`: counted in the database; `scan`: the rule uses something only the rule evaluator can answer, so records are evaluated one by one (slower on large tables)',
  );

export const segmentMemberSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  fields: z.record(z.string(), z.unknown()).describe('The record as conditions see it'),
});
export type SegmentMemberView = z.infer<typeof segmentMemberSchema>;

export const segmentViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  entity,
  rule: z.unknown(),
  description: z.string().nullable(),
  owner: ownerRefSchema,
  memberCount: z.number().int().describe('How many live records match right now'),
  strategy,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type SegmentView = z.infer<typeof segmentViewSchema>;

export const segmentListSchema = z.object({ items: z.array(segmentViewSchema) });

export const segmentPreviewSchema = z.object({
  count: z.number().int(),
  sample: z.array(segmentMemberSchema).max(20).describe('The first 20 members, by id'),
  strategy,
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;

export const memberPageSchema = z.object({
  items: z.array(segmentMemberSchema),
  nextCursor: z.uuid().nullable(),
});
