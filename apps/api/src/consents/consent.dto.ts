import { z } from 'zod';

/** `marketing`, `renewal_offers`: a short lower-case name that campaigns refer to. */
export const purposeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case name such as "marketing" or "renewal_offers"');

export const giveConsentSchema = z.strictObject({
  purpose: purposeSchema,
  source: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Where the contact agreed: "web form", "call with Ada", "signed order form"'),
});
export type GiveConsentInput = z.infer<typeof giveConsentSchema>;

const userRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const consentViewSchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  source: z.string(),
  givenAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
  recordedBy: userRef,
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const unsubscribeViewSchema = z.object({
  id: z.uuid(),
  /** null: every purpose. */
  purpose: z.string().nullable(),
  email: z.string().nullable(),
  campaignId: z.uuid().nullable(),
  source: z.string(),
  at: z.iso.datetime(),
});
export type UnsubscribeView = z.infer<typeof unsubscribeViewSchema>;

export const contactConsentsSchema = z.object({
  /** Newest first, withdrawn ones included: the history of what the contact agreed to. */
  items: z.array(consentViewSchema),
  unsubscribes: z.array(unsubscribeViewSchema),
});
export type ContactConsents = z.infer<typeof contactConsentsSchema>;
