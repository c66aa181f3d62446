import { z } from 'zod';
import { archivedSchema, cursorParamSchema, pageSchema, qSchema, text } from '../accounts/crm-list';
import { limitSchema } from '../common/pagination';
import { MERGE_FIELDS } from './merge-fields';

const body = text(20_000).describe(`Merge fields: ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}`);

export const createCannedAnswerSchema = z.strictObject({ title: text(200), body });
export type CreateCannedAnswerInput = z.infer<typeof createCannedAnswerSchema>;

export const updateCannedAnswerSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  title: text(200).optional(),
  body: body.optional(),
});
export type UpdateCannedAnswerInput = z.infer<typeof updateCannedAnswerSchema>;

export const listCannedAnswersQuerySchema = z.strictObject({
  q: qSchema.describe('Case-insensitive substring of the title'),
  archived: archivedSchema,
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListCannedAnswersQuery = z.infer<typeof listCannedAnswersQuerySchema>;

export const cannedAnswerViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type CannedAnswerView = z.infer<typeof cannedAnswerViewSchema>;

export const cannedAnswerPageSchema = pageSchema(cannedAnswerViewSchema);
