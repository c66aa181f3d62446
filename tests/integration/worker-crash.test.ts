import { ApiClient, eventually } from '../support/api';
import {
  removeDataDir,
  startProduct,
  startWorker,
  type Product,
  type WorkerProcess,
} from '../support/product';

jest.setTimeout(300_000);

const LEADS = 24;

describe('a worker killed in the middle of runs', () => {
  let product: Product;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    // The API process runs no worker: runs only advance while the separate worker is up.
    product = await startProduct({ env: { BATON_ROLE: 'api' } });
  });

  afterAll(async () => {
    await worker?.stop();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('completes every run after a restart, with no task created twice', async () => {
    worker = await startWorker(product);
    const admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const reps = await Promise.all(
      ['rep1', 'rep2'].map((r) => ApiClient.login(product.baseUrl, `${r}@demo.baton`)),
    );
    const tasksByLead = async () => {
      const all = (
        await Promise.all(
          reps.map(async (rep) => (await rep.get('/api/tasks?assignee=me&limit=200')).body.items),
        )
      ).flat() as Array<{
        record: { id: string };
      }>;
      const counts = new Map<string, number>();
      for (const t of all) counts.set(t.record.id, (counts.get(t.record.id) ?? 0) + 1);
      return counts;
    };

    const ids = await Promise.all(
      Array.from(
        { length: LEADS },
        async (_, i) => (await admin.post('/api/leads', { name: `Crash lead ${i}` })).body.id as string,
      ),
    );
    // Kill -9 once some runs are done and others are not.
    await eventually(
      async () => ((await tasksByLead()).size > 0 ? true : undefined),
      90_000,
      'the first task',
    );
    await worker.crash();
    const before = await tasksByLead();
    const doneBeforeCrash = ids.filter((id) => before.has(id)).length;

    worker = await startWorker(product);
    const after = await eventually(
      async () => {
        const counts = await tasksByLead();
        return ids.every((id) => counts.has(id)) ? counts : undefined;
      },
      120_000,
      'a task for every lead',
    ).catch(async (err: Error) => {
      const runs = (await admin.get('/api/runs?limit=200')).body.items as Array<{
        status: string;
        trail: unknown[];
      }>;
      throw new Error(
        [
          err.message,
          `runs: ${JSON.stringify(runs.map((r) => [r.status, r.trail.length]))}`,
          `worker:\n${worker!.output().slice(-3000)}`,
          `api:\n${product.output().slice(-3000)}`,
        ].join('\n'),
      );
    });
    expect(ids.map((id) => after.get(id))).toEqual(ids.map(() => 1));
    expect(doneBeforeCrash).toBeLessThan(LEADS + 1);

    const runs = await eventually(
      async () => {
        const items = (await admin.get('/api/runs?limit=200')).body.items as Array<{
          status: string;
          record: { id: string };
          parentRunId: string | null;
        }>;
        const mine = items.filter((r) => ids.includes(r.record.id));
        const handoffs = mine.filter((r) => r.parentRunId === null);
        // Each handoff starts one SLA watch (a child run, still waiting): never two, crash or not.
        const watches = mine.filter((r) => r.parentRunId !== null);
        return handoffs.length === LEADS &&
          handoffs.every((r) => r.status === 'completed') &&
          watches.length === LEADS
          ? handoffs
          : undefined;
      },
      60_000,
      'every run to complete',
    );
    expect(runs).toHaveLength(LEADS);
  });
});
