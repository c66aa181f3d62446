import { z } from 'zod';
import { limitSchema } from '../common/pagination';
import { duplicateCandidateSchema, movedSchema } from '../duplicates/duplicate.dto';
import { LEAD_SOURCES, LEAD_STATUSES } from './lead.entity';

const text = (max: number) => z.string().trim().min(1).max(max);

export const createLeadSchema = z.strictObject({
  name: text(200),
  email: z.string().trim().toLowerCase().email().max(320).optional(),
  company: text(200).optional(),
  phone: text(50).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  score: z.number().int().min(0).max(100).optional(),
  region: text(100).optional(),
});
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const updateLeadSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: text(200).optional(),
  email: z.string().trim().toLowerCase().email().max(320).nullable().optional(),
  company: text(200).nullable().optional(),
  phone: text(50).nullable().optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  score: z.number().int().min(0).max(100).nullable().optional(),
  region: text(100).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const listLeadsQuerySchema = z.strictObject({
  status: z.enum(LEAD_STATUSES).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

export const leadViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_STATUSES),
  score: z.number().nullable(),
  region: z.string().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number(),
  archivedAt: z.iso.datetime().nullable(),
  mergedInto: z.uuid().nullable().describe('The lead this one was merged into'),
  convertedTo: z
    .object({
      accountId: z.uuid(),
      contactId: z.uuid(),
      opportunityId: z.uuid().nullable(),
      at: z.iso.datetime(),
    })
    .nullable()
    .describe('What the lead became when it was converted'),
});
export type LeadView = z.infer<typeof leadViewSchema>;

export const leadPageSchema = z.object({ items: z.array(leadViewSchema), nextCursor: z.string().nullable() });

export const leadCreatedSchema = leadViewSchema.extend({
  duplicates: z.array(duplicateCandidateSchema).describe('Existing leads this one may duplicate, best first'),
});

export const leadMergedSchema = z.object({
  survivor: leadViewSchema,
  merged: leadViewSchema,
  moved: movedSchema,
});
