import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';
import { reportFigures } from './support/figures';
import { manualDefinition, publishOrderProblem } from './support/publish-order';
import { countAnswers, raceTable, type RaceRow } from './support/race-figures';
import { pool } from './support/send';

jest.setTimeout(900_000);

type Row = Record<string, any>;

const QUOTES = 100;
const PATCHERS = 50;

/**
 * Races against the whole product: simultaneous approval decisions (Temporal Updates), concurrent
 * edits of one record (optimistic locking), simultaneous publishes and creates. Each race states its
 * invariant; the figures table says how the answers split and whether the invariant held.
 */
describe('races', () => {
  let product: Product;
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;
  const me = {} as Record<keyof typeof as, string>;
  const rows: RaceRow[] = [];

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const no5xx = (responses: ApiResponse[]) => responses.every((r) => r.status < 500);

  function record(row: Omit<RaceRow, 'ms'>, started: number): void {
    rows.push({ ...row, ms: Date.now() - started });
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'manager'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      me[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
  });

  afterAll(async () => {
    if (rows.length > 0) reportFigures('races', raceTable(rows));
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it(`decides each of ${QUOTES} quotes once when its two approvers answer at the same moment`, async () => {
    const workflow = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'quote-approval',
    )!;
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflow.id}/versions/1`));
    // Either the rep's manager or the admin decides: two people who may race.
    definition.steps.find((s: Row) => s.id === 'approve').config.stages[0].approvers = [
      { kind: 'manager_of_owner' },
      { kind: 'user', userId: me.admin },
    ];
    const saved = await ok(as.admin.post(`/api/workflows/${workflow.id}/versions`, { definition }), 201);
    const draft = Math.max(...(saved.versions as Row[]).map((v) => v.version));
    await ok(
      as.admin.post(`/api/workflows/${workflow.id}/versions/${draft}/publish`, { note: 'Two approvers' }),
    );

    const account = await ok(as.rep1.post('/api/accounts', { name: 'Race Works' }), 201);
    const opportunity = await ok(
      as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Race deal' }),
      201,
    );
    const productRow = await ok(
      as.manager.post('/api/products', { sku: 'RACE-1', name: 'Seat', unitPrice: '100.00' }),
      201,
    );
    const quoteIds: string[] = [];
    await pool(
      Array.from({ length: QUOTES }, (_, i) => i),
      8,
      async (i) => {
        const quote = await ok(
          as.rep1.post('/api/quotes', {
            opportunityId: opportunity.id,
            name: `Race quote ${i}`,
            lines: [{ productId: productRow.id, quantity: 2, discountPercent: 15 }],
          }),
          201,
        );
        await ok(as.rep1.post(`/api/quotes/${quote.id}/submit`));
        quoteIds.push(quote.id);
      },
    );
    const approvals = await eventually(
      async () => {
        const pending = await pendingApprovals();
        const mine = quoteIds.map((id) => pending.get(id));
        return mine.every((a) => a?.approvers.length === 2) ? (mine as Row[]) : undefined;
      },
      180_000,
      `${QUOTES} pending two-approver requests`,
    );

    const started = Date.now();
    const pairs = await Promise.all(
      approvals.map((approval) => {
        const path = `/api/approvals/${encodeURIComponent(approval.id)}/actions`;
        return Promise.all([
          as.manager.post(path, { action: 'approve', comment: 'manager says yes' }),
          as.admin.post(path, { action: 'reject', comment: 'admin says no' }),
        ]);
      }),
    );
    const split = pairs.map(([byManager, byAdmin]) => [byManager.status, byAdmin.status].sort().join('+'));
    const oneWinner = pairs.every(([a, b]) => {
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      return winner.status === 200 && loser.status === 409 && loser.body.code === 'APPROVAL_NOT_PENDING';
    });

    const managerWins = pairs.filter(([m]) => m.status === 200).length;
    const row: RaceRow = {
      race: `${QUOTES} approve + reject pairs, two sessions (manager won ${managerWins}, admin ${QUOTES - managerWins})`,
      attempts: QUOTES * 2,
      answers: countAnswers(pairs.flat()),
      invariant: 'per pair one 200 and one 409 APPROVAL_NOT_PENDING; request and quote follow the winner',
      held: oneWinner,
      ms: Date.now() - started,
    };
    rows.push(row);
    expect(new Set(split)).toEqual(new Set(['200+409']));
    expect(oneWinner).toBe(true);

    // The stored request and the quote follow the winner, and only the winner.
    const mismatches: string[] = [];
    await pool(approvals, 8, async (approval) => {
      const [byManager] = pairs[approvals.indexOf(approval)]!;
      const managerWon = byManager.status === 200;
      const final = await ok(as.admin.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
      const expected = managerWon ? 'approved' : 'rejected';
      if (final.status !== expected || final.decisions.length !== 1)
        mismatches.push(`${approval.id}: ${final.status} with ${final.decisions.length} decision(s)`);
      const quoteId = approval.record.id as string;
      await eventually(
        async () => {
          const quote = await ok(as.rep1.get(`/api/quotes/${quoteId}`));
          return quote.status === (managerWon ? 'approved' : 'draft') ? quote : undefined;
        },
        60_000,
        `quote ${quoteId} to follow the ${managerWon ? 'approval' : 'rejection'}`,
      );
    });
    row.held = mismatches.length === 0;
    expect(mismatches).toEqual([]);
  });

  it(`applies exactly one of ${PATCHERS} simultaneous edits made from the same version, and loses none made in turn`, async () => {
    const account = await ok(as.admin.post('/api/accounts', { name: 'Contended account' }), 201);
    const started = Date.now();
    const attempts = await Promise.all(
      Array.from({ length: PATCHERS }, (_, i) =>
        as.admin.request('PATCH', `/api/accounts/${account.id}`, {
          version: account.version,
          name: `Writer ${i}`,
        }),
      ),
    );
    const winners = attempts.flatMap((r, i) => (r.status === 200 ? [i] : []));
    const losersRefused = attempts.every(
      (r) => r.status === 200 || (r.status === 409 && r.body.code === 'CONFLICT'),
    );
    const stored = await ok(as.admin.get(`/api/accounts/${account.id}`));
    const held =
      winners.length === 1 &&
      losersRefused &&
      stored.name === `Writer ${winners[0]}` &&
      stored.version === account.version + 1;
    record(
      {
        race: `${PATCHERS} PATCHes of one account with the same version`,
        attempts: PATCHERS,
        answers: countAnswers(attempts),
        invariant: 'one 200, the rest 409 CONFLICT; the stored record is the winner’s',
        held,
      },
      started,
    );
    expect(winners).toHaveLength(1);
    expect(losersRefused).toBe(true);
    expect(stored).toMatchObject({ name: `Writer ${winners[0]}`, version: account.version + 1 });

    // One after another, each from the version it just read: every edit applies.
    const sequential = 20;
    const turnsStarted = Date.now();
    const turns: ApiResponse[] = [];
    for (let i = 0; i < sequential; i++) {
      const { version } = await ok(as.admin.get(`/api/accounts/${account.id}`));
      turns.push(
        await as.admin.request('PATCH', `/api/accounts/${account.id}`, { version, name: `Turn ${i}` }),
      );
    }
    const afterTurns = await ok(as.admin.get(`/api/accounts/${account.id}`));
    record(
      {
        race: `${sequential} PATCHes in turn, each from the version just read`,
        attempts: sequential,
        answers: countAnswers(turns),
        invariant: `all 200; version +${sequential}; the last one stored`,
        held:
          turns.every((r) => r.status === 200) &&
          afterTurns.version === account.version + 1 + sequential &&
          afterTurns.name === `Turn ${sequential - 1}`,
      },
      turnsStarted,
    );
    expect(afterTurns).toMatchObject({
      name: `Turn ${sequential - 1}`,
      version: account.version + 1 + sequential,
    });

    // Read-modify-write with retry on conflict: every writer's change must survive.
    const base = afterTurns.version as number;
    const writers = 20;
    const retryStarted = Date.now();
    const seen: ApiResponse[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, i) => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const current = await ok(as.admin.get(`/api/accounts/${account.id}`));
          const res = await as.admin.request('PATCH', `/api/accounts/${account.id}`, {
            version: current.version,
            name: `${current.name} w${i}`,
          });
          seen.push(res);
          if (res.status === 200) return;
          if (res.status !== 409) throw new Error(`writer ${i}: ${res.status} ${JSON.stringify(res.body)}`);
        }
        throw new Error(`writer ${i} never got its change in`);
      }),
    );
    const final = await ok(as.admin.get(`/api/accounts/${account.id}`));
    const kept = Array.from({ length: writers }, (_, i) => i).filter((i) =>
      (final.name as string).split(' ').includes(`w${i}`),
    );
    const noneLost = kept.length === writers && final.version === base + writers;
    record(
      {
        race: `${writers} writers appending to one name, retrying on 409`,
        attempts: seen.length,
        answers: countAnswers(seen),
        invariant: `all ${writers} appends present; version +${writers}`,
        held: noneLost && no5xx(seen),
      },
      retryStarted,
    );
    expect(kept).toHaveLength(writers);
    expect(final.version).toBe(base + writers);
  });

  it('keeps exactly one active version when the same or different versions are published at once', async () => {
    const created = await ok(
      as.admin.post('/api/workflows', { definition: manualDefinition('race-publish', 'v1') }),
      201,
    );
    const id = created.id as string;
    const addDraft = async (name: string) => {
      const saved = await ok(
        as.admin.post(`/api/workflows/${id}/versions`, {
          definition: manualDefinition('race-publish', name),
        }),
        201,
      );
      return Math.max(...(saved.versions as Row[]).map((v) => v.version));
    };
    const publish = (version: number, note: string) =>
      as.admin.post(`/api/workflows/${id}/versions/${version}/publish`, { note });

    const started = Date.now();
    const rounds = 10;
    const same: ApiResponse[] = [];
    const different: ApiResponse[] = [];
    const broken: string[] = [];
    let active = 0;
    for (let round = 0; round < rounds; round++) {
      // Version 1 is the draft the workflow was created with.
      const a = round === 0 ? 1 : await addDraft(`same ${round}`);
      const twice = await Promise.all([publish(a, 'first'), publish(a, 'second')]);
      same.push(...twice);
      if (
        twice
          .map((r) => r.status)
          .sort()
          .join('+') !== '200+409'
      )
        broken.push(`same version ${a}: ${twice.map((r) => r.status).join(', ')}`);
      const [b, c] = [await addDraft(`b ${round}`), await addDraft(`c ${round}`)];
      const both = await Promise.all([publish(b, `b ${round}`), publish(c, `c ${round}`)]);
      different.push(...both);
      if (!both.every((r) => r.status === 200))
        broken.push(`versions ${b} and ${c}: ${both.map((r) => r.status).join(', ')}`);
      const workflow = await ok(as.admin.get(`/api/workflows/${id}`));
      const problem = publishOrderProblem(await publishEntries(id), a, [b, c], workflow.activeVersion);
      if (problem) broken.push(`round ${round}: ${problem}`);
      active = workflow.activeVersion?.version ?? 0;
    }
    const listed = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find((w) => w.id === id)!;
    if (listed.activeVersion?.version !== active)
      broken.push(`the list shows v${listed.activeVersion?.version}`);
    record(
      {
        race: `${rounds} rounds: one version published twice at once, then two versions at once`,
        attempts: same.length + different.length,
        answers: countAnswers([...same, ...different]),
        invariant: 'same version: 200 + 409 CONFLICT; two versions: both 200, the last committed is active',
        held: broken.length === 0 && no5xx([...same, ...different]),
      },
      started,
    );
    expect(broken).toEqual([]);
    expect(no5xx([...same, ...different])).toBe(true);
  });

  it('creates a key once when many clients create it at the same moment', async () => {
    const started = Date.now();
    const kinds = await Promise.all(
      Array.from({ length: 20 }, () =>
        as.admin.post('/api/activity-kinds', { key: 'race_visit', label: 'Race visit' }),
      ),
    );
    const workflows = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        as.admin.post('/api/workflows', {
          definition: manualDefinition('race-create', `Racer ${i}`),
        }),
      ),
    );
    const all = [...kinds, ...workflows];
    const split = (responses: ApiResponse[]) =>
      responses.map((r) => `${r.status} ${r.body.code ?? ''}`.trim());
    const onceEach = [kinds, workflows].every((group) => {
      const answers = split(group);
      return (
        answers.filter((a) => a === '201').length === 1 &&
        answers.every((a) => a === '201' || a === '409 CONFLICT')
      );
    });
    record(
      {
        race: '20 creates of one activity-kind key, 10 of one workflow key',
        attempts: all.length,
        answers: countAnswers(all),
        invariant: 'one 201 per key, the rest 409 CONFLICT',
        held: onceEach,
      },
      started,
    );
    expect(split(kinds).sort()).toEqual(['201', ...Array(19).fill('409 CONFLICT')]);
    expect(split(workflows).sort()).toEqual(['201', ...Array(9).fill('409 CONFLICT')]);
  });

  async function publishEntries(workflowId: string): Promise<Row[]> {
    const page = await ok(as.admin.get(`/api/audit?entityType=workflow&entityId=${workflowId}&limit=200`));
    return (page.items as Row[]).filter((e) => e.action === 'workflow.version_published');
  }

  /** Pending requests by quote id (all pages). */
  async function pendingApprovals(): Promise<Map<string, Row>> {
    const byQuote = new Map<string, Row>();
    let cursor: string | null = null;
    do {
      const page: Row = await ok(
        as.admin.get(`/api/approvals?status=pending&limit=200${cursor ? `&cursor=${cursor}` : ''}`),
      );
      for (const a of page.items as Row[]) byQuote.set(a.record.id, a);
      cursor = page.nextCursor;
    } while (cursor);
    return byQuote;
  }
});
