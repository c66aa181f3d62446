import { compareCodeUnits } from '../canonical-json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A copy of a JSON value whose objects have their keys inserted in code-unit order and no
 * `undefined` members, so `JSON.stringify` of it is the same whatever order it was built in.
 */
export function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodeUnits)) {
    if (value[key] !== undefined) out[key] = canonicalValue(value[key]);
  }
  return out;
}

/** Equal as JSON: key order does not matter, and an `undefined` member is the same as none. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalValue(a)) === JSON.stringify(canonicalValue(b));
}

/** The keys of both objects that hold a value on at least one side, sorted. */
export function unionKeys(a: object, b: object): string[] {
  const keys = new Set<string>();
  for (const [key, value] of [...Object.entries(a), ...Object.entries(b)]) {
    if (value !== undefined) keys.add(key);
  }
  return [...keys].sort(compareCodeUnits);
}
