import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { Account } from '../accounts/account.entity';
import { badReference, seesOnlyOwn } from '../accounts/crm-access';
import { SupportCase } from '../cases/case.entity';
import { Contact } from '../contacts/contact.entity';
import { Lead } from '../leads/lead.entity';
import { Opportunity } from '../opportunities/opportunity.entity';
import { Quote } from '../quotes/quote.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import type { User } from '../users/user.entity';

// Activities, notes, tasks and the timeline hang off any of these records by (type, id).

export const RECORD_TYPES = [
  'lead',
  'account',
  'contact',
  'opportunity',
  'quote',
  'subscription',
  'case',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const recordLinkSchema = { recordType: z.enum(RECORD_TYPES), recordId: z.uuid() };

export interface RecordRef {
  type: RecordType;
  id: string;
  label: string;
}

type Finder = (em: EntityManager, id: string) => Promise<{ label: string; ownerId?: string | null } | null>;

const owned = (owner: User | null) => owner?.id ?? null;

const FINDERS: Record<RecordType, { ownedOnly: boolean; find: Finder }> = {
  lead: {
    ownedOnly: false,
    find: async (em, id) => {
      const lead = await em.findOne(Lead, { id });
      return lead && { label: lead.company ? `${lead.name} (${lead.company})` : lead.name };
    },
  },
  account: {
    ownedOnly: false,
    find: async (em, id) => {
      const account = await em.findOne(Account, { id });
      return account && { label: account.name };
    },
  },
  contact: {
    ownedOnly: false,
    find: async (em, id) => {
      const contact = await em.findOne(Contact, { id });
      return contact && { label: contact.name };
    },
  },
  opportunity: {
    ownedOnly: true,
    find: async (em, id) => {
      const o = await em.findOne(Opportunity, { id });
      return o && { label: o.name, ownerId: owned(o.owner) };
    },
  },
  quote: {
    ownedOnly: true,
    find: async (em, id) => {
      const q = await em.findOne(Quote, { id });
      return q && { label: q.name, ownerId: owned(q.owner) };
    },
  },
  subscription: {
    ownedOnly: true,
    find: async (em, id) => {
      const s = await em.findOne(Subscription, { id }, { populate: ['account'] });
      return s && { label: `${s.account.name} — ${s.plan}`, ownerId: owned(s.owner) };
    },
  },
  case: {
    ownedOnly: true,
    find: async (em, id) => {
      const c = await em.findOne(SupportCase, { id });
      return c && { label: c.subject, ownerId: owned(c.owner) };
    },
  },
};

/** The record if it exists and `viewer` may see it by the same rules as its GET; else null. */
export async function visibleRecord(
  em: EntityManager,
  type: RecordType,
  id: string,
  viewer: User,
): Promise<RecordRef | null> {
  const finder = FINDERS[type];
  const found = await finder.find(em, id);
  if (!found) return null;
  if (finder.ownedOnly && seesOnlyOwn(viewer) && found.ownerId !== viewer.id) return null;
  return { type, id, label: found.label };
}

/** For a link in a request body: a record the caller cannot see is a bad reference (400). */
export async function linkedRecord(
  em: EntityManager,
  type: RecordType,
  id: string,
  viewer: User,
): Promise<RecordRef> {
  const record = await visibleRecord(em, type, id, viewer);
  if (!record) throw badReference('recordId', id);
  return record;
}

/** For a record in the path: one the caller cannot see is reported as missing (404). */
export async function pathRecord(
  em: EntityManager,
  type: RecordType,
  id: string,
  viewer: User,
): Promise<RecordRef> {
  const record = await visibleRecord(em, type, id, viewer);
  if (!record) throw new BatonError('NOT_FOUND', `No ${type} with this id`, { id });
  return record;
}
