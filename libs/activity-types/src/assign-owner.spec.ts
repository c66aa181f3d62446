import { ActivityRegistry, FakeCrm, runActivityType } from '@baton/activity-sdk';
import { assignOwner } from './assign-owner.activity';
import { weightedCycle } from './owner-pools';

const lead = { type: 'lead', id: 'lead-1' };

const EMEA = {
  name: 'EMEA',
  when: { in: [{ var: 'lead.region' }, ['EMEA', 'Europe']] },
  assignTo: { kind: 'users', userIds: ['rep-emea', 'rep-left'] },
};

/** Two active reps and a deactivated one, a territory rep, a manager; the lead comes from `region`. */
function crmWith(region: string | null) {
  const crm = new FakeCrm();
  crm.addRecord({ ...lead, label: 'Ada Lovelace', fields: { name: 'Ada Lovelace', region } });
  crm.addUser({ id: 'rep-a', email: 'a@x.test', role: 'sales_rep', openTasks: 3 });
  crm.addUser({ id: 'rep-b', email: 'b@x.test', role: 'sales_rep', openTasks: 5 });
  // Deactivated, with the lightest load and the first email: the one every strategy would pick.
  crm.addUser({ id: 'rep-left', email: '0@x.test', role: 'sales_rep', active: false, openTasks: 0 });
  crm.addUser({ id: 'rep-emea', email: 'e@x.test', role: 'manager', openTasks: 9 });
  return crm;
}

const assign = (crm: FakeCrm, config: unknown, steps?: Record<string, Record<string, unknown>>) =>
  runActivityType(assignOwner, { config, record: lead, crm, ...(steps ? { steps } : {}) });

async function ownersOver(turns: number, crm: FakeCrm, config: unknown): Promise<string[]> {
  const owners: string[] = [];
  for (let i = 0; i < turns; i++) owners.push((await assign(crm, config)).ownerId);
  return owners;
}

const tally = (ids: string[]) =>
  ids.reduce<Record<string, number>>((n, id) => ({ ...n, [id]: (n[id] ?? 0) + 1 }), {});

describe(`${assignOwner.type} territories`, () => {
  it("gives the record to the first matching territory's pool and says which territory", async () => {
    const crm = crmWith('Europe');
    const out = await assign(crm, {
      territories: [
        {
          name: 'Americas',
          when: { in: [{ var: 'lead.region' }, ['NA', 'LATAM']] },
          assignTo: { kind: 'role', role: 'approver' },
        },
        EMEA,
        {
          name: 'Also Europe',
          when: { '==': [{ var: 'lead.region' }, 'Europe'] },
          assignTo: { kind: 'users', userIds: ['rep-b'] },
        },
      ],
    });
    expect(out).toEqual({
      ownerId: 'rep-emea',
      ownerName: 'rep-emea',
      territory: 'EMEA',
      strategy: 'round_robin',
    });
    expect((await crm.getRecord(lead)).ownerId).toBe('rep-emea');
  });

  it('falls back to the role pool in turn when no territory matches', async () => {
    const crm = crmWith('APAC');
    const outs = [await assign(crm, { territories: [EMEA] }), await assign(crm, { territories: [EMEA] })];
    expect(outs.map((o) => [o.ownerId, o.territory])).toEqual([
      ['rep-a', null],
      ['rep-b', null],
    ]);
    expect(outs[0]).not.toHaveProperty('skippedTerritory');
  });

  it('treats a record without the field as matching no territory', async () => {
    const out = await assign(crmWith(null), { territories: [EMEA] });
    expect(out.territory).toBeNull();
    expect(out.ownerId).toBe('rep-a');
  });

  it('falls back to the role pool, and says so, when nobody in the territory is active', async () => {
    const crm = crmWith('EMEA');
    crm.users.find((u) => u.id === 'rep-emea')!.active = false;
    const out = await assign(crm, { territories: [EMEA] });
    expect(out).toMatchObject({ ownerId: 'rep-a', territory: null, skippedTerritory: 'EMEA' });
  });

  it('uses the territory strategy and weights over the step ones', async () => {
    const crm = crmWith('EMEA');
    const config = {
      strategy: 'round_robin',
      territories: [{ ...EMEA, assignTo: { kind: 'role', role: 'sales_rep' }, strategy: 'least_loaded' }],
    };
    expect(await ownersOver(3, crm, config)).toEqual(['rep-a', 'rep-a', 'rep-a']);
    expect((await assign(crm, config)).strategy).toBe('least_loaded');
  });

  it('reads earlier steps in territory conditions', async () => {
    const out = await assign(
      crmWith(null),
      {
        territories: [
          {
            name: 'Hot',
            when: { '>=': [{ var: 'steps.score.score' }, 80] },
            assignTo: { kind: 'users', userIds: ['rep-b'] },
          },
        ],
      },
      { score: { score: 91 } },
    );
    expect(out).toMatchObject({ ownerId: 'rep-b', territory: 'Hot' });
  });

  it('fails with NO_ASSIGNEE_AVAILABLE naming the territory and the role when both are empty', async () => {
    const crm = crmWith('EMEA');
    crm.users.find((u) => u.id === 'rep-emea')!.active = false;
    const failure = assign(crm, { role: 'approver', territories: [EMEA] });
    await expect(failure).rejects.toMatchObject({
      code: 'NO_ASSIGNEE_AVAILABLE',
      details: { role: 'approver', territory: 'EMEA' },
    });
    await expect(failure).rejects.toThrow(
      'No one to assign: territory EMEA (users rep-emea, rep-left) has nobody active and no active user has the role approver',
    );
  });

  it('fails with RULE_INVALID naming the territory whose condition cannot be evaluated', async () => {
    await expect(
      assign(crmWith('EMEA'), { territories: [{ ...EMEA, name: 'Broken', when: { nope: [1] } }] }),
    ).rejects.toMatchObject({ code: 'RULE_INVALID', details: { territory: 'Broken' } });
  });
});

describe(`${assignOwner.type} weighted`, () => {
  const config = { strategy: 'weighted', weights: { 'rep-a': 3, 'rep-b': 1 } };

  it('spreads a cycle by weight instead of bunching it', () => {
    expect(weightedCycle([3, 1])).toEqual([0, 0, 1, 0]);
    expect(weightedCycle([1, 2])).toEqual([1, 0, 1]);
    expect(tally(weightedCycle([5, 3, 2]).map(String))).toEqual({ 0: 5, 1: 3, 2: 2 });
  });

  it('gives 3:1 weights 300 and 100 of 400 turns, never to the inactive rep', async () => {
    const crm = crmWith(null);
    const owners = await ownersOver(400, crm, { ...config, weights: { ...config.weights, 'rep-left': 50 } });
    expect(tally(owners)).toEqual({ 'rep-a': 300, 'rep-b': 100 });
    expect(owners.slice(0, 8)).toEqual([
      'rep-a',
      'rep-a',
      'rep-b',
      'rep-a',
      'rep-a',
      'rep-a',
      'rep-b',
      'rep-a',
    ]);
  });

  it('keeps the proportions when runs assign at the same time', async () => {
    const crm = crmWith(null);
    const outs = await Promise.all(Array.from({ length: 400 }, () => assign(crm, config)));
    expect(tally(outs.map((o) => o.ownerId))).toEqual({ 'rep-a': 300, 'rep-b': 100 });
  });

  it('counts unlisted users once and lets a territory weigh its own pool', async () => {
    const crm = crmWith('EMEA');
    crm.addUser({ id: 'rep-c', email: 'c@x.test', role: 'manager' });
    const owners = await ownersOver(40, crm, {
      territories: [
        {
          ...EMEA,
          assignTo: { kind: 'users', userIds: ['rep-emea', 'rep-c'] },
          strategy: 'weighted',
          weights: { 'rep-c': 3 },
        },
      ],
    });
    expect(tally(owners)).toEqual({ 'rep-c': 30, 'rep-emea': 10 });
  });
});

describe(`${assignOwner.type} skips inactive users`, () => {
  it.each([['round_robin'], ['least_loaded']])('with %s over a role', async (strategy) => {
    const owners = await ownersOver(6, crmWith(null), { strategy });
    expect(owners).not.toContain('rep-left');
    expect(owners.length).toBe(6);
  });

  it('in a territory of named users', async () => {
    const owners = await ownersOver(4, crmWith('EMEA'), { territories: [EMEA] });
    expect(owners).toEqual(['rep-emea', 'rep-emea', 'rep-emea', 'rep-emea']);
  });

  it('picks the least loaded active rep, not the idle deactivated one', async () => {
    expect((await assign(crmWith(null), { strategy: 'least_loaded' })).ownerId).toBe('rep-a');
  });
});

describe(`${assignOwner.type} config`, () => {
  it('describes territories and weights to the editor, with the old defaults', () => {
    const described = new ActivityRegistry([assignOwner]).describe()[0]!;
    const properties = described.configSchema.properties as Record<string, Record<string, unknown>>;
    expect(properties.strategy).toMatchObject({
      default: 'round_robin',
      enum: ['round_robin', 'least_loaded', 'weighted'],
    });
    expect(properties.role).toMatchObject({ default: 'sales_rep' });
    expect(properties.territories).toMatchObject({ type: 'array' });
    expect(properties.weights).toMatchObject({ type: 'object' });
    expect(described.configSchema.required ?? []).not.toContain('territories');
  });

  it('still accepts published {strategy, role} configs', async () => {
    const out = await assign(crmWith(null), { strategy: 'round_robin', role: 'sales_rep' });
    expect(out).toEqual({ ownerId: 'rep-a', ownerName: 'rep-a', territory: null, strategy: 'round_robin' });
  });

  it.each<[string, unknown, string]>([
    ['weighted without weights', { strategy: 'weighted' }, 'weights'],
    [
      'a weighted territory without weights',
      { territories: [{ ...EMEA, strategy: 'weighted' }] },
      'territories.0.weights',
    ],
    ['a weight of 0', { strategy: 'weighted', weights: { 'rep-a': 0 } }, 'weights.rep-a'],
    ['a fractional weight', { strategy: 'weighted', weights: { 'rep-a': 1.5 } }, 'weights.rep-a'],
    [
      'a territory without a condition',
      { territories: [{ name: 'No rule', assignTo: { kind: 'role', role: 'sales_rep' } }] },
      'territories.0.when',
    ],
    [
      'a territory of no users',
      { territories: [{ ...EMEA, assignTo: { kind: 'users', userIds: [] } }] },
      'territories.0.assignTo.userIds',
    ],
    ['two territories of one name', { territories: [EMEA, EMEA] }, 'territories.1.name'],
    ['an unknown strategy', { strategy: 'random' }, 'strategy'],
  ])('rejects %s at its place in the config', (_, config, path) => {
    const parsed = assignOwner.configSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});
