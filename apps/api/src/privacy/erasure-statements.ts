import {
  ERASED,
  placeholderName,
  type PersonalTable,
  type PersonLink,
  type Treatment,
} from './personal-data-registry';
import { ident, type ColumnKind, type Sql } from './sql';

/** What an erasure matches: identifiers in plain text and inside JSON strings. */
export interface Patterns {
  text: string;
  json: string;
  /**
   * Whole texts redacted elsewhere (their notes), as JSON string literals: where an event or a
   * run copied one, the copy goes too.
   */
  contents?: readonly string[];
}

const SCRUBBED: ReadonlySet<Treatment> = new Set<Treatment>(['redact', 'scrub', 'label']);

function scrub(column: string, kind: ColumnKind, patterns: Patterns): Sql {
  const c = ident(column);
  if (kind !== 'jsonb') return { sql: `regexp_replace(${c}, ?, '${ERASED}', 'gi')`, params: [patterns.text] };
  // Whole copies first: once identifiers inside them are scrubbed they no longer match.
  const contents = patterns.contents ?? [];
  let json = `${c}::text`;
  for (let i = 0; i < contents.length; i++) json = `replace(${json}, ?, '"${ERASED}"')`;
  return {
    sql: `regexp_replace(${json}, ?, '${ERASED}', 'gi')::jsonb`,
    params: [...contents, patterns.json],
  };
}

function recordTypeColumn(links: readonly PersonLink[]): string | undefined {
  for (const link of links) if (link.via === 'record') return link.typeColumn;
  return undefined;
}

/** `column = value` for one personal column of a row about the person; null when it stays. */
function assignment(
  entry: PersonalTable,
  column: string,
  treatment: Treatment,
  kind: ColumnKind,
  patterns: Patterns | null,
): Sql | null {
  const c = ident(column);
  if (typeof treatment === 'object') {
    return treatment.set === null
      ? { sql: `${c} = null`, params: [] }
      : { sql: `${c} = ?`, params: [treatment.set] };
  }
  switch (treatment) {
    case 'derived':
      return null;
    case 'redact':
      return { sql: `${c} = case when ${c} is null then null else '${ERASED}' end`, params: [] };
    case 'hash':
      return {
        sql: `${c} = case when ${c} is null or ${c} like 'sha256:%' then ${c} else 'sha256:' || encode(sha256(convert_to(lower(btrim(${c})), 'UTF8')), 'hex') end`,
        params: [],
      };
    case 'scrub': {
      if (!patterns || kind === 'other') return null;
      const value = scrub(column, kind, patterns);
      return { sql: `${c} = ${value.sql}`, params: value.params };
    }
    case 'label': {
      const typeColumn = recordTypeColumn(entry.links);
      const scrubbed = patterns && kind === 'text' ? scrub(column, kind, patterns) : { sql: c, params: [] };
      if (!typeColumn) return { sql: `${c} = ${scrubbed.sql}`, params: scrubbed.params };
      const t = ident(typeColumn);
      return {
        sql: `${c} = case when ${c} is null then null when ${t} = 'contact' then ? when ${t} = 'lead' then ? else ${scrubbed.sql} end`,
        params: [placeholderName('contact'), placeholderName('lead'), ...scrubbed.params],
      };
    }
  }
}

/** The entry as it applies to rows only partly about the person: free text scrubbed, not redacted. */
export function partly(entry: PersonalTable): PersonalTable {
  const personal = Object.fromEntries(
    Object.entries(entry.personal).map(([column, t]) => [column, t === 'redact' ? 'scrub' : t]),
  );
  return { ...entry, personal, rows: 'anonymise' };
}

/**
 * The statement anonymising (or deleting) the rows about the person, matched by `where` on alias
 * `a`; `extra` adds assignments (the person's own record is also marked erased). Null when the
 * table has nothing to change.
 */
export function aboutStatement(
  entry: PersonalTable,
  columns: ReadonlyMap<string, ColumnKind>,
  where: Sql,
  patterns: Patterns | null,
  extra: readonly string[] = [],
): Sql | null {
  const table = ident(entry.table);
  if (entry.rows === 'delete') {
    return { sql: `delete from ${table} a where ${where.sql} returning 1`, params: where.params };
  }
  const sets: Sql[] = [];
  for (const [column, treatment] of Object.entries(entry.personal)) {
    const kind = columns.get(column);
    if (kind === undefined) continue;
    const set = assignment(entry, column, treatment, kind, patterns);
    if (set) sets.push(set);
  }
  for (const sql of extra) sets.push({ sql, params: [] });
  if (sets.length === 0) return null;
  return {
    sql: `update ${table} a set ${sets.map((s) => s.sql).join(', ')} where ${where.sql} returning 1`,
    params: [...sets.flatMap((s) => s.params), ...where.params],
  };
}

/**
 * The statement scrubbing the person's full name, email and phone from the table's free text in
 * every row that mentions them. Null when the table has no free text.
 */
export function mentionStatement(
  entry: PersonalTable,
  columns: ReadonlyMap<string, ColumnKind>,
  patterns: Patterns,
): Sql | null {
  const scanned = Object.entries(entry.personal)
    .filter(([column, treatment]) => SCRUBBED.has(treatment) && columns.has(column))
    .map(([column]) => ({ column, kind: columns.get(column)! }))
    .filter((c) => c.kind !== 'other');
  if (scanned.length === 0) return null;
  const matches = (c: { column: string; kind: ColumnKind }): Sql =>
    c.kind === 'jsonb'
      ? { sql: `${ident(c.column)}::text ~* ?`, params: [patterns.json] }
      : { sql: `${ident(c.column)} ~* ?`, params: [patterns.text] };
  const sets = scanned.map((c) => {
    const test = matches(c);
    const value = scrub(c.column, c.kind, patterns);
    return {
      sql: `${ident(c.column)} = case when ${test.sql} then ${value.sql} else ${ident(c.column)} end`,
      params: [...test.params, ...value.params],
    };
  });
  const where = scanned.map(matches);
  return {
    sql: `update ${ident(entry.table)} a set ${sets.map((s) => s.sql).join(', ')} where ${where.map((w) => w.sql).join(' or ')} returning 1`,
    params: [...sets.flatMap((s) => s.params), ...where.flatMap((w) => w.params)],
  };
}
