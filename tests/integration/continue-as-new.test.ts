import { Client, Connection } from '@temporalio/client';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * A long-running loop (wait a second for the case to be resolved, again and again) with a tiny
 * history limit: the run continues as new between steps, keeps its path, and still ends when the
 * case is resolved.
 */
describe('long runs continue as new', () => {
  let product: Product;
  let admin: ApiClient;
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  beforeAll(async () => {
    product = await startProduct({ env: { BATON_HISTORY_LIMIT: '40' } });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('keeps going across new histories and finishes with its whole path', async () => {
    const definition = {
      schemaVersion: 1,
      key: 'case-watch',
      name: 'Watch a case',
      triggers: [{ id: 'opened', kind: 'record', entity: 'case', event: 'created' }],
      steps: [
        {
          id: 'watch',
          type: 'wait_for',
          config: {
            until: { '==': [{ var: 'case.status' }, 'resolved'] },
            timeout: { amount: 1, unit: 'seconds' },
          },
        },
        { id: 'resolved', type: 'branch', config: {} },
        { id: 'done', type: 'end', config: {} },
      ],
      transitions: [
        { id: 'start', from: 'opened', to: 'watch' },
        { id: 'looked', from: 'watch', to: 'resolved' },
        {
          id: 'yes',
          from: 'resolved',
          to: 'done',
          condition: { '==': [{ var: 'steps.watch.outcome' }, 'met'] },
        },
        { id: 'again', from: 'resolved', to: 'watch' },
      ],
    };
    const workflow = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${workflow.id}/versions/1/publish`, { note: 'Watch' }));
    const account = await ok(admin.post('/api/accounts', { name: 'Long Runs Ltd' }), 201);
    const opened = await ok(admin.post('/api/cases', { accountId: account.id, subject: 'Slow burn' }), 201);
    const [listed] = await eventually(
      async () => {
        const runs = (await ok(admin.get(`/api/runs?workflowId=${workflow.id}`))).items as Row[];
        return runs.length > 0 ? runs : undefined;
      },
      30_000,
      'the run',
    );

    const connection = await Connection.connect({ address: product.temporalAddress });
    try {
      const handle = new Client({ connection, namespace: 'baton' }).workflow.getHandle(listed!.id);
      // Wait until the run has continued as new at least once.
      await eventually(
        async () => {
          const { events } = await handle.fetchHistory();
          const started = events?.[0]?.workflowExecutionStartedEventAttributes;
          return started?.continuedExecutionRunId ? true : undefined;
        },
        60_000,
        'the run to continue as new',
      );
      const current = await ok(admin.get(`/api/cases/${opened.id}`));
      await ok(
        admin.request('PATCH', `/api/cases/${opened.id}`, { version: current.version, status: 'resolved' }),
      );
      const done = await eventually(
        async () => {
          const run = await ok(admin.get(`/api/runs/${listed!.id}`));
          return run.status === 'completed' ? run : undefined;
        },
        30_000,
        'the run to finish',
      );
      const path = done.trail.map((t: Row) => t.stepId);
      expect(path.filter((s: string) => s === 'watch').length).toBeGreaterThan(3);
      expect(path.slice(-3)).toEqual(['watch', 'resolved', 'done']);
      expect(path.slice(0, 4)).toEqual(['watch', 'resolved', 'watch', 'resolved']);
    } finally {
      await connection.close();
    }
  });
});
