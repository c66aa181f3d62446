import type { EntityManager } from '@mikro-orm/postgresql';
import type { AboutScope } from './about-scope';
import { aboutStatement, mentionStatement, partly, type Patterns } from './erasure-statements';
import { identifierPattern } from './identifiers';
import { ERASED, PERSONAL_DATA_REGISTRY, type PersonalTable } from './personal-data-registry';
import { countTouched, ident } from './sql';

// The person's own records are also marked erased and archived (out of lists, sweeps and duplicate
// checks), and their version moves so a form opened before cannot save over the erasure.
const MARK_ERASED = [
  `"erased_at" = coalesce("erased_at", now())`,
  `"archived_at" = coalesce("archived_at", now())`,
  `"version" = "version" + 1`,
];

// Redacted texts looked for as whole copies elsewhere; longer or more ones are left to the scrub.
const MAX_CONTENTS = 200;
const MAX_CONTENT_LENGTH = 5000;

const PERSONAL = PERSONAL_DATA_REGISTRY.filter((e): e is PersonalTable => e.holds === 'personal');

function patterns(needles: string[], contents: readonly string[] = []): Patterns | null {
  const text = identifierPattern(needles);
  const json = identifierPattern(needles, true);
  return text && json ? { text, json, contents: contents.map((c) => JSON.stringify(c)) } : null;
}

/** The texts about to be redacted (the person's notes and activities), before they are. */
async function redactedTexts(tx: EntityManager, scope: AboutScope): Promise<string[]> {
  const texts = new Set<string>();
  for (const entry of PERSONAL) {
    const columns = Object.entries(entry.personal)
      .filter(([column, t]) => t === 'redact' && scope.columns.get(entry.table)?.get(column) === 'text')
      .map(([column]) => column);
    const where = columns.length > 0 ? await scope.predicate(entry, 'a', 'whole') : null;
    if (!where) continue;
    const rows = await tx.execute<Array<Record<string, string | null>>>(
      `select ${columns.map((c) => `a.${ident(c)}`).join(', ')} from ${ident(entry.table)} a where ${where.sql}`,
      where.params,
    );
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value && value.length >= 3 && value.length <= MAX_CONTENT_LENGTH && value !== ERASED)
          texts.add(value);
      }
    }
  }
  return [...texts].slice(0, MAX_CONTENTS);
}

/**
 * Anonymises the person in every personal table of the registry, in the caller's transaction:
 * first the rows about them, then the free text elsewhere that mentions them. Returns the rows
 * changed (or deleted) per table.
 */
export async function anonymise(tx: EntityManager, scope: AboutScope): Promise<Record<string, number>> {
  const { identifiers } = scope.person;
  const weak = patterns(identifiers.weak, await redactedTexts(tx, scope));
  const strong = patterns(identifiers.strong);
  const counts: Record<string, number> = {};
  const add = (table: string, n: number) => (counts[table] = (counts[table] ?? 0) + n);
  for (const entry of PERSONAL) {
    const columns = scope.columns.get(entry.table);
    if (!columns) continue;
    for (const [reach, treated] of [
      ['whole', entry],
      ['partly', partly(entry)],
    ] as const) {
      const where = await scope.predicate(entry, 'a', reach);
      const own = entry.links.some((l) => l.via === 'subject');
      const statement = where && aboutStatement(treated, columns, where, weak, own ? MARK_ERASED : []);
      if (statement) add(entry.table, await countTouched(tx, statement));
    }
  }
  // Mentions last: rows about the person are already clean, so what is left is elsewhere.
  for (const entry of strong ? PERSONAL : []) {
    const columns = scope.columns.get(entry.table);
    const statement = columns && mentionStatement(entry, columns, strong!);
    if (statement) add(entry.table, await countTouched(tx, statement));
  }
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Text less anything that identifies the person (an erasure's reason, kept in the audit log). */
export async function scrubText(tx: EntityManager, text: string, scope: AboutScope): Promise<string> {
  const weak = patterns(scope.person.identifiers.weak);
  if (!weak) return text;
  const [row] = await tx.execute<Array<{ text: string }>>(`select regexp_replace(?, ?, ?, 'gi') as text`, [
    text,
    weak.text,
    ERASED,
  ]);
  return row?.text ?? text;
}
