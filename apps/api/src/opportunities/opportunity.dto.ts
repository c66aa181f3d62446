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
import { moneySchema, moneyViewSchema } from '../accounts/crm-money';
import { limitSchema } from '../common/pagination';
import { OPPORTUNITY_STAGES } from './opportunity.entity';

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code like EUR');
const contactIds = z
  .array(z.uuid())
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'Each contact only once')
  .describe('People involved in the deal; replaces the whole list');

export const createOpportunitySchema = z.strictObject({
  accountId: z.uuid(),
  name: text(200),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  amount: moneySchema.optional(),
  currency: currency.optional().describe('Defaults to EUR'),
  closeDate: z.iso.date().optional(),
  rfiReference: text(100).optional(),
  rfpReference: text(100).optional(),
  offerDeadline: z.iso.datetime({ offset: true }).optional().describe('Offer submission deadline'),
  contactIds: contactIds.optional(),
  ownerId: z.uuid().optional().describe('Defaults to the creator'),
});
export type CreateOpportunityInput = z.infer<typeof createOpportunitySchema>;

export const updateOpportunitySchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  accountId: z.uuid().optional(),
  name: text(200).optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  amount: moneySchema.optional(),
  currency: currency.optional(),
  closeDate: z.iso.date().nullable().optional(),
  rfiReference: text(100).nullable().optional(),
  rfpReference: text(100).nullable().optional(),
  offerDeadline: z.iso.datetime({ offset: true }).nullable().optional(),
  contactIds: contactIds.optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateOpportunityInput = z.infer<typeof updateOpportunitySchema>;

export const OPPORTUNITY_SORTS: SortFields = {
  name: { kind: 'text' },
  createdAt: { kind: 'timestamp' },
  amount: { kind: 'decimal' },
  closeDate: { kind: 'date', nullable: true },
  offerDeadline: { kind: 'timestamp', nullable: true },
};

export const listOpportunitiesQuerySchema = z.strictObject({
  q: qSchema,
  owner: ownerFilterSchema,
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  account: z.uuid().optional(),
  archived: archivedSchema,
  sort: sortSchema(OPPORTUNITY_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListOpportunitiesQuery = z.infer<typeof listOpportunitiesQuerySchema>;

export const opportunityViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  stage: z.enum(OPPORTUNITY_STAGES),
  amount: moneyViewSchema,
  currency: z.string(),
  closeDate: z.iso.date().nullable(),
  rfiReference: z.string().nullable(),
  rfpReference: z.string().nullable(),
  offerDeadline: z.iso.datetime().nullable(),
  contacts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type OpportunityView = z.infer<typeof opportunityViewSchema>;

export const opportunityPageSchema = pageSchema(opportunityViewSchema);
