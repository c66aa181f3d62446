import type { EntityManager } from '@mikro-orm/postgresql';
import { Quote } from '../quotes/quote.entity';
import { quoteMargin, type QuoteMargin } from '../quotes/quote-margin';
import type { Approval } from './approval.entity';

/** Quote id → its cost and margin now, for the requests about quotes (so the approver sees both). */
export async function approvalMargins(
  em: EntityManager,
  approvals: readonly Approval[],
): Promise<Map<string, QuoteMargin>> {
  const ids = [...new Set(approvals.filter((a) => a.recordType === 'quote').map((a) => a.recordId))];
  if (ids.length === 0) return new Map();
  const quotes = await em.find(Quote, { id: { $in: ids } }, { populate: ['lines.product'] });
  return new Map(quotes.map((q) => [q.id, quoteMargin({ total: q.total, lines: q.lines.getItems() })]));
}
