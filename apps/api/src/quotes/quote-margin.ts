import { fromCents, toCents } from '../accounts/crm-money';

export interface QuoteMargin {
  /** Σ quantity × the product's unit cost; null when some line's product has no cost. */
  costTotal: string | null;
  /** (net total − cost total) / net total × 100, one decimal; null when the cost is unknown or the total is 0. */
  marginPercent: number | null;
}

/** What the margin needs of a quote: its net total and, per line, the quantity and product cost. */
export interface CostedQuote {
  total: string;
  lines: ReadonlyArray<{ quantity: number; product: { unitCost: string | null } }>;
}

/**
 * The quote's cost and margin. Unlike the price, which a line copies when it is written, the cost is
 * read from each line's product now, so a cost corrected in the price book shows on every quote at
 * once.
 */
export function quoteMargin(quote: CostedQuote): QuoteMargin {
  let cost = 0n;
  for (const line of quote.lines) {
    const unitCost = line.product.unitCost;
    if (unitCost === null || unitCost === undefined) return { costTotal: null, marginPercent: null };
    cost += toCents(unitCost) * BigInt(line.quantity);
  }
  const net = toCents(quote.total);
  return { costTotal: fromCents(cost), marginPercent: net > 0n ? percentOf(net - cost, net) : null };
}

// Whole tenths of a percent, rounded half away from zero, in integers so 12.25 never becomes 12.2.
function percentOf(part: bigint, whole: bigint): number {
  const scaled = part * 1000n;
  let tenths = scaled / whole;
  const rest = scaled % whole;
  const abs = rest < 0n ? -rest : rest;
  if (abs * 2n >= whole) tenths += scaled < 0n ? -1n : 1n;
  return Number(tenths) / 10;
}
