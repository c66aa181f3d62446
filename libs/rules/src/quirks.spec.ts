import jsonLogic from 'json-logic-js';
import { RuleError } from './index';
import { outcome, same, sameOutcome } from '../test/same';
import { BACK_ENDS } from '../test/back-ends';

// Hand-picked corners of json-logic-js 2.0.5 that random rules rarely reach. Each case is checked
// against the library itself and, where noted, against the value we expect it to produce.
const THROWS = Symbol('throws');

const cases: [name: string, rule: unknown, data: unknown, expected: unknown][] = [
  ['and of nothing is undefined', { and: [] }, {}, undefined],
  ['or of nothing is undefined', { or: [] }, {}, undefined],
  ['if of nothing is null', { if: [] }, {}, null],
  ['if without else is null', { if: [false, 1] }, {}, null],
  ['if with one argument returns it', { if: 'x' }, {}, 'x'],
  ['* with one argument returns it untouched', { '*': ['3'] }, {}, '3'],
  ['* of nothing throws', { '*': [] }, {}, THROWS],
  ['* renormalises -0 between steps', { '*': [-1, 0, 5] }, {}, 0],
  ['* keeps -0 with two operands', { '*': [-1, 0] }, {}, -0],
  ['+ of nothing is 0', { '+': [] }, {}, 0],
  ['+ parses floats leniently', { '+': [' 4 ', '1e3', [5], '3abc'] }, {}, 1012],
  ['+ of null is NaN', { '+': [null] }, {}, NaN],
  ['- with an undefined second operand negates', { '-': [1, { and: [] }] }, {}, -1],
  ['- casts strings', { '-': ['5'] }, {}, -5],
  ['max of nothing', { max: [] }, {}, -Infinity],
  ['min uses Number()', { min: ['3', null, [7]] }, {}, 0],
  ['< with an undefined third operand compares two', { '<': [1, 2, { and: [] }] }, {}, true],
  ['substr with string start and negative length', { substr: ['abcdef', '1', -2] }, {}, 'bcd'],
  ['substr with null length', { substr: ['abcdef', -3, null] }, {}, ''],
  ['substr of a number', { substr: [12345, 1, 2] }, {}, '23'],
  ['cat flattens arrays with commas', { cat: [null, [1, [2, 3]], true] }, {}, '1,2,3true'],
  ['merge is one level deep', { merge: [1, [2, [3]], null] }, {}, [1, 2, [3], null]],
  ['in on a string is a substring test', { in: ['b', 'abc'] }, {}, true],
  ['in coerces the needle for strings', { in: [1, 'a1'] }, {}, true],
  ['in on an array is strict', { in: [1, ['1']] }, {}, false],
  ['in on null', { in: ['a', null] }, {}, false],
  ['in on a number', { in: ['a', 5] }, {}, false],
  ['[] == false', { '==': [[], false] }, {}, true],
  ['arrays compare loosely with strings', { '==': [[1, 2], '1,2'] }, {}, true],
  ['null == 0 is false', { '==': [null, 0] }, {}, false],
  ['! of [] is true', { '!': [[]] }, {}, true],
  ['!! of "0" is true', { '!!': ['0'] }, {}, true],
  ['!! of [0] is true', { '!!': [[0]] }, {}, true],
  ['var with numeric path on an array', { var: 1 }, ['a', 'b'], 'b'],
  ['var with numeric path 1.0 splits on the dot', { var: 1.5 }, [0, [1, 2, 3, 4, 5, 6]], 6],
  ['var reads string length', { var: 'a.length' }, { a: 'hello' }, 5],
  ['var reads a string index', { var: 'a.1' }, { a: 'hello' }, 'e'],
  ['var with an undefined default', { var: ['x', { and: [] }] }, {}, null],
  ['var null path returns data', { var: [null, 5] }, { a: 1 }, { a: 1 }],
  ['var on a primitive datum', { var: 'x' }, 5, null],
  ['var of a dynamic path', { var: { cat: ['a', '.', 'b'] } }, { a: { b: 7 } }, 7],
  ['missing takes only a leading array', { missing: [['a', 'b'], 'c'] }, {}, ['a', 'b']],
  ['missing treats "" as missing', { missing: ['a', 'b'] }, { a: '', b: 0 }, ['a']],
  ['missing spreads an array key into var', { missing: [[['a', 'dflt']]] }, {}, []],
  [
    'missing re-evaluates object keys as logic',
    { missing: { var: 'o' } },
    { o: { var: 'z' }, z: 'q' },
    [{ var: 'z' }],
  ],
  ['missing throws on a one-key record value', { missing: { var: 'o' } }, { o: { name: 'Bob' } }, THROWS],
  ['missing_some with a string of options', { missing_some: [1, 'ab'] }, {}, []],
  ['missing_some with nested options', { missing_some: [1, [['a', 'b']]] }, {}, ['a', 'b']],
  ['missing_some with null options throws', { missing_some: [1, null] }, {}, THROWS],
  [
    'reduce without initial starts from null',
    { reduce: [[1, 2], { '+': [{ var: 'current' }, { var: 'accumulator' }] }] },
    {},
    NaN,
  ],
  ['reduce over a non-array returns the initial value', { reduce: ['abc', { var: 'current' }, 9] }, {}, 9],
  ['all of [] is false', { all: [[], true] }, {}, false],
  ['none of [] is true', { none: [[], true] }, {}, true],
  ['map over a string is []', { map: ['abc', { var: '' }] }, {}, []],
  ['filter keeps elements, not results', { filter: [[0, 1, 2], { var: '' }] }, {}, [1, 2]],
  ['multi-key objects are literals', { '==': [{ a: 1, b: 2 }, '[object Object]'] }, {}, true],
  ['unknown operators throw when reached', { nope: [1] }, {}, THROWS],
  ['unknown operators in untaken branches do not', { if: [true, 1, { nope: [] }] }, {}, 1],
];

describe.each(BACK_ENDS)('json-logic-js corner cases: %s', (_name, build) => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it.each(cases)('%s', (_name, rule, data, expected) => {
    const theirs = outcome(() => jsonLogic.apply(rule as jsonLogic.RulesLogic, data));
    const ours = outcome(() => build(rule)(data));
    expect(sameOutcome(theirs, ours)).toBe(true);
    if (expected === THROWS) expect(ours.threw).toBe(true);
    else expect(!ours.threw && same(ours.value, expected)).toBe(true);
  });

  it('raises RuleError with RULE_UNKNOWN_OPERATOR and the operation path', () => {
    expect(() => build({ and: [true, { nope: [] }] })({})).toThrow(
      expect.objectContaining({ code: 'RULE_UNKNOWN_OPERATOR', path: '/and/1' }) as RuleError,
    );
  });

  it('sends log values to ctx.log and nowhere else', () => {
    const seen: unknown[] = [];
    expect(build({ log: { var: 'a' } })({ a: 3 }, { log: (v) => seen.push(v) })).toBe(3);
    expect(seen).toEqual([3]);
  });

  it('returns a fresh array per evaluation', () => {
    const rule = build([1, 2]);
    const first = rule({}) as number[];
    first.push(3);
    expect(rule({})).toEqual([1, 2]);
  });

  it('rejects absurdly deep rules with RULE_TOO_DEEP instead of overflowing the stack', () => {
    let rule: unknown = true;
    for (let i = 0; i < 5000; i++) rule = { '!': [rule] };
    expect(() => build(rule)).toThrow(expect.objectContaining({ code: 'RULE_TOO_DEEP' }) as RuleError);
  });
});
