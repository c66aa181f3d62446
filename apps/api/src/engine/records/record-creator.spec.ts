import { BatonError } from '@baton/domain';
import { caseCreator, opportunityCreator, quoteCreator, taskCreator } from './creators';
import { parseNewRecord, requiredFields } from './record-creator';

const ACCOUNT = '6f1c1d8e-2f43-4a57-9a43-6f0d3f9a1b20';
const USER = '0b4ad1a4-33a5-4d35-8f60-9d8f4a1f2c11';

function failure(run: () => unknown): BatonError {
  try {
    run();
  } catch (err) {
    if (err instanceof BatonError) return err;
    throw err;
  }
  throw new Error('expected a BatonError');
}

describe(parseNewRecord.name, () => {
  it('takes what the API takes, with money given as a number and a close date as an instant', () => {
    const input = parseNewRecord('opportunity', opportunityCreator, {
      accountId: ACCOUNT,
      name: 'Renewal: Platform',
      amount: 2400,
      closeDate: '2027-01-31T00:00:00.000Z',
    });
    expect(input).toEqual({
      accountId: ACCOUNT,
      name: 'Renewal: Platform',
      amount: '2400.00',
      closeDate: '2027-01-31',
    });
  });

  it('treats a null as not given', () => {
    const input = parseNewRecord('opportunity', opportunityCreator, {
      accountId: ACCOUNT,
      name: 'Renewal',
      ownerId: null,
    });
    expect(input).not.toHaveProperty('ownerId');
  });

  it('answers a missing required field with VALIDATION_FAILED, naming it', () => {
    const err = failure(() =>
      parseNewRecord('opportunity', opportunityCreator, { accountId: ACCOUNT, name: null }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual({ missing: ['name'] });
  });

  it('refuses a field steps may not set with DEFINITION_INVALID, listing those they may', () => {
    const err = failure(() =>
      parseNewRecord('opportunity', opportunityCreator, { accountId: ACCOUNT, name: 'x', version: 3 }),
    );
    expect(err.code).toBe('DEFINITION_INVALID');
    expect(err.details).toMatchObject({ fields: ['version'], creatable: expect.arrayContaining(['name']) });
  });

  it('refuses a value of the wrong kind with DEFINITION_INVALID', () => {
    const err = failure(() =>
      parseNewRecord('opportunity', opportunityCreator, { accountId: ACCOUNT, name: 'x', stage: 'won' }),
    );
    expect(err.code).toBe('DEFINITION_INVALID');
    expect(err.message).toContain('stage');
  });

  it('lets a step open a quote with no lines, and checks lines it does give', () => {
    const opportunityId = ACCOUNT;
    expect(parseNewRecord('quote', quoteCreator, { name: 'Renewal', opportunityId })).toEqual({
      name: 'Renewal',
      opportunityId,
      lines: [],
    });
    const priced = parseNewRecord('quote', quoteCreator, {
      name: 'Renewal',
      opportunityId,
      lines: [{ productId: ACCOUNT, quantity: 2, unitPrice: 99.5 }],
    });
    expect(priced).toMatchObject({ lines: [{ productId: ACCOUNT, quantity: 2, unitPrice: '99.50' }] });
    const err = failure(() =>
      parseNewRecord('quote', quoteCreator, { name: 'x', opportunityId, lines: [{ productId: ACCOUNT }] }),
    );
    expect(err.code).toBe('DEFINITION_INVALID');
  });

  it('wants a task’s record as a type and an id together', () => {
    const task = { title: 'Call', assigneeId: USER, dueAt: '2027-01-04' };
    expect(parseNewRecord('task', taskCreator, task)).toMatchObject({
      dueAt: '2027-01-04T00:00:00Z',
      priority: 'normal',
    });
    const err = failure(() => parseNewRecord('task', taskCreator, { ...task, recordType: 'opportunity' }));
    expect(err.code).toBe('DEFINITION_INVALID');
  });

  it.each([
    ['opportunity', opportunityCreator, ['accountId', 'name']],
    ['quote', quoteCreator, ['opportunityId', 'name']],
    ['case', caseCreator, ['accountId', 'subject']],
    ['task', taskCreator, ['title', 'assigneeId', 'dueAt']],
  ] as const)(
    'requires of a new %s the fields the API requires, a quote’s lines aside',
    (_entity, creator, required) => {
      expect(requiredFields(creator).sort()).toEqual([...required].sort());
    },
  );
});
