import { z } from 'zod';
import { BatonError } from '@baton/domain';

// Money is numeric(14,2) in the database and a decimal string with exactly two places in the API
// ("1250.00"): floats would round cents, and strings survive JSON without loss.

const MAX_CENTS = 99_999_999_999_999n; // numeric(14,2)

export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Expected a decimal string with at most 2 decimals, e.g. "1250.00"')
  .transform((v) => fromCents(toCents(v)))
  .describe('Decimal string with 2 decimals, e.g. "1250.00"');

export const moneyViewSchema = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .describe('Decimal string, e.g. "1250.00"');

export function toCents(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}

export function fromCents(cents: bigint): string {
  if (cents > MAX_CENTS)
    throw new BatonError('VALIDATION_FAILED', 'The amount is too large', { cents: String(cents) });
  const whole = cents / 100n;
  const fraction = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${fraction}`;
}
