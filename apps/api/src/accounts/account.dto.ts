import { z } from 'zod';
import { limitSchema } from '../common/pagination';
import {
  archivedSchema,
  cursorParamSchema,
  ownerFilterSchema,
  pageSchema,
  qSchema,
  sortSchema,
  text,
  type SortFields,
} from './crm-list';
import { ownerRefSchema } from './crm-access';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Expected a domain like example.com',
  );

export const createAccountSchema = z.strictObject({
  name: text(200),
  domain: domain.optional(),
  industry: text(100).optional(),
  region: text(100).optional(),
  ownerId: z.uuid().optional().describe('Defaults to the creator'),
});
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: text(200).optional(),
  domain: domain.nullable().optional(),
  industry: text(100).nullable().optional(),
  region: text(100).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const ACCOUNT_SORTS: SortFields = {
  name: { kind: 'text' },
  createdAt: { kind: 'timestamp' },
  updatedAt: { kind: 'timestamp' },
};

export const listAccountsQuerySchema = z.strictObject({
  q: qSchema,
  owner: ownerFilterSchema,
  industry: text(100).optional(),
  region: text(100).optional(),
  archived: archivedSchema,
  sort: sortSchema(ACCOUNT_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;

export const accountViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountPageSchema = pageSchema(accountViewSchema);
