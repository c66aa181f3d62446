import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/** Dry runs (path and intended effects, nothing written) and runs started by hand on a record. */
describe('running a workflow on a chosen record', () => {
  let product: Product;
  let admin: ApiClient;
  let engineer: ApiClient;
  let rep1: ApiClient;
  const workflows: Record<string, Row> = {};

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    for (const w of (await ok(admin.get('/api/workflows'))).items as Row[]) workflows[w.key] = w;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('dry-runs lead handoff on a lead: the path, who would own it and whose task it would be, and writes nothing', async () => {
    const lead = ((await ok(admin.get('/api/leads?limit=1'))).items as Row[])[0]!;
    const tasksBefore = (await ok(admin.get(`/api/runs?recordId=${lead.id}`))).items.length;
    const result = await ok(
      engineer.post(`/api/workflows/${workflows['lead-handoff']!.id}/versions/1/dry-run`, {
        recordId: lead.id,
      }),
    );
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['assign_owner', 'contact_task', 'watch_sla']);
    const [assign, task] = result.steps as Row[];
    expect(assign!.intentions).toEqual([
      expect.objectContaining({
        kind: 'update_record',
        details: expect.objectContaining({ patch: { ownerId: assign!.output.ownerId } }),
      }),
    ]);
    // The task goes to the owner the first step would have set: later steps see earlier intentions.
    expect(task!.intentions).toEqual([
      expect.objectContaining({
        kind: 'create_task',
        summary: expect.stringContaining(`for ${assign!.output.ownerName}`),
        details: expect.objectContaining({ assigneeId: assign!.output.ownerId, title: 'Contact new lead' }),
      }),
    ]);

    const after = await ok(admin.get(`/api/leads/${lead.id}`));
    expect(after.owner).toEqual(lead.owner);
    expect(after.version).toBe(lead.version);
    expect((await ok(admin.get(`/api/runs?recordId=${lead.id}`))).items).toHaveLength(tasksBefore);
  });

  it('leaves the round-robin where it was: a dry run predicts the next owner without taking the turn', async () => {
    const handoff = workflows['lead-handoff']!.id;
    const owned = async (leadId: string): Promise<string> =>
      eventually(
        async () => (await ok(admin.get(`/api/leads/${leadId}`))).owner?.id,
        30_000,
        'the handoff to assign an owner',
      );
    const first = await ok(admin.post('/api/leads', { name: 'Rotation One' }), 201);
    await owned(first.id);
    const predict = async () =>
      (await ok(engineer.post(`/api/workflows/${handoff}/versions/1/dry-run`, { recordId: first.id })))
        .steps[0].output.ownerId as string;
    const predicted = await predict();
    expect(await predict()).toBe(predicted);
    const next = await ok(admin.post('/api/leads', { name: 'Rotation Two' }), 201);
    expect(await owned(next.id)).toBe(predicted);
  });

  it('dry-runs quote approval with the decision assumed either way', async () => {
    // With the process archived, submitting starts no real run.
    await ok(admin.post(`/api/workflows/${workflows['quote-approval']!.id}/archive`));
    const account = await ok(rep1.post('/api/accounts', { name: 'Dry Run Ltd' }), 201);
    const opportunity = await ok(
      rep1.post('/api/opportunities', { accountId: account.id, name: 'Dry deal' }),
      201,
    );
    const product_ = await ok(
      admin.post('/api/products', { sku: 'DRY-1', name: 'Seat', unitPrice: '100.00' }),
      201,
    );
    const quote = await ok(
      rep1.post('/api/quotes', {
        opportunityId: opportunity.id,
        name: 'Deep discount',
        lines: [{ productId: product_.id, quantity: 2, discountPercent: 30 }],
      }),
      201,
    );
    await ok(rep1.post(`/api/quotes/${quote.id}/submit`));
    const url = `/api/workflows/${workflows['quote-approval']!.id}/versions/1/dry-run`;

    const approved = await ok(engineer.post(url, { recordId: quote.id }));
    expect(approved.path).toEqual(['approve', 'outcome', 'mark_approved', 'tell_approved']);
    expect((approved.steps[0].intentions as Row[]).map((i) => i.details.stageName)).toEqual([
      'Discount over 10 % needs the sales manager',
      'Discount over 25 % also needs a quote approver',
    ]);
    expect(approved.steps[2].intentions[0]).toMatchObject({
      kind: 'update_record',
      details: { patch: expect.objectContaining({ status: 'approved' }) },
    });
    expect(approved.steps[3].intentions[0].summary).toBe('Notify Riley Rep: Quote approved: Deep discount');

    const rejected = await ok(engineer.post(url, { recordId: quote.id, approvals: 'rejected' }));
    expect(rejected.path).toEqual(['approve', 'outcome', 'back_to_draft', 'tell_rejected']);
    expect(rejected.steps[0].intentions).toHaveLength(1);

    const unchanged = await ok(rep1.get(`/api/quotes/${quote.id}`));
    expect(unchanged.status).toBe('submitted');
    expect((await ok(admin.get(`/api/approvals?recordId=${quote.id}`))).items).toEqual([]);
    const bell = (await ok(rep1.get('/api/notifications'))).items as Row[];
    expect(bell.filter((n) => n.title.includes('Deep discount'))).toEqual([]);

    const missing = await engineer.post(url, { recordId: '00000000-0000-4000-8000-000000000000' });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await rep1.post(url, { recordId: quote.id })).status).toBe(403);
  });

  it('runs a workflow with a manual trigger on the record a manager picks', async () => {
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const rep1Id = (await ok(rep1.get('/api/auth/me'))).id;
    const definition = {
      schemaVersion: 1,
      key: 'nudge-lead',
      name: 'Nudge a lead',
      triggers: [{ id: 'by_hand', kind: 'record', entity: 'lead', event: 'manual' }],
      steps: [
        {
          id: 'nudge',
          type: 'create_task',
          config: {
            title: 'Nudge this lead',
            assignee: { kind: 'user', userId: rep1Id },
            dueInBusinessDays: 0,
          },
        },
      ],
      transitions: [{ id: 'go', from: 'by_hand', to: 'nudge' }],
    };
    const created = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: 'By hand' }));

    // A new lead fires the automatic triggers only; this workflow waits to be started.
    const lead = await ok(admin.post('/api/leads', { name: 'Picked by hand' }), 201);
    const started = await ok(manager.post(`/api/workflows/${created.id}/runs`, { recordId: lead.id }), 202);
    const run = await eventually(
      async () => {
        const r = await ok(admin.get(`/api/runs/${started.runId}`));
        return r.status === 'completed' ? r : undefined;
      },
      30_000,
      'the manual run to complete',
    );
    expect(run).toMatchObject({ workflowId: created.id, record: { type: 'lead', id: lead.id } });
    const tasks = (await ok(rep1.get('/api/tasks?assignee=me&status=open'))).items as Row[];
    expect(tasks.filter((t) => t.title === 'Nudge this lead' && t.record.id === lead.id)).toHaveLength(1);
    const runs = (await ok(admin.get(`/api/runs?workflowId=${created.id}`))).items as Row[];
    expect(runs.map((r) => r.id)).toEqual([started.runId]);

    const noManual = await manager.post(`/api/workflows/${workflows['lead-handoff']!.id}/runs`, {
      recordId: lead.id,
    });
    expect([noManual.status, noManual.body.code]).toEqual([409, 'CONFLICT']);
    const missing = await manager.post(`/api/workflows/${created.id}/runs`, {
      recordId: '00000000-0000-4000-8000-000000000000',
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await rep1.post(`/api/workflows/${created.id}/runs`, { recordId: lead.id })).status).toBe(403);
  });
});
