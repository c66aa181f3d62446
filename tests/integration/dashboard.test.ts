import { Client } from 'pg';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;
type Who = 'admin' | 'rep1' | 'rep2' | 'manager' | 'approver' | 'engineer';
type Viewer = 'admin' | 'rep1' | 'rep2' | 'manager';

const VIEWERS: Viewer[] = ['admin', 'rep1', 'rep2', 'manager'];
const DAY = 86_400_000;

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const noonUtc = (daysAgo: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, 12));
};
const cents = (amount: string) => Math.round(Number(amount) * 100);

/**
 * The dashboard over the real product with its demo data: every check compares the numbers before
 * and after records are made through the API, for a rep, the other rep, their manager and an admin.
 */
describe('dashboard', () => {
  let product: Product;
  let db: Client;
  const as = {} as Record<Who, ApiClient>;
  const me = {} as Record<Who, string>;
  const accounts = {} as Record<'rep1' | 'rep2', string>;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const board = (who: Viewer) => ok(as[who].get('/api/dashboard'));
  async function boards(): Promise<Record<Viewer, Row>> {
    const all = {} as Record<Viewer, Row>;
    for (const who of VIEWERS) all[who] = await board(who);
    return all;
  }

  async function lead(name: string, ownerId: string | null, status: string): Promise<Row> {
    const created = await ok(as.admin.post('/api/leads', { name }), 201);
    return ok(
      as.admin.request('PATCH', `/api/leads/${created.id}`, { version: created.version, ownerId, status }),
    );
  }

  async function resolve(caseId: string, who: ApiClient = as.rep1): Promise<void> {
    const current = await ok(who.get(`/api/cases/${caseId}`));
    await ok(who.request('PATCH', `/api/cases/${caseId}`, { version: current.version, status: 'resolved' }));
  }

  async function workflowId(key: string): Promise<string> {
    return ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find((w) => w.key === key)!.id;
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'rep2', 'manager', 'approver', 'engineer'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      me[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
    db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    // New leads stay with whoever the test gives them to, and make no hand-off tasks.
    await ok(as.admin.post(`/api/workflows/${await workflowId('lead-handoff')}/archive`));
    accounts.rep1 = (await ok(as.rep1.post('/api/accounts', { name: 'Dashboard Rep1 Corp' }), 201)).id;
    accounts.rep2 = (await ok(as.rep2.post('/api/accounts', { name: 'Dashboard Rep2 Corp' }), 201)).id;
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it("covers a rep's own records, a manager's team and everyone for an admin; other roles are refused", async () => {
    const { admin, rep1, manager } = await boards();
    expect(rep1.scope).toEqual({ kind: 'own', people: 1 });
    // Morgan Manager, and the two reps who report to them.
    expect(manager.scope).toEqual({ kind: 'team', people: 3 });
    expect(admin.scope).toEqual({ kind: 'everyone', people: null });

    const days = rep1.slaBreaches.days as Row[];
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.day).toBe(utcDay(Date.now()));
    expect(days[0]!.day).toBe(utcDay(Date.now() - 29 * DAY));
    expect(rep1.renewals.weeks).toHaveLength(13);
    expect(rep1.renewals.weeks[0].start).toBe(utcDay(Date.now()));
    expect(rep1.renewals.to).toBe(utcDay(Date.now() + 90 * DAY));
    expect(rep1.leadFunnel.stages.map((s: Row) => s.status)).toEqual([
      'new',
      'working',
      'qualified',
      'converted',
      'unqualified',
    ]);

    for (const who of ['approver', 'engineer'] as const) {
      const refused = await as[who].get('/api/dashboard');
      expect([who, refused.status, refused.body.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await new ApiClient(product.baseUrl).get('/api/dashboard')).status).toBe(401);
  });

  it('counts leads by stage for their owners', async () => {
    const before = await boards();
    await lead('Funnel Working', me.rep1, 'working');
    await lead('Funnel Qualified', me.rep1, 'qualified');
    await lead('Funnel New', me.rep2, 'new');
    await lead('Funnel Dropped', null, 'unqualified');
    const after = await boards();

    const moved = (who: Viewer) =>
      Object.fromEntries(
        (after[who].leadFunnel.stages as Row[]).map((s, i) => [
          s.status,
          s.count - before[who].leadFunnel.stages[i].count,
        ]),
      );
    expect(moved('rep1')).toEqual({ new: 0, working: 1, qualified: 1, converted: 0, unqualified: 0 });
    expect(moved('rep2')).toEqual({ new: 1, working: 0, qualified: 0, converted: 0, unqualified: 0 });
    // The unowned lead is nobody's team's: only the admin sees it.
    expect(moved('manager')).toEqual({ new: 1, working: 1, qualified: 1, converted: 0, unqualified: 0 });
    expect(moved('admin')).toEqual({ new: 1, working: 1, qualified: 1, converted: 0, unqualified: 1 });
    expect(after.admin.leadFunnel.total - before.admin.leadFunnel.total).toBe(4);
  });

  it('counts open tasks past their due time per assignee, and forgets them once done', async () => {
    const overdue = (board: Row, id: string): number =>
      (board.overdueTasks.people as Row[]).find((p) => p.assignee.id === id)?.count ?? 0;
    const before = await boards();
    const task = (assigneeId: string, title: string, dueAt: number) =>
      ok(as.manager.post('/api/tasks', { title, assigneeId, dueAt: new Date(dueAt).toISOString() }), 201);
    const late = await task(me.rep1, 'Call back, late', Date.now() - 3_600_000);
    await task(me.rep1, 'Send the deck, late', Date.now() - 7_200_000);
    await task(me.rep2, 'Book the demo, late', Date.now() - 3_600_000);
    await task(me.rep1, 'Plan next week', Date.now() + DAY);
    await ok(as.rep1.post(`/api/tasks/${late.id}/complete`));
    const after = await boards();

    expect(overdue(after.rep1, me.rep1) - overdue(before.rep1, me.rep1)).toBe(1);
    expect(overdue(after.rep2, me.rep2) - overdue(before.rep2, me.rep2)).toBe(1);
    expect(overdue(after.manager, me.rep1) - overdue(before.manager, me.rep1)).toBe(1);
    expect(overdue(after.manager, me.rep2) - overdue(before.manager, me.rep2)).toBe(1);
    // A rep's chart has one bar: their own.
    expect((after.rep1.overdueTasks.people as Row[]).map((p) => p.assignee.id)).toEqual([me.rep1]);
    expect(after.rep1.overdueTasks.people[0]).toMatchObject({ assignee: { name: 'Riley Rep' } });
    expect(after.rep1.overdueTasks.total).toBe(after.rep1.overdueTasks.people[0].count);
    expect(after.admin.overdueTasks.total - before.admin.overdueTasks.total).toBe(2);
  });

  it('counts a case whose SLA ran out before it was settled as a breach on that day, however late it was resolved', async () => {
    const yesterday = noonUtc(1);
    const twoDaysAgo = noonUtc(2);
    const on = (board: Row, at: Date): number =>
      (board.slaBreaches.days as Row[]).find((d) => d.day === utcDay(at.getTime()))!.breaches;
    const setSla = (id: string, at: Date | 'now') =>
      at === 'now'
        ? db.query(`update cases set sla_due_at = now() where id = $1`, [id])
        : db.query(`update cases set sla_due_at = $2 where id = $1`, [id, at]);
    const open = (who: ApiClient, accountId: string, subject: string) =>
      ok(who.post('/api/cases', { accountId, subject }), 201);

    const before = await boards();
    const stillOpen = await open(as.rep1, accounts.rep1, 'Still waiting');
    await setSla(stillOpen.id, yesterday);
    const resolvedLate = await open(as.rep1, accounts.rep1, 'Answered too late');
    await setSla(resolvedLate.id, yesterday);
    await resolve(resolvedLate.id);
    const resolvedInTime = await open(as.rep1, accounts.rep1, 'Answered in time');
    await resolve(resolvedInTime.id);
    await setSla(resolvedInTime.id, 'now');
    await open(as.rep1, accounts.rep1, 'Not due yet');
    const rep2Case = await open(as.rep2, accounts.rep2, 'Rep2 forgot');
    await setSla(rep2Case.id, twoDaysAgo);
    const after = await boards();

    const moved = (who: Viewer, at: Date) => on(after[who], at) - on(before[who], at);
    expect([moved('rep1', yesterday), moved('rep1', twoDaysAgo)]).toEqual([2, 0]);
    expect([moved('rep2', yesterday), moved('rep2', twoDaysAgo)]).toEqual([0, 1]);
    expect([moved('manager', yesterday), moved('manager', twoDaysAgo)]).toEqual([2, 1]);
    expect([moved('admin', yesterday), moved('admin', twoDaysAgo)]).toEqual([2, 1]);
    expect(after.rep1.slaBreaches.totalBreaches - before.rep1.slaBreaches.totalBreaches).toBe(2);
    // Of rep1's two breaches, only the unresolved one is still open.
    expect(after.rep1.slaBreaches.openBreaches - before.rep1.slaBreaches.openBreaches).toBe(1);
    expect(after.manager.slaBreaches.openBreaches - before.manager.slaBreaches.openBreaches).toBe(2);
  });

  it('counts each escalation against the person the case was taken from', async () => {
    // The shipped escalation with a two-second SLA, so a case climbs while the test watches.
    const id = await workflowId('case-escalation');
    const workflow = await ok(as.admin.get(`/api/workflows/${id}`));
    const latest = Math.max(...(workflow.versions as Row[]).map((v) => v.version));
    const { definition } = await ok(as.admin.get(`/api/workflows/${id}/versions/${latest}`));
    definition.steps.find((s: Row) => s.id === 'within_sla').config = {
      until: { in: [{ var: 'case.status' }, ['resolved', 'closed']] },
      timeout: { amount: 2, unit: 'seconds' },
    };
    const saved = await ok(as.admin.post(`/api/workflows/${id}/versions`, { definition }), 201);
    const version = Math.max(...(saved.versions as Row[]).map((v) => v.version));
    await ok(as.admin.post(`/api/workflows/${id}/versions/${version}/publish`, { note: 'Two-second SLA' }));

    const today = (board: Row): number => (board.slaBreaches.days as Row[]).at(-1)!.escalations;
    const before = await boards();
    const climbing = await ok(
      as.rep1.post('/api/cases', { accountId: accounts.rep1, subject: 'Climbing' }),
      201,
    );
    // rep1 → their manager → the manager's manager (the admin), who has nobody above.
    await eventually(
      async () =>
        (await ok(as.admin.get(`/api/cases/${climbing.id}`))).owner?.id === me.admin ? true : undefined,
      60_000,
      'the case to climb to the admin',
    );
    await resolve(climbing.id, as.admin);
    const after = await boards();

    expect(today(after.rep1) - today(before.rep1)).toBe(1);
    expect(today(after.rep2) - today(before.rep2)).toBe(0);
    expect(today(after.manager) - today(before.manager)).toBe(2);
    expect(today(after.admin) - today(before.admin)).toBe(2);
    expect(after.rep1.slaBreaches.totalEscalations - before.rep1.slaBreaches.totalEscalations).toBe(1);
  });

  it('reports the last week of runs per workflow with its failure rate, on the records each viewer covers', async () => {
    const publish = async (key: string, step: Row): Promise<Row> => {
      const definition = {
        schemaVersion: 1,
        key,
        name: key.replace(/-/g, ' '),
        triggers: [{ id: 'by_hand', kind: 'record', entity: 'lead', event: 'manual' }],
        steps: [step],
        transitions: [{ id: 't0', from: 'by_hand', to: step.id }],
      };
      const created = await ok(as.admin.post('/api/workflows', { definition }), 201);
      await ok(as.admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: 'test' }));
      return created;
    };
    const settled = async (workflow: Row, recordId: string): Promise<string> => {
      const { runId } = await ok(as.admin.post(`/api/workflows/${workflow.id}/runs`, { recordId }), 202);
      return eventually(
        async () => {
          const run = await ok(as.admin.get(`/api/runs/${encodeURIComponent(runId)}`));
          return run.status === 'running' ? undefined : (run.status as string);
        },
        60_000,
        `run ${runId} to finish`,
      );
    };
    const ownerTask = await publish('dash-owner-task', {
      id: 'owner_task',
      type: 'create_task',
      config: { title: 'Look at this lead', assignee: { kind: 'record_owner' }, dueInBusinessDays: 5 },
    });
    const broken = await publish('dash-calls-nothing', {
      id: 'call',
      type: 'call_workflow',
      config: { workflow: 'no-such-workflow' },
    });
    const owned = await lead('Runs Owned', me.rep1, 'new');
    const unowned = await lead('Runs Unowned', null, 'new');
    // A task for the owner: done on rep1's lead, impossible on a lead nobody owns.
    expect(await settled(ownerTask, owned.id)).toBe('completed');
    expect(await settled(ownerTask, unowned.id)).toBe('failed');
    expect(await settled(broken, owned.id)).toBe('failed');

    const { admin, rep1, rep2, manager } = await boards();
    const stats = (board: Row, workflow: Row) =>
      (board.workflowRuns.workflows as Row[]).find((w) => w.workflow.id === workflow.id);
    expect(stats(admin, ownerTask)).toEqual({
      workflow: { id: ownerTask.id, name: 'dash owner task' },
      runs: 2,
      completed: 1,
      failed: 1,
      cancelled: 0,
      running: 0,
      failureRate: 0.5,
    });
    expect(stats(admin, broken)).toMatchObject({ runs: 1, failed: 1, failureRate: 1 });
    for (const [who, board] of [
      ['rep1', rep1],
      ['manager', manager],
    ] as const) {
      expect([who, stats(board, ownerTask)]).toEqual([
        who,
        expect.objectContaining({ runs: 1, completed: 1, failed: 0, failureRate: 0 }),
      ]);
      expect([who, stats(board, broken)]).toEqual([
        who,
        expect.objectContaining({ runs: 1, failureRate: 1 }),
      ]);
    }
    expect(stats(rep2, ownerTask)).toBeUndefined();
    expect(stats(rep2, broken)).toBeUndefined();
    expect(Date.parse(admin.workflowRuns.since)).toBeLessThanOrEqual(Date.now() - 7 * DAY + 60_000);
  });

  it('buckets subscriptions ending in the next 90 days into weeks, with their amounts and statuses', async () => {
    const subscription = (
      who: ApiClient,
      accountId: string,
      inDays: number,
      amount: string,
      status?: string,
    ) =>
      ok(
        who.post('/api/subscriptions', {
          accountId,
          plan: `Plan ending in ${inDays} days`,
          startDate: utcDay(Date.now() - 300 * DAY),
          endDate: utcDay(Date.now() + inDays * DAY),
          amount,
          ...(status ? { renewalStatus: status } : {}),
        }),
        201,
      );
    const week = (board: Row, i: number): Row => board.renewals.weeks[i];
    const before = await boards();
    await subscription(as.rep1, accounts.rep1, 3, '1000.00');
    await subscription(as.rep1, accounts.rep1, 10, '250.50', 'at_risk');
    await subscription(as.rep1, accounts.rep1, 120, '777.00');
    await subscription(as.rep2, accounts.rep2, 3, '99.99');
    const after = await boards();

    const moved = (who: Viewer, i: number) => ({
      count: week(after[who], i).count - week(before[who], i).count,
      cents: cents(week(after[who], i).amount) - cents(week(before[who], i).amount),
    });
    expect(moved('rep1', 0)).toEqual({ count: 1, cents: 100_000 });
    expect(moved('rep1', 1)).toEqual({ count: 1, cents: 25_050 });
    expect(moved('rep2', 0)).toEqual({ count: 1, cents: 9_999 });
    expect(moved('rep2', 1)).toEqual({ count: 0, cents: 0 });
    expect(moved('manager', 0)).toEqual({ count: 2, cents: 109_999 });
    const atRisk = (board: Row) =>
      (week(board, 1).byStatus as Row[]).find((s) => s.status === 'at_risk')?.count ?? 0;
    expect(atRisk(after.rep1) - atRisk(before.rep1)).toBe(1);
    // The statuses split each week exactly; nothing past day 90 is counted.
    for (const w of after.admin.renewals.weeks as Row[]) {
      expect((w.byStatus as Row[]).reduce((sum, s) => sum + s.count, 0)).toBe(w.count);
      expect((w.byStatus as Row[]).reduce((sum, s) => sum + cents(s.amount), 0)).toBe(cents(w.amount));
    }
    const total = (board: Row) => (board.renewals.weeks as Row[]).reduce((sum, w) => sum + w.count, 0);
    expect(total(after.rep1) - total(before.rep1)).toBe(2);
  });
});
