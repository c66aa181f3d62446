import { ownerRef } from '../accounts/crm-access';
import type { QuoteView } from './quote.dto';
import type { Quote } from './quote.entity';
import { quoteMargin } from './quote-margin';

/** Needs `owner`, `decidedBy`, `opportunity`, `account` and `lines.product` populated. */
export function quoteView(quote: Quote): QuoteView {
  return {
    id: quote.id,
    name: quote.name,
    opportunity: { id: quote.opportunity.id, name: quote.opportunity.name },
    account: { id: quote.account.id, name: quote.account.name },
    status: quote.status,
    currency: quote.currency,
    lines: quote.lines
      .getItems()
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        id: line.id,
        position: line.position,
        product: { id: line.product.id, sku: line.product.sku, name: line.product.name },
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discountPercent: Number(line.discountPercent),
        subtotal: line.subtotal,
        discount: line.discount,
        total: line.total,
      })),
    subtotal: quote.subtotal,
    discountTotal: quote.discountTotal,
    total: quote.total,
    ...quoteMargin({ total: quote.total, lines: quote.lines.getItems() }),
    decision: quote.decidedAt
      ? {
          comment: quote.decisionComment,
          by: quote.decidedBy ? { id: quote.decidedBy.id, name: quote.decidedBy.name } : null,
          at: quote.decidedAt.toISOString(),
        }
      : null,
    owner: ownerRef(quote),
    createdAt: quote.createdAt.toISOString(),
    updatedAt: quote.updatedAt.toISOString(),
    archivedAt: quote.archivedAt?.toISOString() ?? null,
    version: quote.version,
  };
}
