import type { EntityManager } from '@mikro-orm/postgresql';

// Raw SQL for the registry-driven features: table and column names come from the registry (never
// from a request), values always go through `?` parameters.

export interface Sql {
  sql: string;
  params: unknown[];
}

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `column in (…)`; null for an empty list, which matches nothing. */
export function inList(column: string, values: readonly string[]): Sql | null {
  return values.length === 0 ? null : { sql: `${column} in (?)`, params: [values] };
}

/** The clauses joined with `or`; null when there are none. */
export function anyOf(clauses: ReadonlyArray<Sql | null>): Sql | null {
  const present = clauses.filter((c): c is Sql => c !== null);
  if (present.length === 0) return null;
  return {
    sql: present.length === 1 ? present[0]!.sql : `(${present.map((c) => `(${c.sql})`).join(' or ')})`,
    params: present.flatMap((c) => c.params),
  };
}

/** Runs an `update … returning 1` or `delete … returning 1` and counts the rows it touched. */
export async function countTouched(em: EntityManager, statement: Sql): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(
    `with touched as (${statement.sql}) select count(*)::int as n from touched`,
    statement.params,
  );
  return row?.n ?? 0;
}

export type ColumnKind = 'text' | 'jsonb' | 'other';

/** Every column of every table in the current schema, by table, with how erasure can treat it. */
export async function columnKinds(em: EntityManager): Promise<Map<string, Map<string, ColumnKind>>> {
  const rows = await em.execute<Array<{ table_name: string; column_name: string; data_type: string }>>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()`,
  );
  const tables = new Map<string, Map<string, ColumnKind>>();
  for (const row of rows) {
    const kind: ColumnKind =
      row.data_type === 'text' || row.data_type === 'character varying'
        ? 'text'
        : row.data_type === 'jsonb'
          ? 'jsonb'
          : 'other';
    let columns = tables.get(row.table_name);
    if (!columns) tables.set(row.table_name, (columns = new Map()));
    columns.set(row.column_name, kind);
  }
  return tables;
}
