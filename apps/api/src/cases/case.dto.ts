import { z } from 'zod';
import { ownerRefSchema } from '../accounts/crm-access';
import {
  archivedSchema,
  cursorParamSchema,
  ownerFilterSchema,
  pageSchema,
  qSchema,
  sortSchema,
  text,
  type SortFields,
} from '../accounts/crm-list';
import { limitSchema } from '../common/pagination';
import { CASE_PRIORITIES, CASE_STATUSES } from './case.entity';

export const createCaseSchema = z.strictObject({
  accountId: z.uuid(),
  contactId: z.uuid().optional(),
  subject: text(300),
  description: text(20_000).optional(),
  priority: z.enum(CASE_PRIORITIES).optional().describe('Defaults to normal; sets the SLA'),
  status: z.enum(CASE_STATUSES).optional(),
  ownerId: z.uuid().optional().describe('Defaults to the creator'),
});
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const updateCaseSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  contactId: z.uuid().nullable().optional(),
  subject: text(300).optional(),
  description: text(20_000).nullable().optional(),
  priority: z
    .enum(CASE_PRIORITIES)
    .optional()
    .describe("Moves the SLA: recomputed for the new priority from the case's opening time"),
  status: z.enum(CASE_STATUSES).optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

export const CASE_SORTS: SortFields = {
  createdAt: { kind: 'timestamp' },
  slaDueAt: { kind: 'timestamp' },
};

export const listCasesQuerySchema = z.strictObject({
  q: qSchema.describe('Case-insensitive substring of the subject'),
  owner: ownerFilterSchema,
  status: z.enum(CASE_STATUSES).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  account: z.uuid().optional(),
  breached: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: past the SLA and not resolved or closed; false: the others'),
  archived: archivedSchema,
  sort: sortSchema(CASE_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const caseViewSchema = z.object({
  id: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  subject: z.string(),
  description: z.string().nullable(),
  priority: z.enum(CASE_PRIORITIES),
  status: z.enum(CASE_STATUSES),
  slaDueAt: z.iso.datetime(),
  breached: z.boolean(),
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const casePageSchema = pageSchema(caseViewSchema);
