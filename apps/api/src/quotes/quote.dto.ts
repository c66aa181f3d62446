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
import { QUOTE_STATUSES } from './quote.entity';

const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'At most 2 decimals')
  .describe('0–100, at most 2 decimals');

// Only what the client chooses; every amount is computed by the server.
const lineInput = z.strictObject({
  productId: z.uuid(),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: moneySchema.optional().describe("Defaults to the product's price-book price"),
  discountPercent: percent.optional(),
});
const lines = z.array(lineInput).min(1).max(100);
export type QuoteLineInput = z.infer<typeof lineInput>;

export const createQuoteSchema = z.strictObject({
  opportunityId: z.uuid(),
  name: text(200),
  lines,
  ownerId: z.uuid().optional().describe("Defaults to the opportunity's owner"),
});
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

export const updateQuoteSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: text(200).optional(),
  lines: lines.optional().describe('Replaces every line'),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateQuoteInput = z.infer<typeof updateQuoteSchema>;

export const approveQuoteSchema = z.strictObject({ comment: text(2000).optional() }).optional();
export type ApproveQuoteInput = z.infer<typeof approveQuoteSchema>;
export const rejectQuoteSchema = z.strictObject({ comment: text(2000).describe('Why, for the rep') });
export type RejectQuoteInput = z.infer<typeof rejectQuoteSchema>;

export const QUOTE_SORTS: SortFields = {
  name: { kind: 'text' },
  createdAt: { kind: 'timestamp' },
  total: { kind: 'decimal' },
};

export const listQuotesQuerySchema = z.strictObject({
  q: qSchema,
  owner: ownerFilterSchema,
  status: z.enum(QUOTE_STATUSES).optional(),
  opportunity: z.uuid().optional(),
  account: z.uuid().optional(),
  archived: archivedSchema,
  sort: sortSchema(QUOTE_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListQuotesQuery = z.infer<typeof listQuotesQuerySchema>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const quoteLineViewSchema = z.object({
  id: z.uuid(),
  position: z.number(),
  product: z.object({ id: z.uuid(), sku: z.string(), name: z.string() }),
  quantity: z.number(),
  unitPrice: moneyViewSchema,
  discountPercent: z.number(),
  subtotal: moneyViewSchema,
  discount: moneyViewSchema,
  total: moneyViewSchema,
});

/** Cost and margin, read from the products' current unit costs when the quote is shown. */
export const quoteMarginSchema = z.object({
  costTotal: moneyViewSchema
    .nullable()
    .describe("Σ quantity × the product's unit cost; null when a line's product has no cost")
    .meta({ examples: ['720.00'] }),
  marginPercent: z
    .number()
    .nullable()
    .describe(
      '(total − costTotal) / total × 100, one decimal; null when the cost is unknown or the total is 0',
    )
    .meta({ examples: [15.3] }),
});

export const quoteViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  opportunity: ref,
  account: ref,
  status: z.enum(QUOTE_STATUSES),
  currency: z.string(),
  lines: z.array(quoteLineViewSchema),
  subtotal: moneyViewSchema,
  discountTotal: moneyViewSchema,
  total: moneyViewSchema,
  ...quoteMarginSchema.shape,
  decision: z
    .object({ comment: z.string().nullable(), by: ownerRefSchema, at: z.iso.datetime() })
    .nullable()
    .describe('The last approve or reject'),
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type QuoteView = z.infer<typeof quoteViewSchema>;

export const quotePageSchema = pageSchema(quoteViewSchema);
