import { z } from 'zod';
import { accountViewSchema } from '../accounts/account.dto';
import { moneySchema } from '../accounts/crm-money';
import { contactViewSchema } from '../contacts/contact.dto';
import { duplicateCandidateSchema } from '../duplicates/duplicate.dto';
import { opportunityViewSchema } from '../opportunities/opportunity.dto';
import { leadViewSchema } from './lead.dto';

const text = (max: number) => z.string().trim().min(1).max(max);
const role = text(100).optional().describe('What the person is at the account, e.g. "Buyer"');

export const convertLeadSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version of the lead you read; a stale one gets CONFLICT'),
  account: z
    .union([
      z.strictObject({ existingId: z.uuid().describe('A live account to convert into') }),
      z.strictObject({
        name: text(200).optional().describe("Defaults to the lead's company, else its name"),
      }),
    ])
    .optional()
    .describe('Omitted: a new account named after the lead’s company'),
  contact: z
    .union([
      z.strictObject({ existingId: z.uuid().describe('A live contact, linked to the account'), role }),
      z.strictObject({ create: z.literal(true), role }),
    ])
    .optional()
    .describe("Omitted: a new contact with the lead's name, email and phone"),
  opportunity: z
    .strictObject({
      name: text(200).optional().describe('Defaults to "New business: <account name>"'),
      amount: moneySchema.optional(),
      closeDate: z.iso.date().optional(),
    })
    .nullable()
    .optional()
    .describe('null: no opportunity; omitted: one with the defaults'),
  ownerId: z
    .uuid()
    .optional()
    .describe("Owner of what is created; defaults to the lead's owner, else the caller"),
});
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

export const leadConvertedSchema = z.object({
  lead: leadViewSchema,
  account: accountViewSchema,
  contact: contactViewSchema,
  opportunity: opportunityViewSchema.nullable(),
  duplicates: z
    .array(duplicateCandidateSchema)
    .describe('Existing contacts a newly created contact may duplicate, best first; empty when reusing one'),
});
