import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * The lead handoff's service level: after the handoff, the shipped "Lead contact SLA" workflow
 * (started by the handoff without waiting) gives the owner a business day to move the lead on
 * from "new", else hands the lead to their manager. The SLA is made seconds long here by
 * publishing a new version, as an admin would.
 */
describe('lead handoff SLA', () => {
  let product: Product;
  let admin: ApiClient;
  let managerId: string;
  const workflows: Record<string, Row> = {};

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  const slaRunOf = (leadId: string): Promise<Row> =>
    eventually(
      async () =>
        (
          (
            await ok(
              admin.get(`/api/runs?recordId=${leadId}&workflowId=${workflows['lead-contact-sla']!.id}`),
            )
          ).items as Row[]
        )[0],
      30_000,
      'the SLA run to start',
    );

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    managerId = (await ok(manager.get('/api/auth/me'))).id;
    for (const w of (await ok(admin.get('/api/workflows'))).items as Row[]) workflows[w.key] = w;
    const sla = workflows['lead-contact-sla']!;
    const { definition } = await ok(admin.get(`/api/workflows/${sla.id}/versions/1`));
    const wait = (definition.steps as Row[]).find((s) => s.id === 'contacted_in_time')!;
    expect(wait.config.timeout).toEqual({ amount: 8, unit: 'business_hours' });
    wait.config.timeout = { amount: 3, unit: 'seconds' };
    await ok(
      admin.post(`/api/workflows/${sla.id}/versions`, { definition, note: 'Seconds, for the test' }),
      201,
    );
    await ok(admin.post(`/api/workflows/${sla.id}/versions/2/publish`, { note: 'Short SLA' }));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('ends quietly when the owner moves the lead on in time', async () => {
    const lead = await ok(admin.post('/api/leads', { name: 'Quick Contact', company: 'Prompt Ltd' }), 201);
    const run = await slaRunOf(lead.id);
    const owned = await eventually(
      async () => {
        const l = await ok(admin.get(`/api/leads/${lead.id}`));
        return l.owner ? l : undefined;
      },
      30_000,
      'the handoff to assign an owner',
    );
    await ok(admin.request('PATCH', `/api/leads/${lead.id}`, { status: 'working', version: owned.version }));

    const done = await eventually(
      async () => {
        const r = await ok(admin.get(`/api/runs/${encodeURIComponent(run.id)}`));
        return r.status === 'running' ? undefined : r;
      },
      30_000,
      'the SLA run to end',
    );
    expect(done.status).toBe('completed');
    expect((done.trail as Row[]).map((v) => v.stepId)).toEqual(['contacted_in_time', 'contacted', 'done']);
    expect(done.version).toBe(2);
    expect(done.parentRunId).toMatch(/^run-/);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).owner.id).toBe(owned.owner.id);
  });

  it("hands a lead nobody contacted to the owner's manager, who is told", async () => {
    const lead = await ok(admin.post('/api/leads', { name: 'Forgotten Lead', company: 'Slow Co' }), 201);
    const run = await slaRunOf(lead.id);
    const escalated = await eventually(
      async () => {
        const l = await ok(admin.get(`/api/leads/${lead.id}`));
        return l.owner?.id === managerId ? l : undefined;
      },
      60_000,
      'the lead to reach the manager',
    );
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const told = ((await ok(manager.get('/api/notifications?limit=50'))).items as Row[]).filter(
      (n) => n.title === 'Lead not contacted in time: Forgotten Lead',
    );
    expect(told).toHaveLength(1);

    // The manager moves it on: the clock the escalation restarted stops, and the run ends.
    await ok(
      admin.request('PATCH', `/api/leads/${lead.id}`, { status: 'working', version: escalated.version }),
    );
    const done = await eventually(
      async () => {
        const r = await ok(admin.get(`/api/runs/${encodeURIComponent(run.id)}`));
        return r.status === 'running' ? undefined : r;
      },
      30_000,
      'the SLA run to end',
    );
    expect(done.status).toBe('completed');
    const path = (done.trail as Row[]).map((v) => v.stepId);
    expect(path.slice(0, 3)).toEqual(['contacted_in_time', 'contacted', 'escalate']);
    expect(path.at(-1)).toBe('done');
  });
});
