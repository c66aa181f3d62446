import { fromCents, toCents } from '../accounts/crm-money';

export interface PricedLine {
  quantity: number;
  unitPrice: string;
  /** Percent with two decimals, e.g. "12.50". */
  discountPercent: string;
}

export interface Amounts {
  subtotal: string;
  discount: string;
  total: string;
}

// Whole cents throughout; a line's discount is rounded half-up to the cent once, then summed.
function lineCents(line: PricedLine): { gross: bigint; discount: bigint } {
  const gross = toCents(line.unitPrice) * BigInt(line.quantity);
  const basisPoints = toCents(line.discountPercent);
  return { gross, discount: (gross * basisPoints + 5_000n) / 10_000n };
}

function amounts(gross: bigint, discount: bigint): Amounts {
  return { subtotal: fromCents(gross), discount: fromCents(discount), total: fromCents(gross - discount) };
}

export function lineAmounts(line: PricedLine): Amounts {
  const { gross, discount } = lineCents(line);
  return amounts(gross, discount);
}

export function quoteAmounts(lines: readonly PricedLine[]): Amounts {
  let gross = 0n;
  let discount = 0n;
  for (const line of lines) {
    const cents = lineCents(line);
    gross += cents.gross;
    discount += cents.discount;
  }
  return amounts(gross, discount);
}
