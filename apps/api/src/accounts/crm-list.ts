import { z } from 'zod';
import { BatonError } from '@baton/domain';
import type { Page } from '../common/pagination';

// Shared by the CRM record lists (accounts, contacts, opportunities, products, quotes).

/** How a sortable column compares, so its cursor value can be validated and compared in SQL. */
export type SortKind = 'text' | 'timestamp' | 'date' | 'decimal';
export type SortFields = Record<string, { kind: SortKind; nullable?: boolean }>;

export interface ListSort {
  /** The `sort` parameter as sent, e.g. `-amount`; cursors are only valid for the same sort. */
  key: string;
  field: string;
  desc: boolean;
  kind: SortKind;
  nullable: boolean;
}

/** `field` ascending or `-field` descending, among the whitelisted fields. */
export function sortSchema(fields: SortFields, fallback: string) {
  const values = Object.keys(fields).flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(values).default(fallback).describe('A whitelisted field; prefix with - for descending');
}

export const text = (max: number) => z.string().trim().min(1).max(max);

export const qSchema = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((q) => (q ? q : undefined))
  .describe('Case-insensitive substring of the name');
export const ownerFilterSchema = z.union([z.literal('me'), z.uuid()]).optional();
export const archivedSchema = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true')
  .describe('true also lists archived records');
// Room for a 200-character non-ASCII name as the sort value.
export const cursorParamSchema = z.string().max(2000).optional();

export function parseSort(key: string, fields: SortFields): ListSort {
  const desc = key.startsWith('-');
  const field = desc ? key.slice(1) : key;
  const spec = fields[field];
  if (!spec) throw new BatonError('VALIDATION_FAILED', `Cannot sort by ${field}`, { field: 'sort' });
  return { key, field, desc, kind: spec.kind, nullable: spec.nullable ?? false };
}

/** ILIKE pattern matching `q` literally anywhere: `%` and `_` typed by the user are not wildcards. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** ILIKE pattern matching `value` exactly but ignoring case. */
export function sameTextPattern(value: string): string {
  return containsPattern(value).slice(1, -1);
}

/** A where clause requiring every condition (MikroORM needs `{}` rather than an empty `$and`). */
export function allOf(conditions: Array<Record<string, unknown> | undefined>): Record<string, unknown> {
  const present = conditions.filter((c): c is Record<string, unknown> => c !== undefined);
  return present.length === 0 ? {} : { $and: present };
}

const cursorSchema = z.strictObject({
  s: z.string().max(40),
  v: z.string().max(400).nullable(),
  id: z.uuid(),
});
const valueSchemas: Record<SortKind, z.ZodType<unknown>> = {
  text: z.string(),
  timestamp: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  date: z.iso.date(),
  decimal: z.string().regex(/^-?\d{1,14}(\.\d{1,2})?$/),
};

interface Position {
  value: unknown;
  id: string;
}

function badCursor(): BatonError {
  return new BatonError('VALIDATION_FAILED', 'The cursor is not one this API handed out for this sort', {
    field: 'cursor',
  });
}

function decode(raw: string, sort: ListSort): Position {
  try {
    const cursor = cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (cursor.s !== sort.key) throw badCursor();
    if (cursor.v === null) {
      if (!sort.nullable) throw badCursor();
      return { value: null, id: cursor.id };
    }
    return { value: valueSchemas[sort.kind].parse(cursor.v), id: cursor.id };
  } catch {
    throw badCursor();
  }
}

function encode(sort: ListSort, value: unknown, id: string): string {
  // Sort columns hold timestamps, dates, decimals (strings) or text; anything else is absent.
  const v = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;
  return Buffer.from(JSON.stringify({ s: sort.key, v, id })).toString('base64url');
}

/**
 * Rows strictly after the cursor in `ORDER BY field <dir> NULLS LAST, id <dir>`: the id breaks ties,
 * so equal sort values are neither skipped nor repeated across pages.
 */
export function keyset(sort: ListSort, raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  const at = decode(raw, sort);
  const beyond = sort.desc ? '$lt' : '$gt';
  if (at.value === null) return { [sort.field]: null, id: { [beyond]: at.id } };
  const after: Record<string, unknown>[] = [
    { [sort.field]: { [beyond]: at.value } },
    { [sort.field]: at.value, id: { [beyond]: at.id } },
  ];
  if (sort.nullable) after.push({ [sort.field]: null });
  return { $or: after };
}

export function orderBy(sort: ListSort): Array<Record<string, string>> {
  const dir = sort.desc ? 'desc' : 'asc';
  return [{ [sort.field]: `${dir} nulls last` }, { id: dir }];
}

/** Given `limit + 1` rows, the page and the cursor for the next one. */
export function toPage<R extends { id: string }, V>(
  rows: R[],
  limit: number,
  sort: ListSort,
  view: (row: R) => V,
): Page<V> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encode(sort, (last as unknown as Record<string, unknown>)[sort.field], last.id)
      : null;
  return { items: items.map(view), nextCursor };
}

export function pageSchema<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
