import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

const ROUTED = ['assign_owner', 'route', 'contact_task', 'watch_sla'];
const LATER = ['assign_owner', 'route', 'later'];
const PUBLISHED = ['assign_owner', 'contact_task', 'watch_sla'];

/**
 * A lead-handoff draft that only takes EMEA and NA leads and sends cold ones nowhere, backtested
 * over the newest leads beside the published version, which takes every lead the same way.
 */
describe('backtesting a workflow draft against the newest records', () => {
  let product: Product;
  let admin: ApiClient;
  let engineer: ApiClient;
  let workflowId: string;
  const leads: Row[] = [];

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function snapshot() {
    const reps = await Promise.all(
      ['rep1@demo.baton', 'rep2@demo.baton'].map((email) => ApiClient.login(product.baseUrl, email)),
    );
    const tasks = await Promise.all(
      reps.map(async (rep) => (await ok(rep.get('/api/tasks?assignee=me&limit=200'))).items.length as number),
    );
    const runs = (await ok(admin.get(`/api/runs?workflowId=${workflowId}&limit=200`))).items.length as number;
    const versions = await Promise.all(
      leads.map(async (l) => {
        const lead = await ok(admin.get(`/api/leads/${l.id}`));
        return [lead.version, lead.owner?.id ?? null];
      }),
    );
    return { tasks, runs, versions };
  }

  async function finished(id: string): Promise<{ final: Row; seen: number[] }> {
    const seen: number[] = [];
    const final = await eventually(
      async () => {
        const backtest = await ok(engineer.get(`/api/backtests/${id}`));
        seen.push(backtest.done as number);
        return backtest.status === 'running' ? undefined : backtest;
      },
      120_000,
      'the backtest to finish',
    );
    return { final, seen };
  }

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    const workflows = (await ok(admin.get('/api/workflows'))).items as Row[];
    workflowId = workflows.find((w) => w.key === 'lead-handoff')!.id;

    // Oldest first, so the newest five are these, newest last.
    for (const lead of [
      { name: 'Hot Europe', region: 'EMEA', score: 80 },
      { name: 'Cold Europe', region: 'EMEA', score: 10 },
      { name: 'Hot America', region: 'NA', score: 90 },
      { name: 'Warm Latam', region: 'LATAM', score: 70 },
      { name: 'Nowhere', score: 60 },
    ]) {
      leads.push(await ok(admin.post('/api/leads', lead), 201));
    }
    // The published handoff really runs on each; wait for it so it writes nothing during the check.
    for (const lead of leads) {
      await eventually(
        async () => {
          const runs = (await ok(admin.get(`/api/runs?workflowId=${workflowId}&recordId=${lead.id}`))).items;
          return runs.length === 1 && runs[0].status === 'completed' ? true : undefined;
        },
        60_000,
        `the handoff of ${lead.name}`,
      );
    }

    const { definition } = await ok(admin.get(`/api/workflows/${workflowId}/versions/1`));
    const draft = structuredClone(definition);
    draft.triggers[0].condition = { in: [{ var: 'lead.region' }, ['EMEA', 'NA']] };
    draft.steps.push(
      { id: 'route', type: 'branch', title: 'Hot or not', config: {} },
      { id: 'later', type: 'end', title: 'Leave it for later', config: {} },
    );
    draft.transitions = [
      { id: 'start', from: 'lead_created', to: 'assign_owner' },
      { id: 'then_route', from: 'assign_owner', to: 'route' },
      {
        id: 'hot',
        from: 'route',
        to: 'contact_task',
        condition: { '>=': [{ var: 'lead.score' }, 50] },
      },
      { id: 'cold', from: 'route', to: 'later' },
      { id: 'then_watch', from: 'contact_task', to: 'watch_sla' },
    ];
    await ok(admin.post(`/api/workflows/${workflowId}/versions`, { definition: draft }), 201);
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('counts who would enter the draft and which way they would go, beside the published version, writing nothing', async () => {
    const before = await snapshot();
    const started = await ok(
      engineer.post(`/api/workflows/${workflowId}/versions/2/backtest`, { limit: 5 }),
      202,
    );
    expect(started).toMatchObject({ workflowId, version: 2, entity: 'lead', status: 'running', total: 5 });

    const { final, seen } = await finished(started.id);
    expect(final).toMatchObject({ status: 'completed', done: 5, total: 5, error: null });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(final.results).toEqual({
      version: 2,
      entered: 3,
      notEntered: 2,
      failed: 0,
      byPath: [
        { path: ROUTED, count: 2 },
        { path: LATER, count: 1 },
      ],
      comparedWith: {
        version: 1,
        entered: 5,
        notEntered: 0,
        failed: 0,
        byPath: [{ path: PUBLISHED, count: 5 }],
      },
    });

    expect(await snapshot()).toEqual(before);
  });

  it('runs one backtest of a version at a time: a second start names the running one', async () => {
    const first = await ok(
      engineer.post(`/api/workflows/${workflowId}/versions/2/backtest`, { limit: 500 }),
      202,
    );
    const again = await admin.post(`/api/workflows/${workflowId}/versions/2/backtest`, { limit: 5 });
    expect([again.status, again.body.code, again.body.details]).toEqual([
      409,
      'CONFLICT',
      { backtestId: first.id },
    ]);
    // Another version is another backtest.
    const published = await ok(
      admin.post(`/api/workflows/${workflowId}/versions/1/backtest`, { limit: 3 }),
      202,
    );

    const [{ final: big }, { final: small }] = await Promise.all([
      finished(first.id),
      finished(published.id),
    ]);
    expect(big.status).toBe('completed');
    expect(big.done).toBe(big.total);
    expect(big.results.entered + big.results.notEntered).toBe(big.total);
    // v1 against itself: the same counts on both sides.
    const { comparedWith, ...tested } = small.results;
    expect(tested).toMatchObject({ version: 1, entered: 3 });
    expect(comparedWith).toEqual(tested);
  });

  it('refuses a limit out of range and an unknown version', async () => {
    for (const limit of [0, 501, 2.5]) {
      const res = await engineer.post(`/api/workflows/${workflowId}/versions/2/backtest`, { limit });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const missing = await engineer.post(`/api/workflows/${workflowId}/versions/99/backtest`, {});
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    const unknown = await engineer.get('/api/backtests/00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
