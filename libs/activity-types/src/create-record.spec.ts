import { FakeCrm, runActivityType } from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';
import { createRecord } from './create-record.activity';

const subscription = { type: 'subscription', id: 'sub-1' };

function crmWithSubscription(fields: Record<string, unknown> = {}) {
  const crm = new FakeCrm();
  crm.addRecord({
    ...subscription,
    ownerId: 'rep-1',
    fields: {
      plan: 'Platform standard',
      amount: 2400,
      endDate: '2027-01-31',
      accountId: 'acc-1',
      ownerId: 'rep-1',
      ...fields,
    },
  });
  return crm;
}

const renewal = {
  entity: 'opportunity',
  link: true,
  values: {
    name: { cat: ['Renewal: ', { var: 'subscription.plan' }] },
    amount: { var: 'subscription.amount' },
    closeDate: { var: 'subscription.endDate' },
    ownerId: { var: 'subscription.ownerId' },
  },
};

describe(createRecord.type, () => {
  it('creates the record from computed values, linked to the account of the run’s record', async () => {
    const crm = crmWithSubscription();
    const out = await runActivityType(createRecord, { config: renewal, record: subscription, crm });
    expect(out).toEqual({ recordId: 'opportunity-1', entity: 'opportunity' });
    expect(crm.created).toEqual([
      {
        entity: 'opportunity',
        id: 'opportunity-1',
        values: {
          accountId: 'acc-1',
          name: 'Renewal: Platform standard',
          amount: 2400,
          closeDate: '2027-01-31',
          ownerId: 'rep-1',
        },
      },
    ]);
  });

  it('lets a later step use the new record through steps.<id>.recordId', async () => {
    const crm = crmWithSubscription();
    const opp = await runActivityType(createRecord, { config: renewal, record: subscription, crm });
    await runActivityType(createRecord, {
      config: {
        entity: 'quote',
        values: {
          name: { cat: ['Renewal quote: ', { var: 'subscription.plan' }] },
          opportunityId: { var: 'steps.renewal_opp.recordId' },
          lines: [{ productId: 'prod-1', quantity: 1, unitPrice: { var: 'subscription.amount' } }],
        },
      },
      record: subscription,
      crm,
      steps: { renewal_opp: opp },
    });
    expect(crm.created[1]).toMatchObject({
      entity: 'quote',
      values: {
        name: 'Renewal quote: Platform standard',
        opportunityId: 'opportunity-1',
        lines: [{ productId: 'prod-1', quantity: 1, unitPrice: 2400 }],
      },
    });
  });

  it('links a task to the run’s record itself', async () => {
    const crm = crmWithSubscription();
    await runActivityType(createRecord, {
      config: {
        entity: 'task',
        link: true,
        values: { title: 'Call', assigneeId: { var: 'subscription.ownerId' }, dueAt: '2027-01-01' },
      },
      record: subscription,
      crm,
    });
    expect(crm.created[0]?.values).toMatchObject({ recordType: 'subscription', recordId: 'sub-1' });
  });

  it('keeps a link field the step gives itself', async () => {
    const crm = crmWithSubscription();
    await runActivityType(createRecord, {
      config: { ...renewal, values: { ...renewal.values, accountId: 'acc-2' } },
      record: subscription,
      crm,
    });
    expect(crm.created[0]?.values.accountId).toBe('acc-2');
  });

  it('fails with DEFINITION_INVALID when the run’s record has nothing to link to', async () => {
    const crm = new FakeCrm();
    crm.addRecord({ type: 'lead', id: 'lead-1', fields: { name: 'Ada' } });
    const run = runActivityType(createRecord, {
      config: { ...renewal, values: { name: 'New deal' } },
      record: { type: 'lead', id: 'lead-1' },
      crm,
    });
    await expect(run).rejects.toThrow(BatonError);
    await expect(run).rejects.toMatchObject({ code: 'DEFINITION_INVALID' });
    expect(crm.created).toEqual([]);
  });

  it('passes a var that finds nothing on as null, for the host to judge', async () => {
    const crm = crmWithSubscription({ ownerId: null });
    await runActivityType(createRecord, { config: renewal, record: subscription, crm });
    expect(crm.created[0]?.values.ownerId).toBeNull();
  });

  it('accepts a single computed field when the config is checked', () => {
    const config = { entity: 'quote', link: true, values: { name: { var: 'opportunity.name' } } };
    expect(createRecord.configSchema.safeParse(config).success).toBe(true);
  });

  it.each([
    ['an entity steps may not create', { entity: 'user', values: { name: 'x' } }, 'entity'],
    [
      'a field name that is no identifier',
      { entity: 'task', values: { 'owner.id': 'x' } },
      'values.owner.id',
    ],
    ['an unknown operator', { entity: 'task', values: { title: { shout: ['x'] } } }, 'values.title'],
    [
      'an unknown operator inside a quote line',
      { entity: 'quote', values: { lines: [{ a: 1, b: { shout: [] } }] } },
      'values.lines.0.b',
    ],
  ])('rejects %s when the config is checked', (_case, config, path) => {
    const result = createRecord.configSchema.safeParse(config);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
