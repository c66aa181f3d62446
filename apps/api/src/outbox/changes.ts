/** One field's change in a domain event. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

export type Changes = Record<string, FieldChange>;

// Events carry JSON: dates as ISO strings, entities as their ids.
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'id' in value) return value.id;
  return value ?? null;
}

/** Field-by-field differences between two snapshots of a record, for events and the audit trail. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const from = plain(before[field]);
    const to = plain(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** Every field of a new record as a change from nothing. */
export function created(after: Record<string, unknown>, fields: readonly string[]): Changes {
  return diff({}, after, fields);
}
