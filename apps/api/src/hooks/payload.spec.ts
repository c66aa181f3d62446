import { payloadValue, recordKeyOf } from './payload';

const ID = '3f0c2a9e-1b7d-4c5e-8a6f-9d0e1f2a3b4c';

describe(payloadValue.name, () => {
  const payload = { customer: { email: 'ada@example.com', tags: ['vip'] }, 'odd-key': 1 };

  it.each([
    ['customer.email', 'ada@example.com'],
    ['customer.tags.0', 'vip'],
    ['odd-key', 1],
    ['customer.phone', undefined],
    ['customer.email.length', undefined],
    ['__proto__', undefined],
    ['customer.constructor', undefined],
    ['toString', undefined],
  ])('%s → %p', (path, expected) => {
    expect(payloadValue(payload, path)).toEqual(expected);
  });
});

describe(recordKeyOf.name, () => {
  it('reads a record id from recordId by default, or from the path given', () => {
    expect(recordKeyOf({ by: 'id' }, { recordId: ID.toUpperCase() })).toEqual({ by: 'id', id: ID });
    expect(recordKeyOf({ by: 'id', from: 'data.lead' }, { data: { lead: ID } })).toEqual({
      by: 'id',
      id: ID,
    });
  });

  it('says why a payload names no record', () => {
    expect(recordKeyOf({ by: 'id' }, {})).toEqual({
      problem: 'payload.recordId must be a record id (a UUID)',
    });
    expect(recordKeyOf({ by: 'id' }, { recordId: 'lead-1' })).toEqual({
      problem: 'payload.recordId must be a record id (a UUID)',
    });
    expect(recordKeyOf({ by: 'field', field: 'email', from: 'email' }, { email: { a: 1 } })).toEqual({
      problem: 'payload.email must be a text, number or true/false to match email',
    });
  });

  it('matches by a field with the scalar at the path', () => {
    expect(
      recordKeyOf({ by: 'field', field: 'email', from: 'customer.email' }, { customer: { email: 'a@b.c' } }),
    ).toEqual({
      by: 'field',
      field: 'email',
      value: 'a@b.c',
    });
  });
});
