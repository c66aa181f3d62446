import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityType } from '@baton/contracts';
import { AccountContact, Contact } from '../../contacts/contact.entity';
import { Opportunity } from '../../opportunities/opportunity.entity';
import { SupportCase } from '../../cases/case.entity';
import { Subscription } from '../../subscriptions/subscription.entity';
import { Quote } from '../../quotes/quote.entity';

/** One named set of records related to a record, e.g. an account's `contacts`. */
interface Relation {
  type: EntityType;
  /** Ids of the live (not archived) related records, oldest first. */
  ids(em: EntityManager, id: string, max: number): Promise<string[]>;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

function owned(
  entity: typeof Opportunity | typeof SupportCase | typeof Subscription | typeof Quote,
  type: EntityType,
  by: 'account' | 'opportunity' | 'contact',
): Relation {
  return {
    type,
    ids: async (em, id, max) =>
      ids(
        await em.find(
          entity as typeof Opportunity,
          { [by]: id, archivedAt: null },
          {
            orderBy: { createdAt: 'asc', id: 'asc' },
            limit: max,
            fields: ['id'],
          },
        ),
      ),
  };
}

/** What `for_each` can loop over, by the triggering record's type. */
export const RELATIONS: Partial<Record<EntityType, Record<string, Relation>>> = {
  account: {
    contacts: {
      type: 'contact',
      ids: async (em, id, max) =>
        (
          await em.find(
            AccountContact,
            { account: id, contact: { archivedAt: null } },
            { orderBy: { createdAt: 'asc', id: 'asc' }, limit: max, populate: ['contact'] },
          )
        ).map((link) => (link.contact as Contact).id),
    },
    opportunities: owned(Opportunity, 'opportunity', 'account'),
    subscriptions: owned(Subscription, 'subscription', 'account'),
    cases: owned(SupportCase, 'case', 'account'),
    quotes: owned(Quote, 'quote', 'account'),
  },
  opportunity: { quotes: owned(Quote, 'quote', 'opportunity') },
  contact: { cases: owned(SupportCase, 'case', 'contact') },
};

/** Relation names per entity type, for error messages and the docs. */
export function relationNames(type: EntityType): string[] {
  return Object.keys(RELATIONS[type] ?? {});
}
