import { z } from 'zod';
import {
  archivedSchema,
  cursorParamSchema,
  pageSchema,
  qSchema,
  sortSchema,
  text,
  type SortFields,
} from '../accounts/crm-list';
import { moneySchema, moneyViewSchema } from '../accounts/crm-money';
import { limitSchema } from '../common/pagination';

const sku = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, 'Expected letters, digits, ".", "_" or "-", at most 64');

// Money strings are never negative, so a cost is ≥ 0 by construction.
const unitCost = moneySchema
  .nullable()
  .describe('What one unit costs to deliver, ≥ 0; null when unknown (quotes using it show no margin)');

export const createProductSchema = z.strictObject({
  sku,
  name: text(200),
  description: text(2000).optional(),
  unitPrice: moneySchema,
  unitCost: unitCost.optional(),
  active: z.boolean().optional(),
});
export type CreateProductInput = z.infer<typeof createProductSchema>;

export const updateProductSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  sku: sku.optional(),
  name: text(200).optional(),
  description: text(2000).nullable().optional(),
  unitPrice: moneySchema.optional(),
  unitCost: unitCost.optional(),
  active: z.boolean().optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductSchema>;

export const PRODUCT_SORTS: SortFields = {
  name: { kind: 'text' },
  sku: { kind: 'text' },
  unitPrice: { kind: 'decimal' },
  createdAt: { kind: 'timestamp' },
};

export const listProductsQuerySchema = z.strictObject({
  q: qSchema.describe('Case-insensitive substring of the name or SKU'),
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  archived: archivedSchema,
  sort: sortSchema(PRODUCT_SORTS, 'name'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

export const productViewSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unitPrice: moneyViewSchema,
  unitCost: moneyViewSchema.nullable().meta({ examples: ['820.00', null] }),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type ProductView = z.infer<typeof productViewSchema>;

export const productPageSchema = pageSchema(productViewSchema);
