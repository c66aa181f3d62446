import type { WebhookMatch } from '@baton/contracts';
import { FORBIDDEN_KEYS } from '@baton/rules';

/** The value at a dotted path of a posted JSON value (own properties only), or undefined. */
export function payloadValue(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (FORBIDDEN_KEYS.has(key) || value === null || typeof value !== 'object' || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which record a delivery names: by id, or by a field value; or why it names none. */
export type RecordKey =
  | { by: 'id'; id: string }
  | { by: 'field'; field: string; value: string | number | boolean }
  | { problem: string };

/** Reads the record key out of a delivery's payload as the trigger's `match` says. */
export function recordKeyOf(match: WebhookMatch, payload: unknown): RecordKey {
  const path = match.from ?? 'recordId';
  const value = payloadValue(payload, path);
  if (match.by === 'id') {
    return typeof value === 'string' && UUID.test(value)
      ? { by: 'id', id: value.toLowerCase() }
      : { problem: `payload.${path} must be a record id (a UUID)` };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { by: 'field', field: match.field, value };
  return { problem: `payload.${path} must be a text, number or true/false to match ${match.field}` };
}
