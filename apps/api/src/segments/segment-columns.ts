import type { SegmentEntity } from './segment.entity';

/**
 * How a column's value looks to a condition: `text` is a string (or null), `number` a JSON number
 * (or null), `timestamp` the ISO-8601 string `Date#toISOString` gives (never null here).
 */
export type ColumnKind = 'text' | 'number' | 'timestamp';

export interface SegmentColumn {
  /** SQL for the value, over the table aliased `r`; a `number` column must be an integer type. */
  readonly sql: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
}

export interface SegmentTable {
  readonly table: string;
  readonly columns: Readonly<Record<string, SegmentColumn>>;
}

const text = (column: string, nullable = true): SegmentColumn => ({
  sql: `r."${column}"`,
  kind: 'text',
  nullable,
});
// uuids print in PostgreSQL exactly as the API hands them out: lower case with hyphens.
const uuidText = (column: string, nullable: boolean): SegmentColumn => ({
  sql: `r."${column}"::text`,
  kind: 'text',
  nullable,
});
const timestamp = (column: string): SegmentColumn => ({
  sql: `r."${column}"`,
  kind: 'timestamp',
  nullable: false,
});

/**
 * Every field a condition sees on a contact or a lead (the record adapters' `fields`), mapped to
 * its column. A field missing here makes a rule that reads it fall back to evaluating records one
 * by one, never give a different answer.
 */
export const SEGMENT_TABLES: Readonly<Record<SegmentEntity, SegmentTable>> = {
  contact: {
    table: 'contacts',
    columns: {
      id: uuidText('id', false),
      name: text('name', false),
      email: text('email'),
      phone: text('phone'),
      title: text('title'),
      ownerId: uuidText('owner_id', true),
      createdAt: timestamp('created_at'),
      updatedAt: timestamp('updated_at'),
    },
  },
  lead: {
    table: 'leads',
    columns: {
      id: uuidText('id', false),
      name: text('name', false),
      email: text('email'),
      company: text('company'),
      phone: text('phone'),
      source: text('source', false),
      status: text('status', false),
      score: { sql: 'r."score"', kind: 'number', nullable: true },
      region: text('region'),
      ownerId: uuidText('owner_id', true),
      createdAt: timestamp('created_at'),
      updatedAt: timestamp('updated_at'),
    },
  },
};

/**
 * A timestamp as the ISO string conditions compare: the record adapters read timestamps into
 * JavaScript Dates, which keep whole milliseconds (truncated), and print them in UTC.
 */
export function isoText(column: SegmentColumn): string {
  return `to_char(${column.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The select list giving each field under its own name (the catalogue's names, not input), in the
 * form conditions see it: timestamps as the ISO text `isoText` prints, the form the compiled
 * comparisons use too.
 */
export function fieldSelectList(entity: SegmentEntity): string {
  return Object.entries(SEGMENT_TABLES[entity].columns)
    .map(([field, column]) => `${column.kind === 'timestamp' ? isoText(column) : column.sql} as "${field}"`)
    .join(', ');
}

/**
 * A row selected with {@link fieldSelectList} as the record adapter's `fields` give it: the data a
 * workflow condition sees, without loading entities (a scan may read every record).
 */
export function fieldsOfRow(
  entity: SegmentEntity,
  row: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(SEGMENT_TABLES[entity].columns)) fields[field] = row[field];
  return fields;
}
