import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

const SHOTS = resolve(__dirname, '../../docs/screenshots');
const RESULTS = resolve(__dirname, '../../test-results/screenshots');
const CHARTS = ['funnel', 'overdue', 'sla', 'runs', 'renewals'] as const;

type Row = Record<string, any>;

/**
 * The dashboard in Chromium over the demo data plus a week of activity made through the API: a
 * manager sees all five charts, each announcing its numbers; a rep sees their own; an approver
 * has no dashboard.
 */
describe('the dashboard in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function signedIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  const chartLabel = (page: Page, chart: string) =>
    page.locator(`[data-testid="chart-${chart}"] svg[role="img"]`).getAttribute('aria-label');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(RESULTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    for (const who of ['admin', 'rep1', 'manager'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);

    // Runs for the runs chart: hand-offs of new leads, and a workflow that always fails.
    const leads: string[] = [];
    for (const name of ['Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'])
      leads.push((await ok(as.admin.post('/api/leads', { name, region: 'EMEA' }), 201)).id);
    const definition = {
      schemaVersion: 1,
      key: 'enrich-lead',
      name: 'Enrich lead',
      triggers: [{ id: 'by_hand', kind: 'record', entity: 'lead', event: 'manual' }],
      steps: [{ id: 'call', type: 'call_workflow', config: { workflow: 'not-published-yet' } }],
      transitions: [{ id: 't0', from: 'by_hand', to: 'call' }],
    };
    const broken = await ok(as.admin.post('/api/workflows', { definition }), 201);
    await ok(as.admin.post(`/api/workflows/${broken.id}/versions/1/publish`, { note: 'demo' }));
    // Hand-offs give EMEA leads to rep1, so the failed runs are on the manager's team's records.
    await eventually(
      async () => {
        const lead = await ok(as.admin.get(`/api/leads/${leads[0]}`));
        return lead.owner ? true : undefined;
      },
      30_000,
      'the hand-off of the first lead',
    );
    for (const recordId of leads.slice(0, 2))
      await ok(as.manager.post(`/api/workflows/${broken.id}/runs`, { recordId }), 202);

    // Overdue tasks for both reps.
    const users = (await ok(as.manager.get('/api/users'))).items as Row[];
    const rep = (name: string) => users.find((u) => u.name === name)!.id as string;
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    for (const [title, assignee, h] of [
      ['Call Northwind about the renewal', 'Riley Rep', 2],
      ['Send the security questionnaire', 'Riley Rep', 26],
      ['Chase the signed order form', 'Riley Rep', 50],
      ['Book the onboarding call', 'Sam Seller', 5],
    ] as const)
      await ok(as.manager.post('/api/tasks', { title, assigneeId: rep(assignee), dueAt: hoursAgo(h) }), 201);

    // Wait until the runs have ended, so the chart shows failures, not runs in flight.
    await eventually(
      async () => {
        const board = await ok(as.manager.get('/api/dashboard'));
        const enrich = (board.workflowRuns.workflows as Row[]).find((w) => w.workflow.id === broken.id);
        return enrich?.failed === 2 ? true : undefined;
      },
      60_000,
      'two failed runs on the dashboard',
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('shows a manager all five charts, each announcing the numbers the API reports', async () => {
    const page = await signedIn('manager@demo.baton');
    await page.getByTestId('nav-dashboard').click();
    for (const chart of CHARTS)
      await page.locator(`[data-testid="chart-${chart}"] svg[role="img"]`).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('dashboard-scope').textContent()).toBe(
      'You and the 2 people who report to you',
    );
    const board = await ok(as.manager.get('/api/dashboard'));

    const funnel = await chartLabel(page, 'funnel');
    const stage = (status: string) =>
      (board.leadFunnel.stages as Row[]).find((s) => s.status === status)!.count;
    expect(funnel).toContain(
      `${stage('new')} new, ${stage('working')} working, ${stage('qualified')} qualified`,
    );
    expect(funnel).toContain(`${stage('unqualified')} unqualified. ${board.leadFunnel.total} leads in all.`);

    const overdue = await chartLabel(page, 'overdue');
    for (const p of board.overdueTasks.people as Row[])
      expect(overdue).toContain(`${p.assignee.name} ${p.count}`);
    expect(overdue).toContain(`${board.overdueTasks.total} in all`);
    expect(board.overdueTasks.total).toBeGreaterThanOrEqual(4);

    const sla = await chartLabel(page, 'sla');
    expect(sla).toContain(`last 30 days`);
    expect(sla).toContain(`${board.slaBreaches.totalBreaches} breach`);
    expect(sla).toContain(`${board.slaBreaches.openBreaches} case`);
    // The demo's cases opened over the last month: some ran past their SLA.
    expect(board.slaBreaches.totalBreaches).toBeGreaterThan(0);

    const runs = await chartLabel(page, 'runs');
    expect(runs).toContain('Enrich lead 2 runs, 2 failed, failure rate 100 %');
    const handoff = (board.workflowRuns.workflows as Row[]).find((w) => w.workflow.name === 'Lead handoff')!;
    expect(runs).toContain(`Lead handoff ${handoff.runs} run`);

    const renewals = await chartLabel(page, 'renewals');
    const count = (board.renewals.weeks as Row[]).reduce((sum, w) => sum + w.count, 0);
    expect(count).toBeGreaterThan(0);
    expect(renewals).toContain(`Subscriptions ending in the next 90 days: ${count} worth`);

    // The drawn numbers, not only the announced ones: the funnel's bars carry their counts.
    const drawn = await page.locator('[data-testid="chart-funnel"] .chart__value').allTextContents();
    expect(drawn).toEqual((board.leadFunnel.stages as Row[]).map((s) => String(s.count)));
    await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
  });

  it('shows a rep their own numbers, says when a chart has none, and shows an approver no dashboard', async () => {
    const rep = await signedIn('rep1@demo.baton');
    await rep.getByTestId('nav-dashboard').click();
    await rep.locator('[data-testid="chart-overdue"] svg[role="img"]').waitFor({ timeout: 30_000 });
    expect(await rep.getByTestId('dashboard-scope').textContent()).toContain('Your own');
    const mine = await ok(as.rep1.get('/api/dashboard'));
    expect(mine.overdueTasks.people.map((p: Row) => p.assignee.name)).toEqual(['Riley Rep']);
    expect(await chartLabel(rep, 'overdue')).toBe(
      `Overdue open tasks by assignee: Riley Rep ${mine.overdueTasks.total}. ${mine.overdueTasks.total} in all.`,
    );

    // Every new lead went to rep1 (EMEA), so nothing ran on rep2's records: that chart says so.
    const rep2 = await signedIn('rep2@demo.baton');
    await rep2.getByTestId('nav-dashboard').click();
    const runs = rep2.locator('[data-testid="chart-runs"][data-state="empty"]');
    await runs.waitFor({ timeout: 30_000 });
    expect(await runs.textContent()).toContain('No workflow ran in the last 7 days.');
    expect(await rep2.locator('[data-testid="chart-funnel"] svg[role="img"]').count()).toBe(1);

    // An admin's numbers are everyone's; on a small laptop screen the charts stack in one column.
    const admin = await signedIn('admin@demo.baton', 1024);
    await admin.getByTestId('nav-dashboard').click();
    await admin.locator('[data-testid="chart-renewals"] svg[role="img"]').waitFor({ timeout: 30_000 });
    expect(await admin.getByTestId('dashboard-scope').textContent()).toBe("Everyone's records");
    await admin.screenshot({ path: join(RESULTS, 'dashboard-admin-1024.png'), fullPage: true });

    const approver = await signedIn('approver@demo.baton');
    expect(await approver.getByTestId('nav-dashboard').count()).toBe(0);
    await approver.goto(`${product.baseUrl}/#/dashboard`);
    await approver.getByText('The dashboard is for sales reps, sales managers and admins').waitFor();
  });
});
