// Seeded generators of random JSON Logic rules and records for differential testing.
// Keys and strings avoid names that exist on prototypes (map, at, toString...), because reading
// those is the one deliberate difference from json-logic-js.

/** mulberry32: a tiny deterministic PRNG. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

export const KEYS = ['a', 'b', 'c', 'x', 'y', 'z', '0', '1', '2', 'length', ''] as const;
const NUMBERS = [0, 1, 2, 3, -1, -3, 2.5, 10, 0.1, 100, -0.5, 1e21] as const;
const STRINGS = [
  '',
  'a',
  'b',
  'ab',
  'abc',
  'xyz',
  'null',
  '0',
  '1',
  '2',
  '10',
  '2.5',
  '-3',
  ' 4 ',
  '1e3',
  'a.b',
  'b,c',
] as const;
const STANDARD_OPS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
  'log',
] as const;

/** A random JSON value of the kinds records hold (numbers, numeric strings, nested data...). */
export function randomValue(r: Random, depth = 2): unknown {
  const roll = r.int(depth > 0 ? 10 : 7);
  switch (roll) {
    case 0:
    case 1:
      return r.pick(NUMBERS);
    case 2:
    case 3:
      return r.pick(STRINGS);
    case 4:
      return r.chance(0.5);
    case 5:
      return null;
    case 6:
      return r.int(20) - 5;
    case 7:
    case 8:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth - 1));
    default:
      return randomRecord(r, depth - 1);
  }
}

/** A random record: an object with keys from {@link KEYS}. */
export function randomRecord(r: Random, depth = 2): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const count = r.int(6) + (depth > 1 ? 2 : 0);
  for (let i = 0; i < count; i++) record[r.pick(KEYS)] = randomValue(r, depth);
  return record;
}

function randomPath(r: Random): unknown {
  switch (r.int(8)) {
    case 0:
      return r.pick(['', null, 0, 1, 2]);
    case 1:
    case 2:
      return `${r.pick(KEYS)}.${r.pick(KEYS)}`;
    case 3:
      return `${r.pick(KEYS)}.${r.pick(KEYS)}.${r.pick(KEYS)}`;
    default:
      return r.pick(KEYS);
  }
}

function literal(r: Random): unknown {
  switch (r.int(8)) {
    case 0:
    case 1:
      return r.pick(NUMBERS);
    case 2:
    case 3:
      return r.pick(STRINGS);
    case 4:
      return r.chance(0.5);
    case 5:
      return null;
    case 6:
      return Array.from({ length: r.int(3) }, () => (r.chance(0.5) ? r.pick(NUMBERS) : r.pick(STRINGS)));
    default:
      return r.chance(0.8) ? r.int(10) : { a: 1, b: 2 };
  }
}

function args(r: Random, depth: number, min: number, max: number): unknown[] {
  return Array.from({ length: min + r.int(max - min + 1) }, () => randomRule(r, depth - 1));
}

function keyList(r: Random, depth: number): unknown {
  if (r.chance(0.15)) return randomRule(r, depth - 1);
  return Array.from({ length: r.int(4) }, () => (r.chance(0.85) ? randomPath(r) : randomRule(r, depth - 1)));
}

function arraySource(r: Random, depth: number): unknown {
  switch (r.int(4)) {
    case 0:
      return { var: r.pick(KEYS) };
    case 1:
      return Array.from({ length: r.int(4) }, () => (r.chance(0.7) ? literal(r) : randomRecord(r, 1)));
    case 2:
      return { merge: args(r, depth, 0, 3) };
    default:
      return randomRule(r, depth - 1);
  }
}

/** A random rule nested up to `depth` operators deep, over every standard operator. */
export function randomRule(r: Random, depth = 4): unknown {
  if (depth <= 0 || r.chance(0.25)) {
    return r.chance(0.5) ? literal(r) : { var: r.chance(0.85) ? randomPath(r) : [randomPath(r), literal(r)] };
  }
  if (r.chance(0.005)) return { no_such_op: args(r, depth, 0, 2) };
  const op = r.pick(STANDARD_OPS);
  const unaryForm = (value: unknown): unknown => (r.chance(0.3) ? { [op]: value } : { [op]: [value] });
  switch (op) {
    case 'var':
      switch (r.int(6)) {
        case 0:
          return { var: [] };
        case 1:
          return { var: [randomPath(r), randomRule(r, depth - 1)] };
        case 2:
          return { var: randomRule(r, depth - 1) };
        default:
          return unaryForm(randomPath(r));
      }
    case 'missing':
      return r.chance(0.3) ? { missing: [keyList(r, depth)] } : { missing: keyList(r, depth) };
    case 'missing_some':
      return { missing_some: [r.chance(0.8) ? r.int(4) : randomRule(r, depth - 1), keyList(r, depth)] };
    case 'if':
    case '?:':
      return { [op]: args(r, depth, 0, 6) };
    case '!':
    case '!!':
    case 'log':
      return r.chance(0.1) ? { [op]: [] } : unaryForm(randomRule(r, depth - 1));
    case 'and':
    case 'or':
      return { [op]: args(r, depth, 0, 4) };
    case '<':
    case '<=':
      return { [op]: args(r, depth, 1, 3) };
    case '-':
      return r.chance(0.3) ? unaryForm(randomRule(r, depth - 1)) : { [op]: args(r, depth, 0, 3) };
    case '+':
    case '*':
      return r.chance(0.2)
        ? unaryForm(randomRule(r, depth - 1))
        : { [op]: args(r, depth, r.chance(0.05) ? 0 : 1, 4) };
    case 'max':
    case 'min':
    case 'merge':
    case 'cat':
      return { [op]: args(r, depth, 0, 4) };
    case 'substr':
      return {
        substr: [
          randomRule(r, depth - 1),
          r.chance(0.7) ? r.int(7) - 3 : randomRule(r, depth - 1),
          ...(r.chance(0.6) ? [r.int(7) - 3] : []),
        ],
      };
    case 'map':
    case 'filter':
    case 'all':
    case 'none':
    case 'some':
      return {
        [op]: r.chance(0.05) ? args(r, depth, 0, 1) : [arraySource(r, depth), randomRule(r, depth - 1)],
      };
    case 'reduce': {
      const logic = r.chance(0.7)
        ? {
            [r.pick(['+', 'cat', 'max', 'merge', 'if'])]: [
              { var: r.pick(['current', 'accumulator', 'current.a', 'current.0']) },
              { var: r.pick(['accumulator', 'current']) },
            ],
          }
        : randomRule(r, depth - 1);
      return { reduce: [arraySource(r, depth), logic, ...(r.chance(0.6) ? [randomRule(r, depth - 1)] : [])] };
    }
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '>':
    case '>=':
    case '/':
    case '%':
    case 'in':
      // Binary operators, sometimes with an odd argument count.
      return { [op]: args(r, depth, r.chance(0.1) ? 0 : 2, r.chance(0.1) ? 3 : 2) };
  }
}
