import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

// Committed with the docs: docs/editor.md shows what testing and observing looks like.
const SHOTS = resolve(__dirname, '../../docs/screenshots');

describe('an admin tests a draft, follows a run and backtests the draft in the editor', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let workflowId: string;
  let runId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const workflows = (await admin.get('/api/workflows')).body.items as Array<{ id: string; key: string }>;
    workflowId = workflows.find((w) => w.key === 'lead-handoff')!.id;

    // A draft that only takes European and American leads and sends cold ones nowhere.
    const { definition } = await expectStatus(product, admin.get(`/api/workflows/${workflowId}/versions/1`));
    const draft = structuredClone(definition);
    draft.triggers[0].condition = { in: [{ var: 'lead.region' }, ['EMEA', 'NA']] };
    draft.steps.push(
      { id: 'route', type: 'branch', title: 'Hot or not', config: {} },
      { id: 'later', type: 'end', title: 'Leave it for later', config: {} },
    );
    draft.transitions = [
      { id: 'start', from: 'lead_created', to: 'assign_owner' },
      { id: 'then_route', from: 'assign_owner', to: 'route' },
      { id: 'hot', from: 'route', to: 'contact_task', condition: { '>=': [{ var: 'lead.score' }, 50] } },
      { id: 'cold', from: 'route', to: 'later' },
      { id: 'then_watch', from: 'contact_task', to: 'watch_sla' },
    ];
    await expectStatus(
      product,
      admin.post(`/api/workflows/${workflowId}/versions`, { definition: draft }),
      201,
    );

    // Grace's run is the one followed; creating a lead starts the published handoff, which is not
    // the part under test. With the other two they are the three newest leads the backtest takes.
    const leads: Array<{ id: string }> = [];
    for (const lead of [
      { name: 'Tokyo Prospect', region: 'APAC', score: 70 },
      { name: 'Cold Caller', region: 'EMEA', score: 10 },
      { name: 'Grace Hopper', company: 'Compilers Inc', region: 'EMEA', score: 85 },
    ]) {
      leads.push(await expectStatus(product, admin.post('/api/leads', lead), 201));
    }
    runId = await eventually(
      async () =>
        (await admin.get(`/api/runs?recordId=${leads[2]!.id}`)).body.items?.[0]?.id as string | undefined,
      30_000,
      'the handoff run of the new lead',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const pathNode = (id: string, status: string) =>
    page.locator(`[data-testid="path-node"][data-node-id="${id}"][data-status="${status}"]`);

  it('dry-runs the draft on a picked lead and lights the path it would take, with what each step would do', async () => {
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${product.baseUrl}/#/workflows/${workflowId}`);
    await page.getByTestId('workflow-editor').waitFor();

    await page.getByTestId('workflow-observe-toggle').click();
    await page.getByTestId('workflow-observe').waitFor();
    expect(page.url()).toContain(`#/workflows/${workflowId}/test`);
    expect(await page.getByTestId('test-version-note').textContent()).toContain('Tests v2 (draft)');

    await page.getByTestId('record-search').fill('grace');
    const option = page.getByTestId('record-option').filter({ hasText: 'Grace Hopper' });
    await option.click();
    await page.getByTestId('test-run').click();
    await page.locator('[data-testid="test-outcome"][data-status="completed"]').waitFor();

    await pathNode('lead_created', 'started').waitFor();
    for (const [order, id] of ['assign_owner', 'route', 'contact_task', 'watch_sla'].entries()) {
      const lit = pathNode(id, 'completed');
      await lit.waitFor();
      expect(await lit.getAttribute('data-order')).toBe(String(order + 1));
    }
    await pathNode('later', 'none').waitFor();
    const taken = await page
      .locator('.react-flow__edge.rb-edge--taken')
      .evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')).sort());
    expect(taken).toEqual(['hot', 'start', 'then_route', 'then_watch']);

    const task = page.locator('[data-testid="path-step"][data-step-id="contact_task"]');
    expect(await task.getByTestId('path-step-note').first().textContent()).toContain('Contact new lead');
    expect(await pathNode('contact_task', 'completed').textContent()).toContain('Contact new lead');
    await page.screenshot({ path: join(SHOTS, 'workflow-observe.png') });
  });

  it('opens the lead’s run from the Runs panel: every step of its version shows completed', async () => {
    await page.getByTestId('observe-tab-runs').click();
    const item = page.locator(`[data-testid="run-item"][data-run-id="${runId}"]`);
    // Runs name their record once its name has loaded.
    await item.filter({ hasText: 'Grace Hopper' }).waitFor();
    await item.click();
    await eventually(async () =>
      page.url().endsWith(`/runs/${encodeURIComponent(runId)}`) ? true : undefined,
    );

    await page.locator('[data-testid="run-summary"][data-status="completed"]').waitFor();
    for (const id of ['assign_owner', 'contact_task', 'watch_sla']) await pathNode(id, 'completed').waitFor();
    await pathNode('lead_created', 'started').waitFor();
    // The run is on v1, which has no branch: the draft's steps are not on its canvas.
    expect(await page.locator('[data-testid="path-node"][data-node-id="route"]').count()).toBe(0);

    // The address opens the same run after a reload.
    await page.reload();
    await page.locator('[data-testid="run-summary"][data-status="completed"]').waitFor();
    await pathNode('contact_task', 'completed').waitFor();
  });

  it('backtests the draft over the newest leads: the progress bar fills and the two versions are counted', async () => {
    await page.getByTestId('observe-tab-backtest').click();
    await page.getByTestId('backtest-limit').fill('3');
    await page.getByTestId('backtest-start').click();

    const bar = page.getByRole('progressbar', { name: 'Backtest progress' });
    await bar.waitFor();
    await eventually(
      async () => ((await bar.getAttribute('aria-valuenow')) === '100' ? true : undefined),
      120_000,
      'the backtest to finish',
    );
    await page.getByTestId('backtest-progress-text').filter({ hasText: '3 of 3 records · done' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/workflows/${workflowId}/backtest/[0-9a-f-]{36}$`));

    // The draft takes Grace (hot) and Cold Caller (cold) but not the APAC lead; v1 takes all three.
    const tested = page.getByTestId('backtest-tested');
    const published = page.getByTestId('backtest-published');
    expect(await tested.getAttribute('data-version')).toBe('2');
    expect(await published.getAttribute('data-version')).toBe('1');
    expect(await tested.getByTestId('backtest-entered').textContent()).toBe('2');
    expect(await tested.getByTestId('backtest-not-entered').textContent()).toBe('1');
    expect(await published.getByTestId('backtest-entered').textContent()).toBe('3');
    const paths = (column: typeof tested) =>
      column
        .getByTestId('backtest-path')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-path')));
    expect((await paths(tested)).sort()).toEqual([
      'assign_owner,route,contact_task,watch_sla',
      'assign_owner,route,later',
    ]);
    expect(await paths(published)).toEqual(['assign_owner,contact_task,watch_sla']);

    // A path of the draft, clicked, is lit on the draft's canvas.
    await tested.locator('[data-testid="backtest-path"][data-path="assign_owner,route,later"]').click();
    await pathNode('later', 'completed').waitFor();
    await pathNode('route', 'completed').waitFor();
    await pathNode('contact_task', 'none').waitFor();
  });

  it('follows a run live: its waiting step shows running, then completed without a reload', async () => {
    const definition = {
      schemaVersion: 1,
      key: 'observe-pause',
      name: 'Pause then finish',
      triggers: [{ id: 'by_hand', kind: 'record', entity: 'lead', event: 'manual' }],
      steps: [
        { id: 'pause', type: 'delay', title: 'Wait a moment', config: { amount: 8, unit: 'seconds' } },
        { id: 'done', type: 'end', title: 'Finish', config: {} },
      ],
      transitions: [
        { id: 'go', from: 'by_hand', to: 'pause' },
        { id: 'then_done', from: 'pause', to: 'done' },
      ],
    };
    const created = await expectStatus(product, admin.post('/api/workflows', { definition }), 201);
    await expectStatus(
      product,
      admin.post(`/api/workflows/${created.id}/versions/1/publish`, { note: 'For watching' }),
    );
    const lead = (await admin.get('/api/leads?limit=1')).body.items[0] as { id: string };
    const { runId: pausing } = await expectStatus(
      product,
      admin.post(`/api/workflows/${created.id}/runs`, { recordId: lead.id }),
      202,
    );

    await page.goto(`${product.baseUrl}/#/workflows/${created.id}/runs/${encodeURIComponent(pausing)}`);
    await pathNode('pause', 'running').waitFor();
    await page.locator('[data-testid="run-summary"][data-status="running"]').waitFor();
    expect(await pathNode('done', 'none').count()).toBe(1);

    await page.locator('[data-testid="run-summary"][data-status="completed"]').waitFor({ timeout: 30_000 });
    await pathNode('pause', 'completed').waitFor();
    await pathNode('done', 'completed').waitFor();
    const taken = await page
      .locator('.react-flow__edge.rb-edge--taken')
      .evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')).sort());
    expect(taken).toEqual(['go', 'then_done']);
  });
});
