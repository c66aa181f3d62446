import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { recordHistory } from '../support/histories';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * Parallel paths with a join, sub-workflows (`call_workflow`, `for_each`), and what happens when a
 * run fails: its workflow's owner is told, and the run is picked up again at the failed step.
 */
describe('flow control, sub-workflows and failed runs', () => {
  let product: Product;
  let admin: ApiClient;
  let manager: ApiClient;
  let rep1: ApiClient;
  let rep1Id: string;
  let adminId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  const task = (id: string, title: string, assigneeId: string) => ({
    id,
    type: 'create_task',
    config: { title, assignee: { kind: 'user', userId: assigneeId }, dueInBusinessDays: 0 },
  });

  /** Creates and publishes a workflow started by hand on `entity` records. */
  async function publish(key: string, entity: string, steps: Row[], transitions: Row[]): Promise<Row> {
    const definition = {
      schemaVersion: 1,
      key,
      name: key.replace(/-/g, ' '),
      triggers: [{ id: 'by_hand', kind: 'record', entity, event: 'manual' }],
      steps,
      transitions,
    };
    const created = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: 'test' }));
    return created;
  }

  async function runOn(workflow: Row, recordId: string): Promise<string> {
    return (await ok(manager.post(`/api/workflows/${workflow.id}/runs`, { recordId }), 202)).runId;
  }

  async function settled(runId: string): Promise<Row> {
    return eventually(
      async () => {
        const run = await ok(admin.get(`/api/runs/${encodeURIComponent(runId)}`));
        return run.status === 'running' ? undefined : run;
      },
      60_000,
      `run ${runId} to finish`,
    );
  }

  const tasksTitled = async (client: ApiClient, title: string, recordId: string): Promise<Row[]> =>
    ((await ok(client.get('/api/tasks?assignee=me&limit=100'))).items as Row[]).filter(
      (t) => t.title === title && t.record?.id === recordId,
    );

  const newLead = async (name: string, extra: Row = {}) =>
    ok(admin.post('/api/leads', { name, ...extra }), 201);

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    rep1Id = (await ok(rep1.get('/api/auth/me'))).id;
    adminId = (await ok(admin.get('/api/auth/me'))).id;
    // New leads here stay unowned unless a test gives them an owner.
    const handoff = ((await ok(admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'lead-handoff',
    )!;
    await ok(admin.post(`/api/workflows/${handoff.id}/archive`));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('runs parallel paths and goes on past the join once all of them arrived', async () => {
    const workflow = await publish(
      'fan-out-all',
      'lead',
      [
        { id: 'fan', type: 'parallel', config: { wait: 'all' } },
        task('quick', 'Quick path', rep1Id),
        { id: 'pause', type: 'delay', config: { amount: 2, unit: 'seconds' } },
        task('slow', 'Slow path', rep1Id),
        { id: 'meet', type: 'join', config: {} },
        { id: 'done', type: 'update_record', config: { set: { status: 'working' } } },
      ],
      [
        { id: 't0', from: 'by_hand', to: 'fan' },
        { id: 't1', from: 'fan', to: 'quick' },
        { id: 't2', from: 'fan', to: 'pause' },
        { id: 't3', from: 'pause', to: 'slow' },
        { id: 't4', from: 'quick', to: 'meet' },
        { id: 't5', from: 'slow', to: 'meet' },
        { id: 't6', from: 'meet', to: 'done' },
      ],
    );
    const lead = await newLead('Parallel All');
    const runId = await runOn(workflow, lead.id);
    const run = await settled(runId);
    await recordHistory(product, runId, 'parallel-all-join');

    expect(run.status).toBe('completed');
    const order = (run.trail as Row[]).map((v) => v.stepId);
    expect(new Set(order)).toEqual(new Set(['fan', 'quick', 'pause', 'slow', 'meet', 'done']));
    // The join waited for the slow path: it comes after both tasks, and the update after it.
    expect(order.indexOf('meet')).toBeGreaterThan(order.indexOf('slow'));
    expect(order.indexOf('meet')).toBeGreaterThan(order.indexOf('quick'));
    expect(order.at(-1)).toBe('done');
    expect(await tasksTitled(rep1, 'Quick path', lead.id)).toHaveLength(1);
    expect(await tasksTitled(rep1, 'Slow path', lead.id)).toHaveLength(1);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).status).toBe('working');
  });

  it('with wait "any", goes on when the first path arrives and stops the others', async () => {
    const workflow = await publish(
      'fan-out-any',
      'lead',
      [
        { id: 'race', type: 'parallel', config: { wait: 'any' } },
        task('fast', 'Fast path', rep1Id),
        { id: 'long_wait', type: 'delay', config: { amount: 1, unit: 'hours' } },
        task('never', 'Never reached', rep1Id),
        { id: 'meet', type: 'join', config: {} },
        { id: 'done', type: 'update_record', config: { set: { status: 'qualified' } } },
      ],
      [
        { id: 't0', from: 'by_hand', to: 'race' },
        { id: 't1', from: 'race', to: 'fast' },
        { id: 't2', from: 'race', to: 'long_wait' },
        { id: 't3', from: 'long_wait', to: 'never' },
        { id: 't4', from: 'fast', to: 'meet' },
        { id: 't5', from: 'never', to: 'meet' },
        { id: 't6', from: 'meet', to: 'done' },
      ],
    );
    const lead = await newLead('Parallel Any');
    const runId = await runOn(workflow, lead.id);
    const run = await settled(runId);
    await recordHistory(product, runId, 'parallel-any-path-stopped');

    expect(run.status).toBe('completed');
    const byStep = Object.fromEntries((run.trail as Row[]).map((v) => [v.stepId, v]));
    expect(byStep.long_wait).toMatchObject({ status: 'cancelled', error: { code: 'PATH_STOPPED' } });
    expect(byStep.never).toBeUndefined();
    expect(byStep.done.status).toBe('completed');
    expect(await tasksTitled(rep1, 'Never reached', lead.id)).toHaveLength(0);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).status).toBe('qualified');
  });

  it('calls another workflow as a child run and waits for it; the child is listed under its parent', async () => {
    await publish(
      'child-tasker',
      'lead',
      [task('child_task', 'From the child', rep1Id)],
      [{ id: 't0', from: 'by_hand', to: 'child_task' }],
    );
    const parent = await publish(
      'parent-caller',
      'lead',
      [
        { id: 'call', type: 'call_workflow', config: { workflow: 'child-tasker' } },
        { id: 'after', type: 'update_record', config: { set: { score: 42 } } },
      ],
      [
        { id: 't0', from: 'by_hand', to: 'call' },
        { id: 't1', from: 'call', to: 'after' },
      ],
    );
    const lead = await newLead('Called Child');
    const runId = await runOn(parent, lead.id);
    const run = await settled(runId);
    await recordHistory(product, runId, 'call-workflow-waits-for-child');

    expect(run.status).toBe('completed');
    expect((run.trail as Row[]).map((v) => v.stepId)).toEqual(['call', 'after']);
    const children = (await ok(admin.get(`/api/runs?parentRunId=${encodeURIComponent(runId)}`)))
      .items as Row[];
    expect(children).toHaveLength(1);
    expect(children[0]).toMatchObject({ status: 'completed', parentRunId: runId, record: { id: lead.id } });
    expect(await tasksTitled(rep1, 'From the child', lead.id)).toHaveLength(1);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).score).toBe(42);

    // Calling a workflow that is not published fails the step with a code an admin can act on.
    const broken = await publish(
      'calls-nothing',
      'lead',
      [{ id: 'call', type: 'call_workflow', config: { workflow: 'no-such-workflow' } }],
      [{ id: 't0', from: 'by_hand', to: 'call' }],
    );
    const failed = await settled(await runOn(broken, lead.id));
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'WORKFLOW_NOT_CALLABLE', stepId: 'call' },
    });
  });

  it('runs a workflow once for each related record that matches', async () => {
    await publish(
      'per-opportunity',
      'opportunity',
      [task('opp_task', 'Review this deal', rep1Id)],
      [{ id: 't0', from: 'by_hand', to: 'opp_task' }],
    );
    const account = await ok(admin.post('/api/accounts', { name: 'Loop Industries' }), 201);
    const opps: Row[] = [];
    for (const name of ['Deal A', 'Deal B', 'Deal C']) {
      opps.push(await ok(admin.post('/api/opportunities', { accountId: account.id, name }), 201));
    }
    await ok(
      admin.request('PATCH', `/api/opportunities/${opps[2]!.id}`, {
        stage: 'closed_lost',
        version: opps[2]!.version,
      }),
    );
    const loop = await publish(
      'each-open-deal',
      'account',
      [
        {
          id: 'each',
          type: 'for_each',
          config: {
            relation: 'opportunities',
            workflow: 'per-opportunity',
            where: { '!=': [{ var: 'opportunity.stage' }, 'closed_lost'] },
          },
        },
      ],
      [{ id: 't0', from: 'by_hand', to: 'each' }],
    );
    const runId = await runOn(loop, account.id);
    const run = await settled(runId);
    await recordHistory(product, runId, 'for-each-related-records');

    expect(run.status).toBe('completed');
    const children = (await ok(admin.get(`/api/runs?parentRunId=${encodeURIComponent(runId)}`)))
      .items as Row[];
    expect(children.map((c) => c.record.id).sort()).toEqual([opps[0]!.id, opps[1]!.id].sort());
    expect(children.every((c) => c.status === 'completed')).toBe(true);
    for (const opp of opps.slice(0, 2))
      expect(await tasksTitled(rep1, 'Review this deal', opp.id)).toHaveLength(1);
    expect(await tasksTitled(rep1, 'Review this deal', opps[2]!.id)).toHaveLength(0);

    const unknown = await publish(
      'each-unknown',
      'account',
      [{ id: 'each', type: 'for_each', config: { relation: 'planets', workflow: 'per-opportunity' } }],
      [{ id: 't0', from: 'by_hand', to: 'each' }],
    );
    const failed = await settled(await runOn(unknown, account.id));
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'DEFINITION_INVALID' } });
    expect(failed.error.message).toContain('opportunities');
  });

  it("tells the workflow's owner when a run fails, and picks the run up at the failed step once fixed", async () => {
    const workflow = await publish(
      'needs-an-owner',
      'lead',
      [
        { id: 'first', type: 'update_record', config: { set: { score: 7 } } },
        {
          id: 'owner_task',
          type: 'create_task',
          config: { title: 'Owner follow-up', assignee: { kind: 'record_owner' }, dueInBusinessDays: 0 },
        },
        { id: 'last', type: 'update_record', config: { set: { status: 'working' } } },
      ],
      [
        { id: 't0', from: 'by_hand', to: 'first' },
        { id: 't1', from: 'first', to: 'owner_task' },
        { id: 't2', from: 'owner_task', to: 'last' },
      ],
    );
    expect(workflow.ownerId).toBe(adminId);
    const lead = await newLead('Nobody Owns Me');
    expect(lead.ownerId ?? null).toBeNull();
    const runId = await runOn(workflow, lead.id);
    const failed = await settled(runId);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'NO_ASSIGNEE_AVAILABLE', stepId: 'owner_task' },
    });

    const alert = await eventually(
      async () =>
        ((await ok(admin.get('/api/notifications?limit=50'))).items as Row[]).find((n) => n.runId === runId),
      15_000,
      'the failure alert',
    );
    expect(alert.title).toContain('needs an owner');
    expect(alert.title).toContain('owner_task');
    expect(alert.body).toContain('NO_ASSIGNEE_AVAILABLE');

    // Only failed runs can be picked up again, and reps may not.
    expect((await rep1.post(`/api/runs/${encodeURIComponent(runId)}/resume`, {})).status).toBe(403);
    await ok(
      admin.request('PATCH', `/api/leads/${lead.id}`, {
        ownerId: rep1Id,
        version: (await ok(admin.get(`/api/leads/${lead.id}`))).version,
      }),
    );
    await ok(manager.post(`/api/runs/${encodeURIComponent(runId)}/resume`, { from: 'retry' }), 202);
    const resumed = await settled(runId);
    await recordHistory(product, runId, 'failed-run-retried');

    expect(resumed.status).toBe('completed');
    const visits = (resumed.trail as Row[]).map((v) => [v.stepId, v.status]);
    expect(visits).toEqual([
      ['first', 'completed'],
      ['owner_task', 'failed'],
      ['owner_task', 'completed'],
      ['last', 'completed'],
    ]);
    expect(await tasksTitled(rep1, 'Owner follow-up', lead.id)).toHaveLength(1);
    const again = await manager.post(`/api/runs/${encodeURIComponent(runId)}/resume`, {});
    expect([again.status, again.body.code]).toEqual([409, 'RUN_NOT_RETRYABLE']);

    // Skipping passes over the failed step and goes on after it.
    const other = await newLead('Skip My Task');
    const otherRun = await runOn(workflow, other.id);
    expect((await settled(otherRun)).status).toBe('failed');
    await ok(manager.post(`/api/runs/${encodeURIComponent(otherRun)}/resume`, { from: 'skip' }), 202);
    const skipped = await settled(otherRun);
    expect(skipped.status).toBe('completed');
    expect((skipped.trail as Row[]).map((v) => [v.stepId, v.status])).toEqual([
      ['first', 'completed'],
      ['owner_task', 'failed'],
      ['owner_task', 'skipped'],
      ['last', 'completed'],
    ]);
    expect((await ok(admin.get(`/api/leads/${other.id}`))).status).toBe('working');
  });
});
