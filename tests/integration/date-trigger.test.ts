import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Date triggers ("1 hour before opportunity.offerDeadline"), swept every half second here: they
 * fire once when the moment comes, re-arm when the date moves, and skip records that no longer
 * meet the trigger's condition.
 */
describe('date-relative triggers', () => {
  let product: Product;
  let rep1: ApiClient;
  let admin: ApiClient;
  let accountId: string;
  let workflowId: string;
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  const runsOf = async (recordId: string): Promise<Row[]> =>
    (await ok(admin.get(`/api/runs?recordId=${recordId}&workflowId=${workflowId}`))).items;

  async function opportunity(name: string, deadlineInMs: number): Promise<Row> {
    return ok(
      rep1.post('/api/opportunities', {
        accountId,
        name,
        offerDeadline: new Date(Date.now() + HOUR + deadlineInMs).toISOString(),
      }),
      201,
    );
  }

  async function patch(id: string, changes: Row): Promise<void> {
    const { version } = await ok(rep1.get(`/api/opportunities/${id}`));
    await ok(rep1.request('PATCH', `/api/opportunities/${id}`, { version, ...changes }));
  }

  beforeAll(async () => {
    product = await startProduct({ env: { BATON_DATE_SWEEP_MS: '500' } });
    rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    accountId = (await ok(rep1.post('/api/accounts', { name: 'Deadline Ltd' }), 201)).id;
    const definition = {
      schemaVersion: 1,
      key: 'offer-deadline',
      name: 'Offer deadline reminder',
      triggers: [
        {
          id: 'hour_before_deadline',
          kind: 'record',
          entity: 'opportunity',
          event: 'date',
          field: 'offerDeadline',
          offset: { amount: 1, unit: 'hours', direction: 'before' },
          condition: { '!': { in: [{ var: 'opportunity.stage' }, ['closed_won', 'closed_lost']] } },
        },
      ],
      steps: [
        {
          id: 'remind',
          type: 'notify',
          config: { title: 'Offer due within the hour: {{opportunity.name}}' },
        },
      ],
      transitions: [{ id: 'go', from: 'hour_before_deadline', to: 'remind' }],
    };
    workflowId = (await ok(admin.post('/api/workflows', { definition }), 201)).id;
    await ok(admin.post(`/api/workflows/${workflowId}/versions/1/publish`, { note: 'Reminders' }));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('refuses a date trigger on a field that is not a date', async () => {
    const res = await ok(
      admin.post('/api/workflows/validate', {
        definition: {
          schemaVersion: 1,
          key: 'bad',
          name: 'Bad',
          triggers: [{ id: 'when', kind: 'record', entity: 'opportunity', event: 'date', field: 'name' }],
          steps: [{ id: 'done', type: 'end', config: {} }],
          transitions: [{ id: 't', from: 'when', to: 'done' }],
        },
      }),
    );
    expect(res.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRIGGER', nodeId: 'when' })]);
  });

  it('fires once when the moment comes, and tells the owner', async () => {
    const deal = await opportunity('Due soon', 2_000);
    expect(await runsOf(deal.id)).toEqual([]);
    const [run] = await eventually(
      async () => {
        const runs = await runsOf(deal.id);
        return runs.length > 0 ? runs : undefined;
      },
      30_000,
      'the reminder run',
    );
    await eventually(
      async () =>
        ((await ok(rep1.get('/api/notifications'))).items as Row[]).find(
          (n) => n.title === 'Offer due within the hour: Due soon',
        ),
      30_000,
      'the reminder',
    );
    // Many sweeps later, still one run.
    await sleep(2_000);
    expect((await runsOf(deal.id)).map((r) => r.id)).toEqual([run!.id]);
  });

  it('re-arms when the date moves, and skips a record that no longer qualifies', async () => {
    const moved = await opportunity('Moved deadline', 120_000);
    const won = await opportunity('Won early', 3_000);
    await patch(moved.id, { offerDeadline: new Date(Date.now() + HOUR + 2_000).toISOString() });
    await patch(won.id, { stage: 'closed_won' });
    await eventually(
      async () => ((await runsOf(moved.id)).length === 1 ? true : undefined),
      30_000,
      'the reminder at the moved time',
    );
    await sleep(3_000);
    expect(await runsOf(won.id)).toEqual([]);
  });
});
