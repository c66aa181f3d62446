import { compileRule, RuleError } from './index';
import type { EvaluationContext } from './index';

// Friday 15 March 2024, 10:30 UTC.
const ctx: EvaluationContext = { now: '2024-03-15T10:30:00Z' };

function run(op: string, args: unknown[], evalCtx: EvaluationContext = ctx): unknown {
  return compileRule({ [op]: args })({}, evalCtx);
}

describe('string operators', () => {
  it.each([
    ['startsWith', 'abc', 'ab', true],
    ['startsWith', 'abc', 'bc', false],
    ['startsWith', 'abc', '', true],
    ['startsWith', 5, '5', false],
    ['startsWith', null, 'a', false],
    ['startsWith', '12', 1, true],
    ['endsWith', 'ceo@acme.com', '@acme.com', true],
    ['endsWith', 'ceo@acme.com', 'acme', false],
    ['endsWith', ['x'], 'x', false],
  ])('%s(%j, %j) is %j', (op, a, b, expected) => {
    expect(run(op, [a, b])).toBe(expected);
  });

  it('reads fields as react-querybuilder exports them', () => {
    expect(compileRule({ startsWith: [{ var: 'firstName' }, 'Stev'] })({ firstName: 'Steve' })).toBe(true);
  });
});

describe('in_list', () => {
  it.each([
    ['won', ['won', 'lost'], true],
    ['wo', ['won'], false],
    ['won', 'won,lost', false],
    [1, ['1'], false],
    [null, [null], true],
    [['a', 'b'], ['b', 'c'], true],
    [['a'], ['b'], false],
    [[], ['a'], false],
  ])('in_list(%j, %j) is %j', (value, list, expected) => {
    expect(run('in_list', [value, list])).toBe(expected);
  });
});

describe('date operators', () => {
  it.each([
    ['now', [], '2024-03-15T10:30:00.000Z'],
    ['date_add', ['2024-03-15', 2, 'days'], '2024-03-17'],
    ['date_add', ['2024-03-15', -1, 'weeks'], '2024-03-08'],
    ['date_add', ['2024-03-15', '2', 'days'], '2024-03-17'],
    ['date_add', ['2024-03-15', 12, 'hours'], '2024-03-15T12:00:00.000Z'],
    ['date_add', ['2024-03-15T10:00:00Z', 90, 'minutes'], '2024-03-15T11:30:00.000Z'],
    ['date_add', ['2024-03-15T10:00:00+02:00', 1, 'hours'], '2024-03-15T09:00:00.000Z'],
    ['date_add', ['2024-03-15T10:00:00', 1, 'hours'], '2024-03-15T11:00:00.000Z'],
    ['date_add', ['2024-01-31', 1, 'months'], '2024-02-29'],
    ['date_add', ['2024-02-29', 1, 'years'], '2025-02-28'],
    ['date_add', ['2024-03-31T08:00:00Z', -1, 'months'], '2024-02-29T08:00:00.000Z'],
    ['date_add', ['2024-03-15', 1, 'fortnights'], null],
    ['date_add', ['2024-02-30', 1, 'days'], null],
    ['date_add', ['15/03/2024', 1, 'days'], null],
    ['date_add', ['2024-03-15', 'x', 'days'], null],
    ['days_between', ['2024-03-01', '2024-03-15'], 14],
    ['days_between', ['2024-03-15', '2024-03-01'], -14],
    ['days_between', ['2024-03-15T23:59:00Z', '2024-03-16T00:01:00Z'], 1],
    ['days_between', ['2024-03-15', null], null],
    ['days_until', ['2024-03-20'], 5],
    ['days_until', ['2024-03-15T00:00:00Z'], 0],
    ['days_until', ['2024-03-10'], -5],
    ['days_until', ['soon'], null],
    ['days_since', ['2024-03-10T23:00:00Z'], 5],
    ['days_since', ['2024-03-20'], -5],
    ['before', ['2024-03-14', '2024-03-15'], true],
    ['before', ['2024-03-15', '2024-03-15T00:00:00Z'], false],
    ['before', ['2024-03-15T10:00:00Z', { now: [] }], true],
    ['before', ['garbage', '2024-03-15'], false],
    ['after', ['2024-03-15T10:30:00.001Z', { now: [] }], true],
    ['after', ['2024-03-15', '2024-03-15T00:00:00Z'], false],
    ['after', [20240315, '2024-03-14'], false],
    ['add_business_days', ['2024-03-15', 1], '2024-03-18'],
    ['add_business_days', ['2024-03-16', 1], '2024-03-18'],
    ['add_business_days', ['2024-03-16', 5], '2024-03-22'],
    ['add_business_days', ['2024-03-17', -1], '2024-03-15'],
    ['add_business_days', ['2024-03-18', -1], '2024-03-15'],
    ['add_business_days', ['2024-03-16', 0], '2024-03-16'],
    ['add_business_days', ['2024-03-13', 10], '2024-03-27'],
    ['add_business_days', ['2024-03-15T10:30:00Z', 1], '2024-03-18T10:30:00.000Z'],
    ['add_business_days', ['2024-03-15', 'two'], null],
    ['is_business_day', ['2024-03-15'], true],
    ['is_business_day', ['2024-03-16'], false],
    ['is_business_day', ['2024-03-17T23:59:59Z'], false],
    ['is_business_day', ['2024-03-17T23:59:59-01:00'], true],
    ['is_business_day', [{ now: [] }], true],
    ['is_business_day', ['never'], false],
  ])('%s(%j) is %j', (op, args, expected) => {
    expect(run(op, args)).toEqual(expected);
  });

  it('agrees with a day-by-day count for add_business_days', () => {
    const naive = (start: Date, n: number): string => {
      const d = new Date(start);
      let left = Math.abs(n);
      while (left > 0) {
        d.setUTCDate(d.getUTCDate() + Math.sign(n));
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
      }
      return d.toISOString().slice(0, 10);
    };
    const rule = compileRule({ add_business_days: [{ var: 'start' }, { var: 'n' }] });
    for (let day = 1; day <= 14; day++) {
      const start = `2024-06-${String(day).padStart(2, '0')}`;
      for (let n = -23; n <= 23; n++)
        expect([start, n, rule({ start, n })]).toEqual([start, n, naive(new Date(start), n)]);
    }
  });

  it('accepts now as epoch milliseconds or a Date, and Date values in records', () => {
    const ms = Date.UTC(2024, 2, 15, 10, 30);
    expect(run('now', [], { now: ms })).toBe('2024-03-15T10:30:00.000Z');
    expect(run('now', [], { now: new Date(ms) })).toBe('2024-03-15T10:30:00.000Z');
    expect(compileRule({ days_since: { var: 'at' } })({ at: new Date('2024-03-01T00:00:00Z') }, ctx)).toBe(
      14,
    );
  });

  it('requires ctx.now instead of reading the clock', () => {
    for (const evalCtx of [undefined, {}, { now: 'yesterday' }, { now: Number.NaN }]) {
      expect(() => compileRule({ days_until: '2024-03-20' })({}, evalCtx)).toThrow(
        expect.objectContaining({ code: 'RULE_NOW_REQUIRED' }) as RuleError,
      );
    }
  });

  it('gives the same answers whatever the system clock says', () => {
    const rule = compileRule({
      and: [{ is_business_day: { now: [] } }, { '<': [{ days_until: { var: 'due' } }, 7] }],
    });
    const results: unknown[] = [];
    for (const clock of ['2001-01-01T00:00:00Z', '2077-07-07T07:07:07Z']) {
      jest.useFakeTimers({ now: new Date(clock) });
      results.push(
        rule({ due: '2024-03-20' }, ctx),
        compileRule({ date_add: [{ now: [] }, 1, 'days'] })({}, ctx),
      );
      jest.useRealTimers();
    }
    expect(results).toEqual([true, '2024-03-16T10:30:00.000Z', true, '2024-03-16T10:30:00.000Z']);
  });
});
