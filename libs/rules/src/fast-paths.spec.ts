import jsonLogic from 'json-logic-js';
import { KEYS, Random, randomRecord, randomValue } from '../test/random-rules';
import { outcome, sameOutcome } from '../test/same';
import { BACK_ENDS } from '../test/back-ends';

// The compiler picks specialised closures by argument shape (field versus literal, literal type,
// constant lists, and/or of known-boolean children, conditions that only need truthiness, reduce's
// own scope object...). The random differential test reaches these shapes only now and then; this
// one aims every specialised shape at json-logic-js with awkward literals and values.

const LITERALS: readonly unknown[] = [
  0,
  -0,
  1,
  2.5,
  -3,
  10000,
  NaN,
  Infinity,
  '',
  '0',
  '1',
  '10000',
  ' 4 ',
  'abc',
  'a,b',
  'true',
  'null',
  true,
  false,
  null,
];
const COMPARISONS = ['==', '!=', '===', '!==', '<', '<=', '>', '>='] as const;

function field(r: Random): unknown {
  switch (r.int(4)) {
    case 0:
      return { var: `${r.pick(KEYS)}.${r.pick(KEYS)}` };
    case 1:
      return { var: `${r.pick(KEYS)}.${r.pick(KEYS)}.${r.pick(KEYS)}` };
    default:
      return { var: r.pick(KEYS) };
  }
}

/** A field, or an expression of a known result type in the same place. */
function operand(r: Random): unknown {
  switch (r.int(8)) {
    case 0:
      return { cat: [field(r), r.pick(['', '-', 'a'])] };
    case 1:
      return { '+': [field(r), r.pick(LITERALS)] };
    case 2:
      return { '!': field(r) };
    case 3:
      return {
        reduce: [field(r), { var: r.pick(['current', 'accumulator', 'current.a']) }, r.pick(LITERALS)],
      };
    default:
      return field(r);
  }
}

function comparison(r: Random): unknown {
  const op = r.pick(COMPARISONS);
  const lit = r.pick(LITERALS);
  return r.chance(0.7) ? { [op]: [operand(r), lit] } : { [op]: [lit, operand(r)] };
}

function condition(r: Random, depth: number): unknown {
  const roll = r.int(depth > 0 ? 14 : 8);
  switch (roll) {
    case 0:
    case 1:
      return comparison(r);
    case 2:
      return { [r.pick(['<', '<='])]: [r.pick(LITERALS), operand(r), r.pick(LITERALS)] };
    case 3: {
      const list = Array.from({ length: r.pick([1, 2, 3, 9, 12]) }, () => r.pick(LITERALS)).filter(
        (x) => x === x,
      );
      return { in: [operand(r), list] };
    }
    case 4:
      return { in: [r.pick(['a', 'b', '1', 1, 'ab', '', null]), field(r)] };
    case 5:
      return { [r.pick(['!', '!!'])]: r.chance(0.5) ? operand(r) : [comparison(r)] };
    case 6:
      return { missing: Array.from({ length: 1 + r.int(2) }, () => r.pick(KEYS)) };
    case 7:
      return operand(r);
    case 8:
    case 9:
      return {
        [r.pick(['and', 'or'])]: Array.from({ length: 2 + r.int(4) }, () => condition(r, depth - 1)),
      };
    case 10:
      return { if: [condition(r, depth - 1), condition(r, depth - 1), condition(r, depth - 1)] };
    case 11:
      return {
        [r.pick(['some', 'all', 'none', 'filter'])]: [
          r.chance(0.5) ? { var: r.pick(KEYS) } : [randomRecord(r, 1), randomRecord(r, 1)],
          condition(r, depth - 1),
        ],
      };
    case 12:
      return {
        reduce: [
          { var: r.pick(KEYS) },
          {
            [r.pick(['+', 'cat', 'and', 'or', '=='])]: [
              { var: r.pick(['current', 'current.a', 'current.a.b', 'accumulator', 'accumulator.a']) },
              { var: r.pick(['accumulator', 'current', 'a']) },
            ],
          },
          r.pick(LITERALS),
        ],
      };
    default:
      return {
        cat: Array.from({ length: 1 + r.int(5) }, () => (r.chance(0.5) ? operand(r) : r.pick(LITERALS))),
      };
  }
}

describe.each(BACK_ENDS)('specialised shapes agree with json-logic-js: %s', (_name, build) => {
  it('on 10,000 shaped rules x 3 records', () => {
    const random = new Random(7_2026);
    const differences: string[] = [];
    let compared = 0;
    for (let i = 0; i < 10_000; i++) {
      const rule = condition(random, 3);
      const compiled = build(rule);
      for (let j = 0; j < 3; j++) {
        const data = random.chance(0.1) ? randomValue(random) : randomRecord(random);
        const expected = outcome(() => jsonLogic.apply(rule as jsonLogic.RulesLogic, data));
        const actual = outcome(() => compiled(data));
        compared++;
        if (!sameOutcome(expected, actual) && differences.length < 10) {
          differences.push(
            `${JSON.stringify(rule)} on ${JSON.stringify(data)}: json-logic-js ${JSON.stringify(expected)} vs ours ${JSON.stringify(actual)}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(30_000);
  });

  it('keeps loose equality where the literal type does not match', () => {
    const cases: [unknown, unknown][] = [
      [{ '==': [{ var: 'a' }, 1] }, { a: '1' }],
      [{ '==': [{ var: 'a' }, '1'] }, { a: [1] }],
      [{ '==': [{ var: 'a' }, true] }, { a: 1 }],
      [{ '==': [{ var: 'a' }, false] }, { a: [] }],
      [{ '!=': [{ var: 'a' }, 'x'] }, { a: ['x'] }],
      [{ '>=': [{ var: 'a' }, 10000] }, { a: '23000' }],
      [{ '<': [5, { var: 'a' }] }, { a: '7' }],
      [{ '<=': ['2', { var: 'a' }, 9] }, { a: [3] }],
      [{ '==': [{ cat: [{ var: 'a' }, '-', { var: 'b' }] }, 'US-won'] }, { a: 'US', b: 'won' }],
      [{ in: [{ var: 'a' }, [1, 2]] }, { a: '1' }],
      [{ in: ['b', { var: 'a' }] }, { a: 'abc' }],
    ];
    for (const [rule, data] of cases) {
      expect(build(rule)(data)).toBe(jsonLogic.apply(rule as jsonLogic.RulesLogic, data));
    }
  });
});
