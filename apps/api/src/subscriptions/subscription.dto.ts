import { z } from 'zod';
import { ownerRefSchema } from '../accounts/crm-access';
import {
  archivedSchema,
  cursorParamSchema,
  ownerFilterSchema,
  pageSchema,
  sortSchema,
  text,
  type SortFields,
} from '../accounts/crm-list';
import { moneySchema, moneyViewSchema } from '../accounts/crm-money';
import { limitSchema } from '../common/pagination';
import { RENEWAL_STATUSES } from './subscription.entity';

const endsAfterStart = (s: { startDate?: string | null; endDate?: string | null }) =>
  !s.startDate || !s.endDate || s.endDate >= s.startDate;
const endsAfterStartIssue = { message: 'endDate must not be before startDate', path: ['endDate'] };

export const createSubscriptionSchema = z
  .strictObject({
    accountId: z.uuid(),
    plan: text(200),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    renewalStatus: z.enum(RENEWAL_STATUSES).optional(),
    warrantyEnd: z.iso.date().optional(),
    amount: moneySchema.optional(),
    ownerId: z.uuid().optional().describe('Defaults to the creator'),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z
  .strictObject({
    version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
    accountId: z.uuid().optional(),
    plan: text(200).optional(),
    startDate: z.iso.date().optional(),
    endDate: z.iso.date().optional(),
    renewalStatus: z.enum(RENEWAL_STATUSES).optional(),
    warrantyEnd: z.iso.date().nullable().optional(),
    amount: moneySchema.optional(),
    ownerId: z.uuid().nullable().optional(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type UpdateSubscriptionInput = z.infer<typeof updateSubscriptionSchema>;

export const SUBSCRIPTION_SORTS: SortFields = {
  endDate: { kind: 'date' },
  createdAt: { kind: 'timestamp' },
};

export const listSubscriptionsQuerySchema = z.strictObject({
  owner: ownerFilterSchema,
  renewalStatus: z.enum(RENEWAL_STATUSES).optional(),
  endingBefore: z.iso.date().optional().describe('Only contracts whose endDate is before this day'),
  account: z.uuid().optional(),
  archived: archivedSchema,
  sort: sortSchema(SUBSCRIPTION_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListSubscriptionsQuery = z.infer<typeof listSubscriptionsQuerySchema>;

export const subscriptionViewSchema = z.object({
  id: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  plan: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  renewalStatus: z.enum(RENEWAL_STATUSES),
  warrantyEnd: z.iso.date().nullable(),
  amount: moneyViewSchema,
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;

export const subscriptionPageSchema = pageSchema(subscriptionViewSchema);
