import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs SQL with its values bound by the PostgreSQL driver, inside `em`'s transaction when it has
 * one. Unlike MikroORM's `execute`, which spreads an array into a list, an array stays one value,
 * so `= any(?::uuid[])` works for a page of ids or addresses of any shape.
 */
export async function sqlRows<T>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const result = await knex.raw<{ rows: T[] }>(sql, params as Knex.RawBinding[]);
  return result.rows;
}
