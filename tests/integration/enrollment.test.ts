import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/** Re-enrollment policies on triggers, and the per-record run limit that stops runaway loops. */
describe('enrollment', () => {
  let product: Product;
  let admin: ApiClient;
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function publish(key: string, field: string, reenroll?: Row): Promise<string> {
    const definition = {
      schemaVersion: 1,
      key,
      name: key,
      triggers: [
        {
          id: 'changed',
          kind: 'record',
          entity: 'lead',
          event: 'updated',
          field,
          ...(reenroll ? { reenroll } : {}),
        },
      ],
      steps: [{ id: 'done', type: 'end', config: {} }],
      transitions: [{ id: 'go', from: 'changed', to: 'done' }],
    };
    const { id } = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${id}/versions/1/publish`, { note: 'Test' }));
    return id;
  }

  // The lead-handoff workflow assigns new leads an owner meanwhile: a stale version is read again.
  async function change(leadId: string, patch: Row): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const { version } = await ok(admin.get(`/api/leads/${leadId}`));
      const res = await admin.request('PATCH', `/api/leads/${leadId}`, { version, ...patch });
      if (res.status !== 409 || attempt >= 5) return void (await ok(Promise.resolve(res)));
    }
  }

  const runs = async (workflowId: string, leadId: string): Promise<Row[]> =>
    (await ok(admin.get(`/api/runs?workflowId=${workflowId}&recordId=${leadId}`))).items;

  beforeAll(async () => {
    product = await startProduct({ env: { BATON_RUNS_PER_RECORD_PER_HOUR: '3' } });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('lets a record into a "once" workflow a single time', async () => {
    const workflowId = await publish('region-once', 'region', { mode: 'once' });
    const lead = await ok(admin.post('/api/leads', { name: 'Enrolled once' }), 201);
    await change(lead.id, { region: 'EMEA' });
    await eventually(
      async () => ((await runs(workflowId, lead.id)).length === 1 ? true : undefined),
      30_000,
      'a run',
    );
    await change(lead.id, { region: 'APAC' });
    await change(lead.id, { region: 'AMER' });
    // The later changes are dispatched (the lead-handoff and other workflows see them) but start nothing here.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await runs(workflowId, lead.id)).toHaveLength(1);
  });

  it('refuses runs past the per-record limit, with the reason on the run', async () => {
    const workflowId = await publish('phone-always', 'phone');
    const lead = await ok(admin.post('/api/leads', { name: 'Busy lead' }), 201);
    for (const phone of ['+1 1', '+1 2', '+1 3', '+1 4', '+1 5']) await change(lead.id, { phone });
    const all = await eventually(
      async () => {
        const list = await runs(workflowId, lead.id);
        return list.length === 5 ? list : undefined;
      },
      30_000,
      'five runs recorded',
    );
    const refused = all.filter((r) => r.error?.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('the limit is 3') },
    });
    expect(all.filter((r) => r.status === 'completed')).toHaveLength(3);
  });
});
