import { convertLeadSchema } from './lead-convert.dto';

const ID = '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60';

describe('convertLeadSchema', () => {
  it('takes the version alone: every part has a default', () => {
    expect(convertLeadSchema.parse({ version: 2 })).toEqual({ version: 2 });
  });

  it('takes a new or an existing account and contact, and null for no opportunity', () => {
    expect(
      convertLeadSchema.parse({
        version: 1,
        account: { existingId: ID },
        contact: { create: true, role: ' Buyer ' },
        opportunity: null,
      }),
    ).toEqual({
      version: 1,
      account: { existingId: ID },
      contact: { create: true, role: 'Buyer' },
      opportunity: null,
    });
    expect(convertLeadSchema.parse({ version: 1, account: {}, contact: { existingId: ID } })).toMatchObject({
      account: {},
      contact: { existingId: ID },
    });
  });

  it('normalises the amount as money', () => {
    expect(convertLeadSchema.parse({ version: 1, opportunity: { amount: '1250.5' } }).opportunity).toEqual({
      amount: '1250.50',
    });
  });

  it.each([
    ['no version', {}],
    ['an account both new and existing', { version: 1, account: { existingId: ID, name: 'Both' } }],
    ['a contact neither created nor picked', { version: 1, contact: { create: false } }],
    ['an existing id that is not a uuid', { version: 1, contact: { existingId: 'ada' } }],
    ['a close date that is not a day', { version: 1, opportunity: { closeDate: '31/12/2026' } }],
    ['an unknown field', { version: 1, stage: 'won' }],
  ])('refuses %s', (_case, body) => {
    expect(convertLeadSchema.safeParse(body).success).toBe(false);
  });
});
