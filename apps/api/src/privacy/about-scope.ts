import type { EntityManager } from '@mikro-orm/postgresql';
import type { Person } from './person';
import {
  RECORD_TABLES,
  registryEntry,
  type LinkedTable,
  type PersonalTable,
  type PersonLink,
} from './personal-data-registry';
import { anyOf, ident, inList, type ColumnKind, type Sql } from './sql';

export type LinkingEntry = PersonalTable | LinkedTable;

export type Reach = 'all' | 'whole' | 'partly';

const isPartly = (link: PersonLink) => 'partly' in link && link.partly === true;

// ref links chain (event → run → task → lead); the registry's chains are three long at most.
const MAX_DEPTH = 5;

/**
 * Which rows of a table are about one person, by the table's registry links. Keys of rows that
 * other tables point at (runs, tasks, campaign recipients) are read once and then given to SQL as
 * lists, so each predicate is a plain `in (…)` that can use the tables' indexes.
 */
export class AboutScope {
  private readonly keys = new Map<string, Promise<string[]>>();

  constructor(
    private readonly em: EntityManager,
    readonly person: Person,
    readonly columns: Map<string, Map<string, ColumnKind>>,
  ) {}

  /**
   * The predicate (on `alias`) of the table's rows about the person — by all its links, or only
   * its `whole` or `partly` ones; null when no row can match.
   */
  async predicate(entry: LinkingEntry, alias: string, which: Reach = 'all', depth = 0): Promise<Sql | null> {
    const links = entry.links.filter((link) => which === 'all' || (which === 'partly') === isPartly(link));
    return anyOf(await Promise.all(links.map((link) => this.clause(link, alias, depth))));
  }

  private async clause(link: PersonLink, alias: string, depth: number): Promise<Sql | null> {
    const column = (name: string) => `${alias}.${ident(name)}`;
    switch (link.via) {
      case 'subject':
        return inList(column('id'), link.type === 'contact' ? this.person.contacts : this.person.leads);
      case 'record': {
        const perType = await Promise.all(
          link.types.map(async (type) => {
            const ids = inList(column(link.idColumn), await this.keysOf(RECORD_TABLES[type], depth + 1));
            return (
              ids && { sql: `${column(link.typeColumn)} = ? and ${ids.sql}`, params: [type, ...ids.params] }
            );
          }),
        );
        return anyOf(perType);
      }
      case 'ref':
        return inList(column(link.column), await this.keysOf(link.table, depth + 1));
      case 'email':
        return inList(`lower(btrim(${column(link.column)}))`, this.person.emails);
    }
  }

  /** Keys (as text) of the rows of `table` about the person. */
  keysOf(table: string, depth = 0): Promise<string[]> {
    let found = this.keys.get(table);
    if (!found) {
      found = this.readKeys(table, depth);
      this.keys.set(table, found);
    }
    return found;
  }

  private async readKeys(table: string, depth: number): Promise<string[]> {
    const entry = registryEntry(table);
    if (depth > MAX_DEPTH || !entry || (entry.holds !== 'personal' && entry.holds !== 'linked')) return [];
    if (!this.columns.has(table)) return [];
    // Only rows wholly about the person: a reply on their case does not make its events theirs.
    const where = await this.predicate(entry, 't', 'whole', depth);
    if (!where) return [];
    const key = ident(entry.key ?? 'id');
    const rows = await this.em.execute<Array<{ key: string }>>(
      `select t.${key}::text as key from ${ident(table)} t where ${where.sql}`,
      where.params,
    );
    return rows.map((r) => r.key);
  }
}
