import { z } from 'zod';
import { limitSchema } from '../common/pagination';
import { duplicateCandidateSchema, movedSchema } from '../duplicates/duplicate.dto';
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

const email = z.string().trim().toLowerCase().email().max(320);
const accountLinks = z
  .array(z.strictObject({ accountId: z.uuid(), role: text(100).nullable().optional() }))
  .max(50)
  .refine((links) => new Set(links.map((l) => l.accountId)).size === links.length, 'Each account only once')
  .describe('The accounts this person works with; replaces the whole list');

export const createContactSchema = z.strictObject({
  name: text(200),
  email: email.optional(),
  phone: text(50).optional(),
  title: text(100).optional(),
  accounts: accountLinks.optional(),
  ownerId: z.uuid().optional().describe('Defaults to the creator'),
});
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  name: text(200).optional(),
  email: email.nullable().optional(),
  phone: text(50).nullable().optional(),
  title: text(100).nullable().optional(),
  accounts: accountLinks.optional(),
  ownerId: z.uuid().nullable().optional(),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;
export type AccountLinkInput = NonNullable<CreateContactInput['accounts']>[number];

export const CONTACT_SORTS: SortFields = {
  name: { kind: 'text' },
  createdAt: { kind: 'timestamp' },
  updatedAt: { kind: 'timestamp' },
};

export const listContactsQuerySchema = z.strictObject({
  q: qSchema.describe('Case-insensitive substring of the name or email'),
  owner: ownerFilterSchema,
  account: z.uuid().optional().describe('Only people linked to this account'),
  archived: archivedSchema,
  sort: sortSchema(CONTACT_SORTS, '-createdAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const contactViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  accounts: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string().nullable() })),
  owner: ownerRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  mergedInto: z.uuid().nullable().describe('The contact this one was merged into'),
  version: z.number(),
});
export type ContactView = z.infer<typeof contactViewSchema>;

export const contactPageSchema = pageSchema(contactViewSchema);

export const contactCreatedSchema = contactViewSchema.extend({
  duplicates: z
    .array(duplicateCandidateSchema)
    .describe('Existing contacts this one may duplicate, best first'),
});

export const contactMergedSchema = z.object({
  survivor: contactViewSchema,
  merged: contactViewSchema,
  moved: movedSchema,
});
