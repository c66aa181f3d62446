/** An object whose keys are written in exactly this order (a plain object's own order can't be trusted). */
export class OrderedObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A plain object with its keys sorted, recursively (arrays keep their order). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object' || value instanceof OrderedObject) return value;
  const keys = Object.keys(value).sort(compareCodeUnits);
  return new OrderedObject(keys.map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

/**
 * Writes a value like `JSON.stringify(value, null, 2)`, except that {@link OrderedObject}s keep
 * their entry order and plain objects are written with sorted keys.
 */
export function writeJson(value: unknown, indent = ''): string {
  const json = toJsonValue(value);
  if (json instanceof OrderedObject || (json !== null && typeof json === 'object')) {
    const inner = `${indent}  `;
    if (Array.isArray(json)) {
      if (json.length === 0) return '[]';
      const items = json.map((item) => `${inner}${writeJson(item === undefined ? null : item, inner)}`);
      return `[\n${items.join(',\n')}\n${indent}]`;
    }
    const ordered = json instanceof OrderedObject ? json : (sortedKeys(json) as OrderedObject);
    const members = ordered.entries
      .filter(([, v]) => toJsonValue(v) !== undefined)
      .map(([key, v]) => `${inner}${JSON.stringify(key)}: ${writeJson(v, inner)}`);
    return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${indent}}`;
  }
  // Primitives as JSON.stringify writes them (NaN and Infinity become null).
  return json === undefined ? 'null' : (JSON.stringify(json) ?? 'null');
}

// Mirrors JSON.stringify: toJSON() is honoured, functions and symbols are skipped like undefined.
function toJsonValue(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}
