import { z } from 'zod';
import { cursorParamSchema, pageSchema, text } from '../accounts/crm-list';
import { limitSchema } from '../common/pagination';
import { RECORD_TYPES, recordLinkSchema } from '../record-links/record-link';

export const activityKindKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Expected lower-case letters, digits and _, e.g. site_visit');

export const createActivityKindSchema = z.strictObject({
  key: activityKindKeySchema,
  label: text(100),
  icon: text(50).optional(),
});
export type CreateActivityKindInput = z.infer<typeof createActivityKindSchema>;

export const updateActivityKindSchema = z.strictObject({
  label: text(100).optional(),
  icon: text(50).nullable().optional(),
  active: z.boolean().optional().describe('false retires the kind for new activities'),
});
export type UpdateActivityKindInput = z.infer<typeof updateActivityKindSchema>;

export const activityKindViewSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  icon: z.string().nullable(),
  active: z.boolean(),
});
export type ActivityKindView = z.infer<typeof activityKindViewSchema>;

export const listActivityKindsQuerySchema = z.strictObject({
  active: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only kinds usable for new activities; false: only retired ones'),
});
export type ListActivityKindsQuery = z.infer<typeof listActivityKindsQuerySchema>;

const durationMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

export const createActivitySchema = z.strictObject({
  kind: activityKindKeySchema.describe('An active activity kind'),
  subject: text(300),
  body: text(20_000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('Defaults to now'),
  durationMinutes: durationMinutes.optional(),
  ...recordLinkSchema,
});
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

export const updateActivitySchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  kind: activityKindKeySchema.optional(),
  subject: text(300).optional(),
  body: text(20_000).nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: durationMinutes.nullable().optional(),
});
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

export const listActivitiesQuerySchema = z.strictObject({
  ...recordLinkSchema,
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListActivitiesQuery = z.infer<typeof listActivitiesQuerySchema>;

export const activityViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.string(),
  body: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  durationMinutes: z.number().nullable(),
  record: z.object({ type: z.enum(RECORD_TYPES), id: z.uuid() }),
  author: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number(),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const activityPageSchema = pageSchema(activityViewSchema);
