import type { EntityManager } from '@mikro-orm/postgresql';

/** SQL text with `?` placeholders and their values, in order. */
export interface SqlFragment {
  readonly text: string;
  readonly params: readonly unknown[];
}

class Param {
  constructor(readonly value: unknown) {}
}

/** A value sent to PostgreSQL as a bound parameter: never part of the SQL text. */
export const param = (value: unknown): Param => new Param(value);

/** Trusted SQL text (column expressions from the catalogue, keywords). */
export const raw = (text: string): SqlFragment => ({ text, params: [] });

/**
 * Builds a fragment from a template whose holes are fragments or bound parameters, keeping the
 * parameters in the order their placeholders appear.
 */
export function sql(strings: TemplateStringsArray, ...holes: Array<SqlFragment | Param>): SqlFragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  holes.forEach((hole, i) => {
    if (hole instanceof Param) {
      text += '?';
      params.push(hole.value);
    } else {
      text += hole.text;
      params.push(...hole.params);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  return {
    text: fragments.map((f) => f.text).join(separator),
    params: fragments.flatMap((f) => f.params),
  };
}

/**
 * Runs a query with its values bound by the driver. MikroORM's `execute` writes values into the
 * SQL text itself and spreads arrays into lists, which `= any(?::uuid[])` cannot take.
 */
export async function queryRows<T>(em: EntityManager, fragment: SqlFragment): Promise<T[]> {
  const result = await em.getKnex().raw<{ rows: T[] }>(fragment.text, fragment.params as never[]);
  return result.rows;
}
