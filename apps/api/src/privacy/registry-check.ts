import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONAL_DATA_REGISTRY, type RegistryEntry } from './personal-data-registry';
import { columnKinds } from './sql';

/** Columns an entry accounts for: its personal columns and the ones it says hold nothing personal. */
function classified(entry: RegistryEntry): Set<string> | null {
  switch (entry.holds) {
    case 'none':
      return null;
    case 'linked':
      return new Set(entry.other ?? []);
    case 'staff':
      return new Set([...entry.personal, ...(entry.other ?? [])]);
    case 'personal':
      return new Set([...Object.keys(entry.personal), ...(entry.other ?? [])]);
  }
}

/**
 * What the database holds that the registry does not account for: tables it does not list, and
 * text or jsonb columns of listed tables (other than `none` ones) it does not classify.
 */
export async function registryGaps(
  em: EntityManager,
  registry: readonly RegistryEntry[] = PERSONAL_DATA_REGISTRY,
): Promise<{ unlisted: string[]; unclassified: string[] }> {
  const tables = await em.execute<Array<{ table_name: string }>>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const columns = await columnKinds(em);
  const byTable = new Map(registry.map((e) => [e.table, e]));
  const unlisted: string[] = [];
  const unclassified: string[] = [];
  for (const { table_name: table } of tables) {
    const entry = byTable.get(table);
    if (!entry) {
      unlisted.push(table);
      continue;
    }
    const known = classified(entry);
    if (!known) continue;
    for (const [column, kind] of columns.get(table) ?? []) {
      if (kind !== 'other' && !known.has(column)) unclassified.push(`${table}.${column}`);
    }
  }
  return { unlisted, unclassified };
}
