import { apiRequest } from './client';
import type { Account, Contact, Opportunity } from './crm';
import type { Lead } from './types';

/** Each part left out takes the API's default: a new account and contact from the lead, and an opportunity. */
export interface ConvertLeadInput {
  /** The lead's version as read; a stale one is refused with CONFLICT. */
  version: number;
  account?: { existingId: string } | { name?: string };
  contact?: { existingId: string; role?: string } | { create: true; role?: string };
  /** null: no opportunity. */
  opportunity?: { name?: string; amount?: string; closeDate?: string } | null;
  ownerId?: string;
}

/** An existing contact the new one may duplicate. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  score: number;
  reasons: Array<'email' | 'phone' | 'name_company'>;
}

export interface LeadConversion {
  lead: Lead;
  account: Account;
  contact: Contact;
  opportunity: Opportunity | null;
  duplicates: DuplicateCandidate[];
}

/** Turns the lead into an account, a contact and (unless null) an opportunity, all at once. */
export function convertLead(id: string, input: ConvertLeadInput): Promise<LeadConversion> {
  return apiRequest<LeadConversion>(`/leads/${encodeURIComponent(id)}/convert`, {
    method: 'POST',
    body: input,
  });
}
