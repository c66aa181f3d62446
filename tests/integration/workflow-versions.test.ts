import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

// A call-back workflow for leads named "History…": wait, then leave a task whose title names the
// version's wording. v2 changes the task's settings and adds an explicit end.
function callBack(version: 'v1' | 'v2') {
  const v2 = version === 'v2';
  return {
    schemaVersion: 1,
    key: 'call-back',
    name: 'Call back',
    triggers: [
      {
        id: 'created',
        kind: 'record',
        entity: 'lead',
        event: 'created',
        condition: { startsWith: [{ var: 'lead.name' }, 'History'] },
      },
    ],
    steps: [
      { id: 'wait', type: 'delay', config: { amount: v2 ? 4 : 1, unit: 'seconds' } },
      {
        id: 'contact_task',
        type: 'create_task',
        title: 'Contact task',
        config: { title: `Call back (${version})`, dueInBusinessDays: v2 ? 2 : 1 },
      },
      ...(v2 ? [{ id: 'done', type: 'end', config: {} }] : []),
    ],
    transitions: [
      { id: 'start', from: 'created', to: 'wait' },
      { id: 'then_task', from: 'wait', to: 'contact_task' },
      ...(v2 ? [{ id: 'finish', from: 'contact_task', to: 'done' }] : []),
    ],
  };
}

describe('workflow version history, diff and restore', () => {
  let product: Product;
  let admin: ApiClient;
  let workflowId: string;
  const ok = (res: Promise<ApiResponse>, status = 200) => expectStatus(product, res, status);

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const created = await ok(admin.post('/api/workflows', { definition: callBack('v1') }), 201);
    workflowId = created.id;
    await ok(admin.post(`/api/workflows/${workflowId}/versions/1/publish`, { note: 'First' }));
    await ok(admin.post(`/api/workflows/${workflowId}/versions`, { definition: callBack('v2') }), 201);
    await ok(admin.post(`/api/workflows/${workflowId}/versions/2/publish`, { note: 'Two days' }));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function runOf(leadId: string, status?: string) {
    return eventually(
      async () => {
        const runs = (await admin.get(`/api/runs?workflowId=${workflowId}&recordId=${leadId}`)).body.items;
        return runs.find((r: { status: string }) => status === undefined || r.status === status);
      },
      30_000,
      `the run on lead ${leadId}`,
    );
  }

  async function callBackTask(leadId: string): Promise<{ title: string; origin: { version: number } }> {
    return eventually(
      async () => {
        const lead = (await admin.get(`/api/leads/${leadId}`)).body;
        if (!lead.owner) return undefined;
        const tasks = (await admin.get(`/api/tasks?assignee=${lead.owner.id}`)).body.items;
        return tasks.find(
          (t: { title: string; record: { id: string } | null }) =>
            t.record?.id === leadId && t.title.startsWith('Call back'),
        );
      },
      30_000,
      `the call-back task on lead ${leadId}`,
    );
  }

  it('lists the versions newest first with their state, who made them and how much changed', async () => {
    const history = await ok(admin.get(`/api/workflows/${workflowId}/versions`));
    expect(history).toMatchObject({ workflowId, activeVersion: 2 });
    expect(history.items).toEqual([
      expect.objectContaining({
        version: 2,
        status: 'published',
        state: 'active',
        note: 'Two days',
        createdBy: expect.objectContaining({ name: expect.any(String) }),
        publishedBy: expect.objectContaining({ name: expect.any(String) }),
        restoredFrom: null,
        // The wait's and contact_task's settings, the added end step and the arrow to it.
        changes: 4,
      }),
      expect.objectContaining({ version: 1, state: 'superseded', changes: null }),
    ]);
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    expect((await manager.get(`/api/workflows/${workflowId}/versions`)).status).toBe(200);
    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.get(`/api/workflows/${workflowId}/versions`)).body.code).toBe('FORBIDDEN');
  });

  it('diffs two versions: each changed setting with its values, added steps and arrows', async () => {
    const diff = await ok(admin.get(`/api/workflows/${workflowId}/versions/1/diff/2`));
    expect(diff).toMatchObject({ from: 1, to: 2, workflow: [], triggers: [], changeCount: 4 });
    expect(diff.steps).toEqual([
      expect.objectContaining({
        change: 'changed',
        id: 'contact_task',
        fields: [
          { path: 'config.dueInBusinessDays', before: 1, after: 2 },
          { path: 'config.title', before: 'Call back (v1)', after: 'Call back (v2)' },
        ],
      }),
      { change: 'added', id: 'done', after: { config: {}, id: 'done', type: 'end' } },
      expect.objectContaining({
        change: 'changed',
        id: 'wait',
        fields: [{ path: 'config.amount', before: 1, after: 4 }],
      }),
    ]);
    expect(diff.transitions).toEqual([
      { change: 'added', id: 'finish', after: { from: 'contact_task', id: 'finish', to: 'done' } },
    ]);

    const back = await ok(admin.get(`/api/workflows/${workflowId}/versions/2/diff/1`));
    expect(back.steps.map((s: { change: string; id: string }) => [s.id, s.change])).toEqual([
      ['contact_task', 'changed'],
      ['done', 'removed'],
      ['wait', 'changed'],
    ]);
    const again = await admin.get(`/api/workflows/${workflowId}/versions/1/diff/2`);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(diff));

    const missing = await admin.get(`/api/workflows/${workflowId}/versions/1/diff/9`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', details: { workflowId, version: 9 } });
  });

  it('restores v1 as a new draft, publishes it, and leaves a run in flight on v2', async () => {
    const inFlight = (await ok(admin.post('/api/leads', { name: 'History early' }), 201)).id as string;
    expect((await runOf(inFlight, 'running')).version).toBe(2);

    // Who may draft may restore, but only an admin may publish with it (the draft below is v3:
    // the refused request wrote nothing).
    const engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    const refused = await engineer.post(`/api/workflows/${workflowId}/versions/1/restore`, { publish: true });
    expect(refused.body.code).toBe('FORBIDDEN');
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    expect((await manager.post(`/api/workflows/${workflowId}/versions/1/restore`)).status).toBe(403);
    expect((await admin.post(`/api/workflows/${workflowId}/versions/9/restore`)).body.code).toBe('NOT_FOUND');

    const drafted = await ok(admin.post(`/api/workflows/${workflowId}/versions/1/restore`), 201);
    expect(drafted.activeVersion.version).toBe(2);
    expect(drafted.versions[0]).toMatchObject({ version: 3, status: 'draft', note: 'Restored from v1' });
    const [v1, v3] = await Promise.all([
      ok(admin.get(`/api/workflows/${workflowId}/versions/1`)),
      ok(admin.get(`/api/workflows/${workflowId}/versions/3`)),
    ]);
    expect(v3.definition).toEqual(v1.definition);
    expect((await ok(admin.get(`/api/workflows/${workflowId}/versions/1/diff/3`))).changeCount).toBe(0);

    await ok(admin.post(`/api/workflows/${workflowId}/versions/3/publish`, { note: 'Back to one day' }));
    const late = (await ok(admin.post('/api/leads', { name: 'History late' }), 201)).id as string;

    expect(await callBackTask(late)).toMatchObject({ title: 'Call back (v1)', origin: { version: 3 } });
    expect(await callBackTask(inFlight)).toMatchObject({ title: 'Call back (v2)', origin: { version: 2 } });
    expect((await runOf(inFlight, 'completed')).version).toBe(2);
  });

  it('documents the three operations in the OpenAPI document with their schemas', async () => {
    const doc = await ok(new ApiClient(product.baseUrl).get('/api/openapi.json'));
    const json = (op: any, status: string) => op.responses[status].content['application/json'].schema;
    const diff = json(doc.paths['/api/workflows/{id}/versions/{from}/diff/{to}'].get, '200');
    expect(Object.keys(diff.properties)).toEqual(
      expect.arrayContaining(['steps', 'transitions', 'triggers', 'changeCount', 'layoutOnly']),
    );
    const history = json(doc.paths['/api/workflows/{id}/versions'].get, '200');
    expect(history.properties.items.items.properties.state.enum).toEqual(['draft', 'active', 'superseded']);
    const restore = doc.paths['/api/workflows/{id}/versions/{version}/restore'].post;
    expect(restore.requestBody.content['application/json'].schema.properties).toHaveProperty('publish');
    expect(json(restore, '201').properties).toHaveProperty('activeVersion');
  });

  it('restores and publishes in one step, and the history says where the version came from', async () => {
    const restored = await ok(
      admin.post(`/api/workflows/${workflowId}/versions/2/restore`, {
        publish: true,
        note: 'Two days again',
      }),
      201,
    );
    expect(restored.activeVersion).toMatchObject({ version: 4, status: 'published', note: 'Two days again' });

    const history = await ok(admin.get(`/api/workflows/${workflowId}/versions`));
    expect(
      history.items.map((v: any) => [v.version, v.state, v.restoredFrom, v.changes, v.publishedBy !== null]),
    ).toEqual([
      [4, 'active', 2, 4, true],
      [3, 'superseded', 1, 4, true],
      [2, 'superseded', null, 4, true],
      [1, 'superseded', null, null, true],
    ]);
  });
});
