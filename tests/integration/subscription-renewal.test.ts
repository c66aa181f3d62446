import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

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
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function subscription(plan: string): Promise<Row> {
    const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    return ok(
      as.rep1.post('/api/subscriptions', { accountId, plan, startDate: '2026-01-01', endDate: end }),
      201,
    );
  }

  async function finishedRun(runId: string): Promise<Row> {
    return eventually(
      async () => {
        const run = await ok(as.admin.get(`/api/runs/${runId}`));
        return run.status === 'completed' ? run : undefined;
      },
      30_000,
      `run ${runId} to complete`,
    );
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'manager'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    }
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

  it('marks the renewal due, gives the owner a task, and ends when the subscription is renewed', async () => {
    const sub = await subscription('Fleet 500 (renewed)');
    const { runId } = await ok(as.admin.post(`/api/workflows/${workflowId}/runs`, { recordId: sub.id }), 202);
    const task = await eventually(
      async () =>
        ((await ok(as.rep1.get('/api/tasks?assignee=me&status=open'))).items as Row[]).find(
          (t) => t.record?.id === sub.id,
        ),
      30_000,
      'the renewal task',
    );
    expect(task).toMatchObject({ title: 'Prepare the subscription renewal', priority: 'high' });
    const due = await ok(as.rep1.get(`/api/subscriptions/${sub.id}`));
    expect(due.renewalStatus).toBe('renewal_due');
    await ok(
      as.rep1.request('PATCH', `/api/subscriptions/${sub.id}`, {
        version: due.version,
        renewalStatus: 'renewed',
      }),
    );
    const run = await finishedRun(runId);
    expect(run.trail.map((t: Row) => t.stepId)).toEqual([
      'mark_due',
      'renewal_task',
      'until_renewed',
      'renewed',
      'done',
    ]);
  });

  it("tells the owner's manager and marks the subscription at risk when it is not renewed in time", async () => {
    const sub = await subscription('Fleet 900 (lapsing)');
    const { runId } = await ok(as.admin.post(`/api/workflows/${workflowId}/runs`, { recordId: sub.id }), 202);
    const run = await finishedRun(runId);
    expect(run.trail.map((t: Row) => t.stepId)).toEqual([
      'mark_due',
      'renewal_task',
      'until_renewed',
      'renewed',
      'escalate',
      'mark_at_risk',
    ]);
    expect((await ok(as.rep1.get(`/api/subscriptions/${sub.id}`))).renewalStatus).toBe('at_risk');
    const told = ((await ok(as.manager.get('/api/notifications'))).items as Row[]).find(
      (n) => n.title === 'Not renewed: Fleet 900 (lapsing)',
    );
    expect(told?.record).toEqual({ type: 'subscription', id: sub.id });
  });
});
