import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

function scoringDefinition(managerId: string) {
  return {
    schemaVersion: 1,
    key: 'lead-scoring',
    name: 'Lead scoring',
    triggers: [
      {
        id: 'referral_created',
        kind: 'record',
        entity: 'lead',
        event: 'created',
        condition: { '==': [{ var: 'lead.source' }, 'referral'] },
      },
    ],
    steps: [
      {
        id: 'score',
        type: 'score_lead',
        config: {
          base: 10,
          rules: [
            { when: { '==': [{ var: 'lead.source' }, 'referral'] }, points: 40 },
            { when: { '!!': [{ var: 'lead.company' }] }, points: 20 },
          ],
        },
      },
      { id: 'hot', type: 'branch', config: {} },
      { id: 'done', type: 'end', config: {} },
      {
        id: 'tell_manager',
        type: 'create_task',
        config: {
          title: 'Hot referral',
          assignee: { kind: 'user', userId: managerId },
          dueInBusinessDays: 0,
          priority: 'high',
        },
      },
    ],
    transitions: [
      { id: 't1', from: 'referral_created', to: 'score' },
      { id: 't2', from: 'score', to: 'hot' },
      {
        id: 't3',
        from: 'hot',
        to: 'tell_manager',
        condition: { '>=': [{ var: 'lead.score' }, 50] },
        label: 'score ≥ 50',
      },
      { id: 't4', from: 'hot', to: 'done', label: 'otherwise' },
    ],
  };
}

describe('workflows, activity types and rules through the API', () => {
  let product: Product;
  let admin: ApiClient;
  let engineer: ApiClient;
  let manager: ApiClient;
  let managerId: string;

  beforeAll(async () => {
    product = await startProduct();
    const as = (who: string) => ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    [admin, engineer, manager] = await Promise.all([as('admin'), as('engineer'), as('manager')]);
    managerId = (await manager.get('/api/auth/me')).body.id;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('serves the activity-type registry, including the example type, with JSON Schemas', async () => {
    const res = await engineer.get('/api/activity-types');
    expect(res.status).toBe(200);
    const byType = Object.fromEntries((res.body.items as Array<{ type: string }>).map((t) => [t.type, t]));
    expect(Object.keys(byType)).toEqual(
      expect.arrayContaining(['assign_owner', 'create_task', 'score_lead']),
    );
    expect(byType.score_lead).toMatchObject({
      title: 'Score lead',
      category: 'Scoring',
      configSchema: { type: 'object' },
    });
    expect(res.body.controls.map((c: { type: string }) => c.type)).toEqual([
      'branch',
      'delay',
      'end',
      'approval',
      'wait_for',
      'parallel',
      'join',
      'call_workflow',
      'for_each',
    ]);
    expect(Object.keys(byType)).toEqual(expect.arrayContaining(['notify', 'update_record', 'escalate']));
  });

  it('answers validation problems with stable codes and the node they concern', async () => {
    const broken = scoringDefinition(managerId);
    broken.steps[0]!.type = 'score_leads';
    broken.transitions[2]!.condition = { '>=': [{ var: 'lead.scroe' }, 50] };
    const res = await engineer.post('/api/workflows/validate', { definition: broken });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const codes = (res.body.errors as Array<{ code: string; nodeId?: string; edgeId?: string }>).map((e) => [
      e.code,
      e.nodeId ?? e.edgeId,
    ]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['UNKNOWN_STEP_TYPE', 'score'],
        ['UNKNOWN_FIELD', 't3'],
      ]),
    );

    const ok = await engineer.post('/api/workflows/validate', { definition: scoringDefinition(managerId) });
    expect(ok.body).toMatchObject({ ok: true, errors: [] });
  });

  it('refuses to store an invalid workflow, and lets only admins publish', async () => {
    const invalid = scoringDefinition(managerId);
    invalid.steps[0]!.config = { base: 500, rules: [] };
    const refused = await engineer.post('/api/workflows', { definition: invalid });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('DEFINITION_INVALID');
    expect(refused.body.details.errors[0]).toMatchObject({ code: 'INVALID_STEP_CONFIG', nodeId: 'score' });

    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.post('/api/workflows', { definition: scoringDefinition(managerId) })).status).toBe(403);
  });

  it('runs a published workflow using the example activity type on real records', async () => {
    const created = await engineer.post('/api/workflows', {
      definition: scoringDefinition(managerId),
      note: 'draft',
    });
    expect(created.status).toBe(201);
    expect(
      (await engineer.post(`/api/workflows/${created.body.id}/versions/1/publish`, { note: 'go' })).status,
    ).toBe(403);
    const published = await admin.post(`/api/workflows/${created.body.id}/versions/1/publish`, {
      note: 'Score referrals',
    });
    expect(published.status).toBe(200);
    expect(published.body.activeVersion).toMatchObject({
      version: 1,
      status: 'published',
      note: 'Score referrals',
    });
    const again = await admin.post(`/api/workflows/${created.body.id}/versions/1/publish`, { note: 'twice' });
    expect(again.status).toBe(409);

    const hot = (
      await admin.post('/api/leads', { name: 'Linus Torvalds', company: 'Kernel & Co', source: 'referral' })
    ).body.id;
    const cold = (await admin.post('/api/leads', { name: 'Web Visitor', source: 'web' })).body.id;

    const scored = await eventually(
      async () => {
        const lead = (await admin.get(`/api/leads/${hot}`)).body;
        return lead.score === null ? undefined : lead;
      },
      30_000,
      'the referral to be scored',
    );
    expect(scored.score).toBe(70);
    const task = await eventually(
      async () => {
        const items = (await manager.get('/api/tasks?assignee=me')).body.items as Array<{
          title: string;
          record: { id: string };
        }>;
        return items.find((t) => t.record.id === hot);
      },
      30_000,
      "the manager's task",
    );
    expect(task).toMatchObject({
      title: 'Hot referral',
      origin: { workflowName: 'Lead scoring', version: 1, stepId: 'tell_manager' },
    });

    // The trigger condition kept the web lead out of this workflow; lead handoff still ran for it.
    await eventually(
      async () => ((await admin.get(`/api/leads/${cold}`)).body.owner ? true : undefined),
      30_000,
      'the handoff',
    );
    expect((await admin.get(`/api/leads/${cold}`)).body.score).toBeNull();
  });

  it('starts a run when a watched field changes to a given value, and only then', async () => {
    const definition = {
      schemaVersion: 1,
      key: 'qualified-follow-up',
      name: 'Qualified follow-up',
      triggers: [
        {
          id: 'qualified',
          kind: 'record',
          entity: 'lead',
          event: 'updated',
          field: 'status',
          to: 'qualified',
        },
      ],
      steps: [
        { id: 'proposal', type: 'create_task', config: { title: 'Send a proposal', dueInBusinessDays: 2 } },
      ],
      transitions: [{ id: 't1', from: 'qualified', to: 'proposal' }],
    };
    const wrong = await engineer.post('/api/workflows/validate', {
      definition: { ...definition, triggers: [{ ...definition.triggers[0], field: 'stauts' }] },
    });
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_FIELD', nodeId: 'qualified' }),
    ]);
    const created = (await engineer.post('/api/workflows', { definition })).body;
    await admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: 'on qualification' });

    const leadId = (await admin.post('/api/leads', { name: 'Grace Field' })).body.id as string;
    const owned = await eventually(
      async () => {
        const lead = (await admin.get(`/api/leads/${leadId}`)).body;
        return lead.owner ? lead : undefined;
      },
      30_000,
      'an owner',
    );
    const owner = await ApiClient.login(
      product.baseUrl,
      owned.owner.name === 'Riley Rep' ? 'rep1@demo.baton' : 'rep2@demo.baton',
    );
    const proposals = async () =>
      (
        (await owner.get('/api/tasks?assignee=me')).body.items as Array<{
          title: string;
          record: { id: string };
        }>
      ).filter((t) => t.record.id === leadId && t.title === 'Send a proposal');

    const working = await owner.request('PATCH', `/api/leads/${leadId}`, {
      version: owned.version,
      status: 'working',
      score: 40,
    });
    expect(working.status).toBe(200);
    const qualified = await owner.request('PATCH', `/api/leads/${leadId}`, {
      version: working.body.version,
      status: 'qualified',
    });
    expect(qualified.status).toBe(200);
    await eventually(
      async () => ((await proposals()).length === 1 ? true : undefined),
      30_000,
      'the proposal task',
    );
    const runs = (await admin.get(`/api/runs?workflowId=${created.id}&recordId=${leadId}`)).body.items;
    expect(runs).toHaveLength(1);
  });

  it('evaluates a rule for the editor and rejects invalid rules with their codes', async () => {
    const res = await engineer.post('/api/rules/evaluate', {
      rule: { and: [{ '>=': [{ var: 'lead.score' }, 50] }, { startsWith: [{ var: 'lead.name' }, 'Ada'] }] },
      data: { lead: { score: 72, name: 'Ada Lovelace' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: true });

    const bad = await engineer.post('/api/rules/evaluate', { rule: { frobnicate: [1] }, data: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('RULE_INVALID');
    expect(bad.body.details.errors[0].code).toBe('RULE_UNKNOWN_OPERATOR');

    const operators = (await engineer.get('/api/rules/operators')).body.items as Array<{
      name: string;
      standard: boolean;
    }>;
    expect(operators.find((o) => o.name === 'startsWith')).toMatchObject({ standard: false });
    expect(operators.filter((o) => o.standard).length).toBeGreaterThan(30);

    const proto = await engineer.post('/api/rules/evaluate', { rule: { var: '__proto__' }, data: {} });
    expect(proto.status).toBe(400);
    expect(proto.body.details.errors[0].code).toBe('RULE_FORBIDDEN_PATH');
  });
});
