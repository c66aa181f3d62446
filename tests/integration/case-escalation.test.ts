import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * The shipped escalation process with its durations given as data: a case waits for its SLA,
 * climbs the management chain while nobody resolves it, and the wait ends as soon as someone does
 * (the record change reaches the waiting run as a signal, not at the next deadline).
 */
describe('case escalation', () => {
  let product: Product;
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;
  const me = {} as Record<keyof typeof as, string>;
  let workflowId: string;
  let accountId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function publishWait(config: Row, note: string): Promise<void> {
    const workflow = await ok(as.admin.get(`/api/workflows/${workflowId}`));
    const latest = Math.max(...(workflow.versions as Row[]).map((v) => v.version));
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/${latest}`));
    definition.steps.find((s: Row) => s.id === 'within_sla').config = config;
    const saved = await ok(as.admin.post(`/api/workflows/${workflowId}/versions`, { definition }), 201);
    const version = Math.max(...(saved.versions as Row[]).map((v) => v.version));
    await ok(as.admin.post(`/api/workflows/${workflowId}/versions/${version}/publish`, { note }));
  }

  async function runOn(caseId: string, status?: string): Promise<Row> {
    return eventually(
      async () => {
        const [listed] = (await ok(as.admin.get(`/api/runs?recordId=${caseId}`))).items as Row[];
        // The detail has the live path of a run still in flight.
        const run = listed && (await ok(as.admin.get(`/api/runs/${listed.id}`)));
        return run && (!status || run.status === status) ? run : undefined;
      },
      30_000,
      `a ${status ?? ''} run on case ${caseId}`,
    );
  }

  async function resolve(caseId: string): Promise<void> {
    const current = await ok(as.admin.get(`/api/cases/${caseId}`));
    await ok(
      as.admin.request('PATCH', `/api/cases/${caseId}`, { version: current.version, status: 'resolved' }),
    );
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'manager'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      me[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
    workflowId = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'case-escalation',
    )!.id;
    accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Escalation Corp' }), 201)).id;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('ships every process valid', async () => {
    const workflows = (await ok(as.admin.get('/api/workflows'))).items as Row[];
    expect(workflows.map((w) => w.key).sort()).toEqual([
      'case-escalation',
      'lead-contact-sla',
      'lead-handoff',
      'quote-approval',
      'subscription-renewal',
    ]);
    for (const workflow of workflows) {
      const { definition } = await ok(as.admin.get(`/api/workflows/${workflow.id}/versions/1`));
      expect([workflow.key, await ok(as.admin.post('/api/workflows/validate', { definition }))]).toEqual([
        workflow.key,
        expect.objectContaining({ ok: true, errors: [] }),
      ]);
    }
  });

  it('waits on the SLA date of a new case, and ends the wait the moment the case is resolved', async () => {
    const opened = await ok(
      as.rep1.post('/api/cases', { accountId, subject: 'Printer on fire', priority: 'low' }),
      201,
    );
    const running = await runOn(opened.id, 'running');
    expect(running.trail.map((t: Row) => [t.stepId, t.status])).toEqual([['within_sla', 'running']]);
    await resolve(opened.id);
    const done = await runOn(opened.id, 'completed');
    expect(done.trail.map((t: Row) => t.stepId)).toEqual(['within_sla', 'handled', 'done']);
    // Nobody was escalated to.
    expect((await ok(as.admin.get(`/api/cases/${opened.id}`))).owner.id).toBe(me.rep1);
  });

  it('climbs the chain while nobody resolves the case, then stops when someone does', async () => {
    await publishWait(
      {
        until: { in: [{ var: 'case.status' }, ['resolved', 'closed']] },
        timeout: { amount: 2, unit: 'seconds' },
      },
      'Two-second SLA for the test',
    );
    const opened = await ok(as.rep1.post('/api/cases', { accountId, subject: 'Nobody answers' }), 201);
    await eventually(
      async () =>
        (await ok(as.admin.get(`/api/cases/${opened.id}`))).owner?.id === me.manager ? true : undefined,
      30_000,
      'the case to reach the manager',
    );
    const told = await eventually(
      async () =>
        ((await ok(as.manager.get('/api/notifications'))).items as Row[]).find(
          (n) => n.title === 'Case past its SLA: Nobody answers',
        ),
      30_000,
      'the manager to be told',
    );
    expect(told.record).toEqual({ type: 'case', id: opened.id });
    // The manager reports to the admin: one more timeout and the case is the admin's.
    await eventually(
      async () =>
        (await ok(as.admin.get(`/api/cases/${opened.id}`))).owner?.id === me.admin ? true : undefined,
      30_000,
      'the case to reach the admin',
    );
    await resolve(opened.id);
    const done = await runOn(opened.id, 'completed');
    const path = done.trail.map((t: Row) => t.stepId);
    expect(path.slice(0, 6)).toEqual([
      'within_sla',
      'handled',
      'escalate',
      'within_sla',
      'handled',
      'escalate',
    ]);
    expect(path.slice(-3)).toEqual(['within_sla', 'handled', 'done']);
    // At the top of the chain it escalates to nobody instead of failing.
    const escalations = (await ok(as.admin.get(`/api/cases/${opened.id}`))).owner.id;
    expect(escalations).toBe(me.admin);
  });
});
