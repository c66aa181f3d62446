import { listOperators, validateRule } from './index';
import type { FieldSchema, RuleErrorCode } from './index';

const schema: FieldSchema = {
  fields: {
    lead: {
      type: 'object',
      fields: {
        email: { type: 'string' },
        name: { type: 'string' },
        score: { type: 'number' },
        vip: { type: 'boolean' },
        createdAt: { type: 'date' },
        tags: { type: 'array', items: { type: 'string' } },
        deals: {
          type: 'array',
          items: { type: 'object', fields: { amount: { type: 'number' }, stage: { type: 'string' } } },
        },
        owner: { type: 'object', fields: { email: { type: 'string' } } },
        custom: { type: 'object' },
      },
    },
  },
};

const codes = (rule: unknown, options?: Parameters<typeof validateRule>[2]): RuleErrorCode[] =>
  validateRule(rule, schema, options).errors.map((e) => e.code);

describe('validateRule', () => {
  it('accepts a typical react-querybuilder export', () => {
    const rule = {
      and: [
        { '==': [{ var: 'lead.email' }, 'a@b.c'] },
        { startsWith: [{ var: 'lead.name' }, 'Ad'] },
        { in: [{ var: 'lead.owner.email' }, ['x@y.z', 'q@y.z']] },
        { '<=': [10, { var: 'lead.score' }, '90'] },
        { '!': { var: 'lead.vip' } },
        { after: [{ var: 'lead.createdAt' }, '2024-01-01'] },
        { '>': [{ days_since: { var: 'lead.createdAt' } }, 30] },
        { some: [{ var: 'lead.tags' }, { '==': [{ var: '' }, 'hot'] }] },
        { all: [{ var: 'lead.deals' }, { '>': [{ var: 'amount' }, 0] }] },
        {
          '>': [
            {
              reduce: [
                { var: 'lead.deals' },
                { '+': [{ var: 'current.amount' }, { var: 'accumulator' }] },
                0,
              ],
            },
            1000,
          ],
        },
        { '==': [{ var: 'lead.tags.0' }, 'vip'] },
        { '>': [{ var: 'lead.tags.length' }, 2] },
        { '==': [{ var: 'lead.custom.anything.goes' }, 1] },
        { missing: ['lead.email', 'lead.score'] },
      ],
    };
    expect(validateRule(rule, schema)).toEqual({ ok: true, errors: [] });
  });

  it('accepts every operator example from the registry', () => {
    for (const spec of listOperators())
      expect([spec.name, validateRule(spec.example).errors]).toEqual([spec.name, []]);
  });

  it('RULE_UNKNOWN_FIELD: a typo in a field path, with the known fields in the message', () => {
    const result = validateRule({ '==': [{ var: 'lead.emial' }, 'x'] }, schema);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        code: 'RULE_UNKNOWN_FIELD',
        path: '/==/0/var',
        message: expect.stringContaining('known fields: email, name') as string,
      },
    ]);
    expect(codes({ var: 'lead.score.value' })).toEqual(['RULE_UNKNOWN_FIELD']);
    expect(codes({ missing: ['lead.phone'] })).toEqual(['RULE_UNKNOWN_FIELD']);
    expect(codes({ some: [{ var: 'lead.deals' }, { '>': [{ var: 'amonut' }, 0] }] })).toEqual([
      'RULE_UNKNOWN_FIELD',
    ]);
  });

  it('checks fields only when a schema is given', () => {
    expect(validateRule({ '==': [{ var: 'lead.emial' }, 'x'] }).ok).toBe(true);
  });

  it('RULE_FORBIDDEN_PATH: prototype keys, with or without a schema', () => {
    expect(validateRule({ var: 'lead.__proto__.x' }).errors).toEqual([
      {
        code: 'RULE_FORBIDDEN_PATH',
        path: '/var',
        message: '"lead.__proto__.x" uses the forbidden key "__proto__"',
      },
    ]);
    expect(codes({ missing: ['constructor'] })).toEqual(['RULE_FORBIDDEN_PATH']);
    expect(codes({ var: ['prototype', 1] })).toEqual(['RULE_FORBIDDEN_PATH']);
  });

  it('RULE_TYPE_MISMATCH: comparing a date field to a number, and other clear conflicts', () => {
    expect(validateRule({ '>': [{ var: 'lead.createdAt' }, 5] }, schema).errors).toEqual([
      { code: 'RULE_TYPE_MISMATCH', path: '', message: '">" compares a date with number 5' },
    ]);
    expect(codes({ '==': [{ var: 'lead.createdAt' }, 'next tuesday'] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ '==': [{ var: 'lead.score' }, 'high'] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ '==': [{ var: 'lead.vip' }, 1] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ days_until: { var: 'lead.score' } })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ startsWith: [{ var: 'lead.score' }, '1'] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ map: [{ var: 'lead.score' }, 1] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ '+': [{ var: 'lead.createdAt' }, 1] })).toEqual(['RULE_TYPE_MISMATCH']);
    expect(codes({ '<': [{ cat: ['a', 'b'] }, { '+': [1, 2] }] })).toEqual(['RULE_TYPE_MISMATCH']);
  });

  it('allows the comparisons JSON Logic coerces sensibly', () => {
    expect(codes({ '==': [{ var: 'lead.score' }, '10'] })).toEqual([]);
    expect(codes({ '<': [{ var: 'lead.createdAt' }, '2024-01-01T00:00:00Z'] })).toEqual([]);
    expect(codes({ '==': [{ var: 'lead.email' }, null] })).toEqual([]);
    expect(codes({ '+': [{ var: 'lead.name' }] })).toEqual([]);
  });

  it('RULE_BAD_ARITY: wrong argument counts', () => {
    expect(validateRule({ '==': [1] }).errors).toEqual([
      { code: 'RULE_BAD_ARITY', path: '', message: '"==" takes 2 argument(s), got 1' },
    ]);
    expect(codes({ date_add: ['2024-01-01', 1] })).toEqual(['RULE_BAD_ARITY']);
    expect(codes({ '<': [1, 2, 3, 4] })).toEqual(['RULE_BAD_ARITY']);
    expect(codes({ and: [] })).toEqual(['RULE_BAD_ARITY']);
  });

  it('RULE_UNKNOWN_OPERATOR: names outside the registry, including prototype names and dotted paths', () => {
    expect(
      validateRule({ and: [true, { nope: [{ var: 'lead.emial' }] }] }, schema).errors.map((e) => [
        e.code,
        e.path,
      ]),
    ).toEqual([
      ['RULE_UNKNOWN_OPERATOR', '/and/1'],
      ['RULE_UNKNOWN_FIELD', '/and/1/nope/0/var'],
    ]);
    expect(codes(JSON.parse('{"__proto__": [1]}'))).toEqual(['RULE_UNKNOWN_OPERATOR']);
    expect(codes({ 'var.prototype.constructor': ['x'] })).toEqual(['RULE_UNKNOWN_OPERATOR']);
  });

  it('RULE_BAD_ARGUMENT: literals outside an allowed set', () => {
    expect(validateRule({ date_add: [{ var: 'lead.createdAt' }, 2, 'fortnights'] }, schema).errors).toEqual([
      {
        code: 'RULE_BAD_ARGUMENT',
        path: '/date_add/2',
        message: '"unit" must be one of minutes, hours, days, weeks, months, years',
      },
    ]);
  });

  it('RULE_MALFORMED: objects that are not operations, and non-JSON values', () => {
    expect(codes({ and: [{}, { a: 1, b: 2 }] })).toEqual(['RULE_MALFORMED', 'RULE_MALFORMED']);
    expect(codes({ '==': [undefined, Number.NaN] })).toEqual(['RULE_MALFORMED', 'RULE_MALFORMED']);
  });

  it('RULE_TOO_DEEP: nesting beyond maxDepth, also for cyclic input', () => {
    let rule: unknown = true;
    for (let i = 0; i < 40; i++) rule = { '!': [rule] };
    expect(codes(rule)).toEqual(['RULE_TOO_DEEP']);
    expect(codes(rule, { maxDepth: 100 })).toEqual([]);
    const cyclic: { and: unknown[] } = { and: [] };
    cyclic.and.push(cyclic);
    expect(codes(cyclic)).toEqual(['RULE_TOO_DEEP']);
  });

  it('RULE_TOO_LARGE: more nodes than maxNodes, reported once', () => {
    expect(
      codes({ or: Array.from({ length: 3000 }, (_, i) => ({ '==': [{ var: 'lead.score' }, i] })) }),
    ).toEqual(['RULE_TOO_LARGE']);
  });

  it('never throws, even on hostile input', () => {
    const hostile = Object.defineProperty({}, 'and', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateRule(hostile)).toEqual({
      ok: false,
      errors: [{ code: 'RULE_MALFORMED', path: '', message: 'Rule could not be read: boom' }],
    });
  });

  it('escapes operator names in JSON Pointer paths', () => {
    expect(validateRule({ '/': [{ var: 'lead.createdAt' }, 2] }, schema).errors[0]?.path).toBe('/~1/0');
  });
});
