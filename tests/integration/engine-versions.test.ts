import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

// A follow-up workflow that waits, then leaves a task whose title names the version that ran.
function followUp(version: string, waitSeconds: number) {
  return {
    schemaVersion: 1,
    key: 'follow-up',
    name: 'Follow-up',
    triggers: [
      {
        id: 'created',
        kind: 'record',
        entity: 'lead',
        event: 'created',
        condition: { startsWith: [{ var: 'lead.name' }, 'Pinned'] },
      },
    ],
    steps: [
      { id: 'wait', type: 'delay', config: { amount: waitSeconds, unit: 'seconds' } },
      { id: 'task', type: 'create_task', config: { title: `Follow up (${version})`, dueInBusinessDays: 2 } },
    ],
    transitions: [
      { id: 't1', from: 'created', to: 'wait' },
      { id: 't2', from: 'wait', to: 'task' },
    ],
  };
}

describe('published versions and running instances', () => {
  let product: Product;
  let admin: ApiClient;

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function followUpTasks(leadId: string) {
    const lead = (await admin.get(`/api/leads/${leadId}`)).body;
    if (!lead.owner) return undefined;
    const owner = await ApiClient.login(
      product.baseUrl,
      lead.owner.name === 'Riley Rep' ? 'rep1@demo.baton' : 'rep2@demo.baton',
    );
    const tasks = (await owner.get('/api/tasks?assignee=me')).body.items as Array<{
      title: string;
      record: { id: string };
      origin: { version: number };
    }>;
    const mine = tasks.filter((t) => t.record.id === leadId && t.title.startsWith('Follow up'));
    return mine.length > 0 ? mine : undefined;
  }

  it('finishes a run on the version it started with while new runs use the newly published one', async () => {
    const workflow = (await admin.post('/api/workflows', { definition: followUp('v1', 4) })).body;
    await admin.post(`/api/workflows/${workflow.id}/versions/1/publish`, { note: 'v1' });

    const early = (await admin.post('/api/leads', { name: 'Pinned early' })).body.id as string;
    // Publish v2 while the early run is still waiting in its delay.
    const v2 = await admin.post(`/api/workflows/${workflow.id}/versions`, { definition: followUp('v2', 1) });
    expect(v2.status).toBe(201);
    const published = await admin.post(`/api/workflows/${workflow.id}/versions/2/publish`, { note: 'v2' });
    expect(published.body.activeVersion.version).toBe(2);
    const late = (await admin.post('/api/leads', { name: 'Pinned late' })).body.id as string;

    const [earlyTask] = await eventually(() => followUpTasks(early), 30_000, 'the early follow-up');
    const [lateTask] = await eventually(() => followUpTasks(late), 30_000, 'the late follow-up');
    expect(earlyTask).toMatchObject({ title: 'Follow up (v1)', origin: { version: 1 } });
    expect(lateTask).toMatchObject({ title: 'Follow up (v2)', origin: { version: 2 } });
  });

  it('lists runs by workflow and version and shows a live trail while a run waits', async () => {
    const list = (await admin.get('/api/workflows')).body.items as Array<{ key: string; id: string }>;
    const workflowId = list.find((w) => w.key === 'follow-up')!.id;
    const finished = (await admin.get(`/api/runs?workflowId=${workflowId}&status=completed`)).body
      .items as Array<any>;
    expect(finished.map((r) => r.version).sort()).toEqual([1, 2]);
    for (const run of finished) {
      expect(run.trail.map((t: any) => [t.stepId, t.status])).toEqual([
        ['wait', 'completed'],
        ['task', 'completed'],
      ]);
      expect(Date.parse(run.trail[1].startedAt)).toBeGreaterThanOrEqual(Date.parse(run.trail[0].finishedAt));
    }

    await admin.post(`/api/workflows/${workflowId}/versions`, { definition: followUp('v3', 6) });
    await admin.post(`/api/workflows/${workflowId}/versions/3/publish`, { note: 'v3' });
    const leadId = (await admin.post('/api/leads', { name: 'Pinned waiting' })).body.id as string;
    const [pending] = await eventually(
      async () => {
        const items = (await admin.get(`/api/runs?recordId=${leadId}&workflowId=${workflowId}`)).body
          .items as Array<any>;
        return items.length ? items : undefined;
      },
      20_000,
      'the run to be listed',
    );
    const live = await eventually(
      async () => {
        const run = (await admin.get(`/api/runs/${pending.id}`)).body;
        return run.trail.length > 0 ? run : undefined;
      },
      20_000,
      'a live trail',
    );
    expect(live).toMatchObject({
      status: 'running',
      version: 3,
      trail: [{ stepId: 'wait', type: 'delay', status: 'running' }],
    });
    const done = await eventually(
      async () => {
        const run = (await admin.get(`/api/runs/${pending.id}`)).body;
        return run.status === 'completed' ? run : undefined;
      },
      30_000,
      'the run to complete',
    );
    expect(done.trail.map((t: any) => t.status)).toEqual(['completed', 'completed']);

    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.get('/api/runs')).status).toBe(403);
    expect((await admin.get('/api/runs?cursor=not-a-cursor')).body.code).toBe('VALIDATION_FAILED');
  });

  it('cancels a waiting run: it is recorded as cancelled and its later steps never run', async () => {
    const list = (await admin.get('/api/workflows')).body.items as Array<{ key: string; id: string }>;
    const workflowId = list.find((w) => w.key === 'follow-up')!.id;
    await admin.post(`/api/workflows/${workflowId}/versions`, { definition: followUp('v4', 600) });
    await admin.post(`/api/workflows/${workflowId}/versions/4/publish`, { note: 'slow' });
    const leadId = (await admin.post('/api/leads', { name: 'Pinned cancelled' })).body.id as string;
    const [run] = await eventually(
      async () => {
        const items = (await admin.get(`/api/runs?recordId=${leadId}&workflowId=${workflowId}`)).body
          .items as Array<any>;
        return items.length ? items : undefined;
      },
      20_000,
      'the run',
    );

    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.post(`/api/runs/${run.id}/cancel`)).status).toBe(403);
    const cancelling = await manager.post(`/api/runs/${run.id}/cancel`);
    expect(cancelling.status).toBe(202);
    const cancelled = await eventually(
      async () => {
        const r = (await admin.get(`/api/runs/${run.id}`)).body;
        return r.status === 'cancelled' ? r : undefined;
      },
      20_000,
      'the run to be cancelled',
    );
    expect(cancelled.error).toMatchObject({ code: 'CANCELLED', stepId: 'wait' });
    expect(cancelled.trail).toEqual([
      expect.objectContaining({
        stepId: 'wait',
        status: 'failed',
        error: expect.objectContaining({ code: 'CANCELLED' }),
      }),
    ]);
    expect((await manager.post(`/api/runs/${run.id}/cancel`)).status).toBe(409);
    expect(await followUpTasks(leadId)).toBeUndefined();
  });

  it('keeps published versions immutable and numbered', async () => {
    const list = (await admin.get('/api/workflows')).body.items as Array<{
      key: string;
      id: string;
      versions: Array<{ version: number; status: string }>;
    }>;
    const followUpWorkflow = list.find((w) => w.key === 'follow-up')!;
    expect(followUpWorkflow.versions.map((v) => [v.version, v.status])).toEqual([
      [4, 'published'],
      [3, 'published'],
      [2, 'published'],
      [1, 'published'],
    ]);
    const v1 = (await admin.get(`/api/workflows/${followUpWorkflow.id}/versions/1`)).body;
    expect(v1.definition.steps[1].config.title).toBe('Follow up (v1)');
    expect(
      (await admin.post(`/api/workflows/${followUpWorkflow.id}/versions/1/publish`, { note: 'again' }))
        .status,
    ).toBe(409);
  });
});
