import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

const OPENING_STEPS = [
  'mark_due',
  'renewal_opp',
  'renewal_quote',
  'renewal_task',
  'until_renewed',
  'renewed',
];

/**
 * The shipped renewal process with its waits given as data. Its start is a date trigger (60 days
 * before the end date, day precision; the mechanism is proved in date-trigger.test.ts); here the
 * same steps are started by hand on a subscription so the test does not wait for a date.
 */
describe('subscription renewal', () => {
  let product: Product;
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;
  let workflowId: string;
  let accountId: string;
  let rep1Id: string;
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function subscription(plan: string): Promise<Row> {
    const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    return ok(
      as.rep1.post('/api/subscriptions', {
        accountId,
        plan,
        startDate: '2026-01-01',
        endDate: end,
        amount: '2400.00',
      }),
      201,
    );
  }

  async function finishedRun(runId: string): Promise<Row> {
    return eventually(
      async () => {
        const run = await ok(as.admin.get(`/api/runs/${runId}`));
        return ['completed', 'failed'].includes(run.status) ? run : undefined;
      },
      30_000,
      `run ${runId} to finish`,
    );
  }

  async function start(workflow: string, recordId: string): Promise<string> {
    return (await ok(as.admin.post(`/api/workflows/${workflow}/runs`, { recordId }), 202)).runId;
  }

  async function renewalOpportunities(plan: string): Promise<Row[]> {
    const page = await ok(as.rep1.get(`/api/opportunities?account=${accountId}&limit=100`));
    return (page.items as Row[]).filter((o) => o.name === `Renewal: ${plan}`);
  }

  async function tasksOn(opportunityId: string): Promise<Row[]> {
    const page = await ok(as.rep1.get('/api/tasks?assignee=me&limit=200'));
    return (page.items as Row[]).filter((t) => t.record?.id === opportunityId);
  }

  /**
   * Resets the finished run in Temporal to its first workflow task, so every step is delivered
   * again with the same run id, hence the same idempotency keys; returns once that execution ends.
   */
  async function redeliverEveryStep(runId: string): Promise<void> {
    const connection = await Connection.connect({ address: product.temporalAddress });
    try {
      const client = new Client({ connection, namespace: 'baton' });
      const { events } = await client.workflow.getHandle(runId).fetchHistory();
      const firstTask = events!.find((e) => e.workflowTaskCompletedEventAttributes)!;
      const { runId: executionId } = await connection.workflowService.resetWorkflowExecution({
        namespace: 'baton',
        workflowExecution: { workflowId: runId },
        workflowTaskFinishEventId: firstTask.eventId,
        reason: 'redeliver every step',
        requestId: randomUUID(),
      });
      await client.workflow.getHandle(runId, executionId ?? undefined).result();
    } finally {
      await connection.close();
    }
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'manager'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    }
    rep1Id = (await ok(as.rep1.get('/api/auth/me'))).id;
    workflowId = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'subscription-renewal',
    )!.id;
    accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Renewals Inc' }), 201)).id;
    // The 60-day trigger started by hand, and the wait for the renewal two seconds long.
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/1`));
    definition.triggers[0] = {
      id: 'sixty_days_before',
      kind: 'record',
      entity: 'subscription',
      event: 'manual',
    };
    definition.steps.find((s: Row) => s.id === 'until_renewed').config = {
      until: { '==': [{ var: 'subscription.renewalStatus' }, 'renewed'] },
      timeout: { amount: 2, unit: 'seconds' },
    };
    await ok(as.admin.post(`/api/workflows/${workflowId}/versions`, { definition }), 201);
    await ok(as.admin.post(`/api/workflows/${workflowId}/versions/2/publish`, { note: 'Started by hand' }));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('marks the renewal due, opens a renewal opportunity with a draft quote, gives the owner a task on it, and ends when renewed', async () => {
    const sub = await subscription('Fleet 500 (renewed)');
    const runId = await start(workflowId, sub.id);
    const [opportunity] = await eventually(
      async () => {
        const found = await renewalOpportunities('Fleet 500 (renewed)');
        return found.length > 0 ? found : undefined;
      },
      30_000,
      'the renewal opportunity',
    );
    expect(opportunity).toMatchObject({
      account: { id: accountId },
      amount: '2400.00',
      currency: 'EUR',
      closeDate: sub.endDate,
      stage: 'prospecting',
      owner: { id: rep1Id },
    });
    const task = await eventually(
      async () => (await tasksOn(opportunity!.id))[0],
      30_000,
      'the renewal task',
    );
    expect(task).toMatchObject({
      title: 'Prepare the subscription renewal',
      priority: 'high',
      record: { type: 'opportunity', id: opportunity!.id },
      origin: { kind: 'workflow', runId, stepId: 'renewal_task' },
    });
    expect(task.description).toContain(`Fleet 500 (renewed) ends on ${sub.endDate}`);
    const quotes = (await ok(as.rep1.get(`/api/quotes?opportunity=${opportunity!.id}`))).items as Row[];
    expect(quotes).toEqual([
      expect.objectContaining({
        name: 'Renewal: Fleet 500 (renewed)',
        status: 'draft',
        account: expect.objectContaining({ id: accountId }),
        owner: expect.objectContaining({ id: rep1Id }),
        lines: [],
        total: '0.00',
      }),
    ]);
    // Created as any record is: an `opportunity.created` event other workflows can trigger on,
    // attributed to the run rather than a person.
    const timeline = (await ok(as.rep1.get(`/api/opportunities/${opportunity!.id}/timeline`))).items as Row[];
    expect(timeline.filter((i) => i.data.type === 'opportunity.created')).toEqual([
      expect.objectContaining({
        kind: 'change',
        actor: null,
        data: expect.objectContaining({ cause: { workflowId, runId } }),
      }),
    ]);

    const due = await ok(as.rep1.get(`/api/subscriptions/${sub.id}`));
    expect(due.renewalStatus).toBe('renewal_due');
    await ok(
      as.rep1.request('PATCH', `/api/subscriptions/${sub.id}`, {
        version: due.version,
        renewalStatus: 'renewed',
      }),
    );
    const run = await finishedRun(runId);
    expect(run.trail.map((t: Row) => t.stepId)).toEqual([...OPENING_STEPS, 'done']);

    // Every step delivered again (Temporal resets the run): each finds its first output and
    // creates nothing more.
    const resetAt = new Date().toISOString();
    await redeliverEveryStep(runId);
    const again = await ok(as.admin.get(`/api/runs/${runId}`));
    const visits = (again.trail as Row[]).filter((t) => t.type === 'create_record');
    expect(visits.map((t) => [t.stepId, t.status, t.startedAt > resetAt])).toEqual([
      ['renewal_opp', 'completed', true],
      ['renewal_quote', 'completed', true],
      ['renewal_task', 'completed', true],
    ]);
    expect(await renewalOpportunities('Fleet 500 (renewed)')).toHaveLength(1);
    expect(await tasksOn(opportunity!.id)).toHaveLength(1);
    expect((await ok(as.rep1.get(`/api/quotes?opportunity=${opportunity!.id}`))).items).toHaveLength(1);
  });

  it("tells the owner's manager and marks the subscription at risk when it is not renewed in time", async () => {
    const sub = await subscription('Fleet 900 (lapsing)');
    const run = await finishedRun(await start(workflowId, sub.id));
    expect(run.trail.map((t: Row) => t.stepId)).toEqual([...OPENING_STEPS, 'escalate', 'mark_at_risk']);
    expect((await ok(as.rep1.get(`/api/subscriptions/${sub.id}`))).renewalStatus).toBe('at_risk');
    const told = ((await ok(as.manager.get('/api/notifications'))).items as Row[]).find(
      (n) => n.title === 'Not renewed: Fleet 900 (lapsing)',
    );
    expect(told?.record).toEqual({ type: 'subscription', id: sub.id });
  });

  it('dry-runs the renewal: the records it would create, and none created', async () => {
    const sub = await subscription('Fleet 700 (dry run)');
    const result = await ok(
      as.admin.post(`/api/workflows/${workflowId}/versions/2/dry-run`, { recordId: sub.id }),
    );
    const intentions = (result.steps as Row[]).flatMap((s) => s.intentions as Row[]);
    const created = intentions.filter((i) => i.kind === 'create_record');
    expect(created.map((i) => [i.details.entity, i.summary])).toEqual([
      ['opportunity', 'Create opportunity "Renewal: Fleet 700 (dry run)"'],
      ['quote', 'Create quote "Renewal: Fleet 700 (dry run)"'],
      ['task', 'Create task "Prepare the subscription renewal"'],
    ]);
    // The quote and the task point at the opportunity the first step would have created.
    const oppId = (result.steps as Row[]).find((s) => s.stepId === 'renewal_opp')!.output.recordId;
    expect(created[1]!.details.values.opportunityId).toBe(oppId);
    expect(created[2]!.details.values).toMatchObject({ recordType: 'opportunity', recordId: oppId });
    expect(await renewalOpportunities('Fleet 700 (dry run)')).toEqual([]);
  });

  it('fails a step that leaves out a required field, or sets one steps may not, with its code', async () => {
    const definition = (values: Row, key: string) => ({
      schemaVersion: 1,
      key,
      name: key,
      triggers: [{ id: 'by_hand', kind: 'record', entity: 'subscription', event: 'manual' }],
      steps: [{ id: 'open', type: 'create_record', config: { entity: 'opportunity', link: true, values } }],
      transitions: [{ id: 'go', from: 'by_hand', to: 'open' }],
    });
    const sub = await subscription('Fleet 300 (broken steps)');
    const cases: Array<[Row, string]> = [
      [{ amount: { var: 'subscription.amount' } }, 'VALIDATION_FAILED'],
      [{ name: 'Upsell', version: 3 }, 'DEFINITION_INVALID'],
    ];
    for (const [i, [values, code]] of cases.entries()) {
      const key = `broken-create-${i}`;
      const created = await ok(as.admin.post('/api/workflows', { definition: definition(values, key) }), 201);
      await ok(as.admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: key }));
      const run = await finishedRun(await start(created.id, sub.id));
      expect(run).toMatchObject({ status: 'failed', error: { code, stepId: 'open' } });
    }
    expect(
      ((await ok(as.rep1.get(`/api/opportunities?account=${accountId}&limit=100`))).items as Row[]).filter(
        (o) => o.name === 'Upsell',
      ),
    ).toEqual([]);
  });
});
