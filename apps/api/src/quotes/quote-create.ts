import type { EntityManager } from '@mikro-orm/postgresql';
import { activeUser, badReference, seesOnlyOwn } from '../accounts/crm-access';
import { fieldsOf, isRunActor, recordChange, type ChangeActor } from '../accounts/crm-events';
import { Opportunity } from '../opportunities/opportunity.entity';
import { created } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import { Product } from '../products/product.entity';
import type { CreateQuoteInput, QuoteLineInput } from './quote.dto';
import { Quote, QuoteLine } from './quote.entity';
import { lineAmounts, quoteAmounts } from './quote-totals';

// How a quote comes to be — from the API or from a workflow step — and the line pricing updates share.

export const QUOTE_EVENT_FIELDS = [
  'name',
  'opportunity',
  'account',
  'status',
  'currency',
  'lines',
  'subtotal',
  'discountTotal',
  'total',
  'decisionComment',
  'decidedBy',
  'owner',
  'archivedAt',
] as const;

export function quoteSnapshot(quote: Quote): Record<string, unknown> {
  const lines = quote.lines
    .getItems()
    .sort((a, b) => a.position - b.position)
    .map((l) => ({
      product: l.product.id,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
    }));
  return { ...fieldsOf(quote), lines };
}

/** Replaces the lines and recomputes every amount from quantities, prices and discounts. */
export async function setQuoteLines(
  tx: EntityManager,
  quote: Quote,
  inputs: QuoteLineInput[],
): Promise<void> {
  const ids = [...new Set(inputs.map((l) => l.productId))];
  const products = new Map(
    (await tx.find(Product, { id: { $in: ids }, active: true, archivedAt: null })).map((p) => [p.id, p]),
  );
  quote.lines.removeAll();
  for (const [position, input] of inputs.entries()) {
    const product = products.get(input.productId);
    if (!product) throw badReference(`lines.${position}.productId`, input.productId);
    const priced = {
      quantity: input.quantity,
      unitPrice: input.unitPrice ?? product.unitPrice,
      discountPercent: (input.discountPercent ?? 0).toFixed(2),
    };
    const amounts = lineAmounts(priced);
    quote.lines.add(tx.create(QuoteLine, { quote, position, product, ...priced, ...amounts }));
  }
  const totals = quoteAmounts(quote.lines.getItems());
  quote.subtotal = totals.subtotal;
  quote.discountTotal = totals.discount;
  quote.total = totals.total;
}

// Reps quote only on opportunities they own; others (and runs) on any live one.
async function quotableOpportunity(tx: EntityManager, id: string, actor: ChangeActor): Promise<Opportunity> {
  const opportunity = await tx.findOne(
    Opportunity,
    { id, archivedAt: null },
    { populate: ['owner', 'account'] },
  );
  if (!opportunity || (!isRunActor(actor) && seesOnlyOwn(actor) && opportunity.owner?.id !== actor.id)) {
    throw badReference('opportunityId', id);
  }
  return opportunity;
}

/**
 * Creates a draft quote, its priced lines and its `quote.created` event in the caller's
 * transaction. Without `ownerId` it is the opportunity owner's, else the creator's (a run's: nobody's).
 */
export async function createQuote(
  tx: EntityManager,
  outbox: OutboxService,
  input: CreateQuoteInput,
  actor: ChangeActor,
): Promise<Quote> {
  const opportunity = await quotableOpportunity(tx, input.opportunityId, actor);
  const owner =
    input.ownerId !== undefined
      ? await activeUser(tx, input.ownerId)
      : (opportunity.owner ?? (isRunActor(actor) ? null : await activeUser(tx, actor.id)));
  const quote = tx.create(Quote, {
    name: input.name,
    opportunity,
    account: opportunity.account,
    currency: opportunity.currency,
    owner,
  });
  await setQuoteLines(tx, quote, input.lines);
  const changes = created(quoteSnapshot(quote), QUOTE_EVENT_FIELDS);
  recordChange(outbox, tx, { type: 'quote', id: quote.id }, 'created', actor, changes);
  return quote;
}
