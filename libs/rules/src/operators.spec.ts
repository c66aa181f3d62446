import { compileRule, getOperator, listOperators, OPERATORS } from './index';

const STANDARD = [
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
];
const CRM = [
  'startsWith',
  'endsWith',
  'in_list',
  'now',
  'date_add',
  'days_between',
  'days_until',
  'days_since',
  'before',
  'after',
  'add_business_days',
  'is_business_day',
];
const SPECIAL = ['if', '?:', 'and', 'or', 'map', 'filter', 'reduce', 'all', 'none', 'some'];
const SAMPLES: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1,
  2.5,
  NaN,
  '',
  '0',
  '1',
  'abc',
  '2024-03-15',
  [],
  [1, '1'],
  { a: 1 },
];

describe('operator registry', () => {
  it('holds exactly the standard json-logic-js operators plus the CRM ones', () => {
    const names = listOperators().map((o) => o.name);
    expect([...names].sort()).toEqual([...STANDARD, ...CRM].sort());
    expect(names.filter((n) => getOperator(n)?.standard).sort()).toEqual([...STANDARD].sort());
    expect(OPERATORS.size).toBe(STANDARD.length + CRM.length);
    expect(getOperator('constructor')).toBeUndefined();
  });

  it.each(listOperators().map((o) => [o.name, o] as const))('%s has complete metadata', (name, spec) => {
    expect(spec.label.length).toBeGreaterThan(0);
    expect(spec.description.length).toBeGreaterThan(0);
    expect(spec.arity.min).toBeGreaterThanOrEqual(0);
    if (spec.arity.max !== null) {
      expect(spec.arity.max).toBeGreaterThanOrEqual(spec.arity.min);
      expect(spec.params.length).toBe(spec.arity.max);
    } else {
      expect(spec.rest).toBeDefined();
    }
    expect(spec.evaluate === undefined).toBe(SPECIAL.includes(name));
    expect(Object.isFrozen(spec)).toBe(true);
    expect(() => JSON.stringify(spec)).not.toThrow();
    expect(() =>
      compileRule(spec.example)(
        { score: 90, tags: ['vip'], deals: [{ amount: 5 }] },
        { now: '2024-03-15T10:30:00Z' },
      ),
    ).not.toThrow();
  });

  it('fast paths agree with evaluate', () => {
    for (const spec of listOperators()) {
      const { evaluate, unary, binary } = spec;
      if (evaluate === undefined) continue;
      const apply = (): never => {
        throw new Error('unused');
      };
      for (const a of SAMPLES) {
        if (unary !== undefined)
          expect([spec.name, a, unary(a, {}, undefined)]).toEqual([
            spec.name,
            a,
            evaluate([a], {}, undefined, apply),
          ]);
        if (binary !== undefined) {
          for (const b of SAMPLES)
            expect([spec.name, a, b, binary(a, b, {}, undefined)]).toEqual([
              spec.name,
              a,
              b,
              evaluate([a, b], {}, undefined, apply),
            ]);
        }
      }
    }
  });
});
