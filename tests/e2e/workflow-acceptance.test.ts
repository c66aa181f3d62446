import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(600_000);

// Committed with the docs: the README and docs/editor.md show the editor.
const SHOTS = resolve(__dirname, '../../docs/screenshots');
const NAME = 'Deal desk approval';
const KEY = 'deal-desk-approval';
const QUOTE = 'Twenty percent off';
const DISCOUNT = 'Deepest line discount %';
const STAGES = '[{"name": "Deep discount needs the manager", "approvers": [{"kind": "manager_of_owner"}]}]';

type Row = Record<string, any>;

/**
 * The visual rule builder's acceptance scenario, in one admin session and through the UI only: an
 * admin draws a quote approval from an empty canvas, fixes what the editor flags, publishes it,
 * watches the run a submitted quote starts, changes it (saved on its own), publishes the change,
 * reads it in the history and dry-runs it. Through the API go only other people's parts: the rep
 * submits the quote, the manager decides it, and another editor saves a version meanwhile.
 */
describe('an admin builds, publishes, watches, changes and tests a quote approval in the editor', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;
  let workflowId: string;
  let quoteId: string;

  const ok = (res: ReturnType<ApiClient['get']>, status = 200): Promise<Row> =>
    expectStatus(product, res, status);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const who of ['admin', 'rep1', 'manager'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    }
    // Only the drawn workflow may react to a submitted quote.
    const shipped = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'quote-approval',
    )!;
    await ok(as.admin.post(`/api/workflows/${shipped.id}/archive`));
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const node = (id: string) => page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`);
  // A problem as the list names it: "Error INVALID_STEP_CONFIG on approval: …".
  const problem = (code: string, target?: string) =>
    target === undefined
      ? page.locator(`[data-testid="problem"][data-code="${code}"]`)
      : page.getByRole('button', { name: new RegExp(`^(Error|Warning) ${code} on ${target}:`) });
  const status = () => page.getByTestId('workflow-status');
  const saved = () => page.getByTestId('autosave-status');
  const inspector = () => page.getByTestId('step-inspector');
  const pathNode = (id: string, state: string) =>
    page.locator(`[data-testid="path-node"][data-node-id="${id}"][data-status="${state}"]`);
  const text = async (locator: Locator) => (await locator.textContent()) ?? '';

  async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
    await eventually(async () => ((await probe()) ? true : undefined), timeoutMs, what);
  }

  async function severity(id: string, expected: 'error' | 'warning' | 'none') {
    await page
      .locator(`[data-testid="canvas-node"][data-node-id="${id}"][data-severity="${expected}"]`)
      .waitFor();
  }

  async function connect(from: string, to: string) {
    await node(from).click();
    await page.getByLabel('Add an arrow to').selectOption(to);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async function openArrow(id: string) {
    await page.getByTestId(`rf__edge-${id}`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="edge-inspector"][data-edge-id="${id}"]`).waitFor();
  }

  // Clicking the empty canvas leaves any form, so keyboard shortcuts act on the drawing.
  const leaveForms = () => page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });

  it('draws the workflow from an empty canvas: trigger, discount branch, approval and notification', async () => {
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
    expect(await page.getByRole('textbox', { name: 'Key' }).inputValue()).toBe(KEY);
    await page.getByRole('button', { name: 'Open in editor' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    expect(await page.getByTestId('canvas-node').count()).toBe(0);

    // "Quote submitted": a quote whose status changes to submitted.
    const search = page.getByRole('searchbox', { name: 'Search triggers and steps' });
    await search.fill('quote updated');
    await page.getByRole('button', { name: 'Add Quote updated trigger' }).click();
    await search.fill('');
    const trigger = page.getByTestId('trigger-inspector');
    await trigger.getByLabel('Only when this field changes').selectOption({ label: 'Status' });
    await trigger.getByLabel('Changed to').selectOption('submitted');
    expect(await text(node('quote_updated'))).toContain('status → submitted');

    await page.getByRole('button', { name: 'Add Branch step' }).click();
    await inspector().getByRole('textbox', { name: 'Label on the canvas' }).fill('Deep discount?');
    await page.getByRole('button', { name: 'Add Request approval step' }).click();
    await inspector().getByRole('textbox', { name: 'Label on the canvas' }).fill('Manager approval');
    await page.getByRole('button', { name: 'Add Notify step' }).click();
    await inspector().getByRole('textbox', { name: 'Label on the canvas' }).fill('Tell the rep');
    await inspector()
      .getByRole('textbox', { name: 'Title', exact: true })
      .fill('Quote decided: {{quote.name}}');

    await connect('quote_updated', 'branch');
    await connect('approval', 'notify');
    await connect('branch', 'approval');
    await until(async () => (await page.locator('.react-flow__edge').count()) === 3, 'three arrows');
  });

  it('flags what is wrong on the canvas and clears it as the admin fixes it', async () => {
    // The approval has no stages or timeout yet.
    await severity('approval', 'error');
    await problem('INVALID_STEP_CONFIG', 'approval').first().waitFor();
    expect(await page.getByTestId('workflow-save').isDisabled()).toBe(true);
    await until(
      async () => /^Fix \d+ problems to save$/.test(await text(page.getByTestId('workflow-hint'))),
      'the hint to count the problems',
    );

    // Clicking the problem selects the step and opens its form, the errors beside the fields.
    await problem('INVALID_STEP_CONFIG', 'approval').first().click();
    await page.locator('[data-testid="step-inspector"][data-node-id="approval"]').waitFor();
    await inspector()
      .getByText(/config\/stages/)
      .waitFor();
    await inspector()
      .getByRole('textbox', { name: 'Title', exact: true })
      .fill('Deep discount on {{quote.name}}');
    await inspector().getByRole('textbox', { name: 'Stages', exact: true }).fill(STAGES);
    await inspector()
      .getByRole('textbox', { name: 'Timeout', exact: true })
      .fill('{"amount": 2, "unit": "days"}');
    // With its stages in place, each stage gets a condition builder of its own.
    await inspector().getByText('Stage Deep discount needs the manager applies when').waitFor();
    await severity('approval', 'none');
    await until(
      async () => (await problem('INVALID_STEP_CONFIG').count()) === 0,
      'the approval config to pass',
    );

    // The discount branch, in the condition builder on the arrow into the approval.
    await openArrow('branch_to_approval');
    const edge = page.getByTestId('edge-inspector');
    await edge.getByRole('textbox', { name: 'Label', exact: true }).fill('over 10 %');
    const root = edge.locator('[data-testid="condition-group"][data-depth="0"]');
    await root.getByRole('button', { name: '+ Condition' }).click();
    const rule = root.getByTestId('condition-rule').first();
    await rule.getByLabel('Field', { exact: true }).selectOption({ label: DISCOUNT });
    await rule.getByLabel(/^Operator for/).selectOption({ label: '>' });
    await rule.getByLabel(`Value of ${DISCOUNT}`).fill('10');
    await until(
      async () => (await edge.getByTestId('condition-status').getAttribute('data-valid')) === 'true',
      'a valid condition',
    );
    // Now the branch has a conditional path but none for the quotes it does not take.
    await problem('BRANCH_WITHOUT_DEFAULT', 'branch').waitFor();
    await severity('branch', 'error');
  });

  it('copies the notification for the default path, undoing and redoing the paste', async () => {
    await leaveForms();
    await node('notify').click();
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await node('notify_2').waitFor();
    // The copy keeps the settings; only arrows inside the selection are copied, so nothing leads to it.
    expect(await text(node('notify_2'))).toContain('Tell the rep');
    await problem('UNREACHABLE_STEP', 'notify_2').waitFor();

    await page.keyboard.press('Control+Z');
    await node('notify_2').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+Z');
    await node('notify_2').waitFor();

    await node('notify_2').click();
    await inspector().getByRole('textbox', { name: 'Label on the canvas' }).fill('No approval needed');
    await inspector()
      .getByRole('textbox', { name: 'Title', exact: true })
      .fill('No approval needed: {{quote.name}}');
    await connect('branch', 'notify_2');
    await until(
      async () => (await page.getByTestId('problem-counts').textContent()) === 'none',
      'no problems',
    );
    await severity('branch', 'none');
    await severity('notify_2', 'none');
  });

  it('saves the first draft and publishes it with a note', async () => {
    await leaveForms();
    await page.getByRole('button', { name: 'Tidy up' }).click();
    const save = page.getByTestId('workflow-save');
    await until(() => save.isEnabled(), 'Save draft to be enabled');
    await save.click();
    await until(async () => (await text(status())).includes('draft v1 saved'), 'draft v1');
    expect(page.url()).toMatch(/#\/workflows\/[0-9a-f-]{36}$/);
    workflowId = page.url().split('/').pop()!;
    await page.screenshot({ path: join(SHOTS, 'workflow-editor.png') });

    const publish = page.getByTestId('workflow-publish');
    await until(() => publish.isEnabled(), 'Publish to be enabled');
    await publish.click();
    await page
      .getByRole('textbox', { name: 'What changes in v1?' })
      .fill('Deep discounts wait for the manager');
    await page.getByRole('button', { name: 'Publish v1' }).click();
    await until(async () => (await text(status())).startsWith('v1 is live'), 'v1 to be live');

    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/1`));
    expect(definition.triggers).toEqual([
      expect.objectContaining({ entity: 'quote', event: 'updated', field: 'status', to: 'submitted' }),
    ]);
    expect(definition.transitions.find((t: Row) => t.id === 'branch_to_approval').condition).toEqual({
      '>': [{ var: 'quote.maxDiscountPercent' }, 10],
    });
  });

  it('watches on the canvas the run a submitted quote starts, live until it completes', async () => {
    const account = await ok(as.rep1.post('/api/accounts', { name: 'Deal Desk Ltd' }), 201);
    const opportunity = await ok(
      as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Deal desk deal' }),
      201,
    );
    const item = await ok(
      as.manager.post('/api/products', { sku: 'DDA-1', name: 'Seat', unitPrice: '300.00' }),
      201,
    );
    const quote = await ok(
      as.rep1.post('/api/quotes', {
        opportunityId: opportunity.id,
        name: QUOTE,
        lines: [{ productId: item.id, quantity: 5, discountPercent: 20 }],
      }),
      201,
    );
    quoteId = quote.id;
    await ok(as.rep1.post(`/api/quotes/${quoteId}/submit`));

    await page.getByTestId('workflow-observe-toggle').click();
    await page.getByTestId('observe-tab-runs').click();
    const run = page.getByTestId('run-item').filter({ hasText: QUOTE });
    await run.waitFor({ timeout: 30_000 });
    await run.click();
    await page.locator('[data-testid="run-summary"][data-status="running"]').waitFor();
    await pathNode('approval', 'running').waitFor({ timeout: 30_000 });
    await pathNode('branch', 'completed').waitFor();
    await pathNode('notify', 'none').waitFor();

    const approval = await eventually(
      async () =>
        ((await ok(as.admin.get(`/api/approvals?recordId=${quoteId}&status=pending`))).items as Row[])[0],
      30_000,
      'the pending approval',
    );
    await ok(
      as.manager.post(`/api/approvals/${encodeURIComponent(approval.id)}/actions`, {
        action: 'approve',
        comment: 'Fine for a five-seat deal',
      }),
    );
    // Followed without a reload: the run moves on and completes on the canvas.
    await page.locator('[data-testid="run-summary"][data-status="completed"]').waitFor({ timeout: 30_000 });
    await pathNode('approval', 'completed').waitFor();
    await pathNode('notify', 'completed').waitFor();
    await pathNode('notify_2', 'none').waitFor();
    const taken = await page
      .locator('.react-flow__edge.rb-edge--taken')
      .evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')).sort());
    expect(taken).toEqual(['approval_to_notify', 'branch_to_approval', 'quote_updated_to_branch']);
    await page.getByTestId('workflow-observe-toggle').click();
    await page.getByTestId('workflow-editor').waitFor();
  });

  it('saves a change on its own a few seconds after the last edit; a reload shows it', async () => {
    await openArrow('branch_to_approval');
    const value = page.getByTestId('edge-inspector').getByLabel(`Value of ${DISCOUNT}`);
    await value.fill('15');
    await until(async () => (await text(status())).includes('unsaved changes'), 'the change to show');
    await until(async () => (await saved().getAttribute('data-state')) === 'saved', 'the autosave', 30_000);
    expect(await text(saved())).toMatch(/^Saved at \d\d:\d\d$/);
    await until(async () => (await text(status())) === 'v1 is live · draft v2 saved', 'draft v2');

    await page.reload();
    await page.getByTestId('workflow-editor').waitFor();
    await until(
      async () => (await text(status())) === 'v1 is live · draft v2 saved',
      'draft v2 after reload',
    );
    await openArrow('branch_to_approval');
    expect(await page.getByTestId('edge-inspector').getByLabel(`Value of ${DISCOUNT}`).inputValue()).toBe(
      '15',
    );
  });

  it('does not save a change with problems on its own, and says how many there are', async () => {
    await node('notify').click();
    await inspector().getByRole('textbox', { name: 'Title', exact: true }).fill('');
    await until(async () => (await text(saved())) === 'Not saved: fix 1 problem', 'the problem count');
    expect(await saved().getAttribute('data-problem')).toBe('true');
    // Longer than the autosave delay: nothing was saved meanwhile.
    await page.waitForTimeout(5000);
    expect(await text(status())).toContain('draft v2 saved');

    await leaveForms();
    await page.keyboard.press('Control+Z');
    await until(async () => !(await text(status())).includes('unsaved'), 'the undo to match what is saved');
    expect(await text(saved())).toBe('');
  });

  it('publishes the second version and the history shows what changed', async () => {
    const publish = page.getByTestId('workflow-publish');
    await until(() => publish.isEnabled(), 'Publish to be enabled');
    await publish.click();
    await page.getByRole('textbox', { name: 'What changes in v2?' }).fill('Approval from 15 % off');
    await page.getByRole('button', { name: 'Publish v2' }).click();
    await until(async () => (await text(status())) === 'v2 is live', 'v2 to be live');

    await page.getByTestId('workflow-history').click();
    const newest = page.locator('[data-testid="version-item"][data-version="2"]');
    await newest.waitFor();
    expect(await newest.getAttribute('data-state')).toBe('active');
    expect(await text(newest)).toContain('Approval from 15 % off');
    const change = page
      .locator('[data-testid="diff-entry"][data-tone="changed"]')
      .filter({ hasText: 'Manager approval' });
    await change.waitFor();
    expect(await text(change)).toMatch(/is over 10.*is over 15/);
    expect(await page.getByTestId('diff-entry').count()).toBe(1);
    await page.getByTestId('workflow-history').click();
    await page.getByTestId('version-history').waitFor({ state: 'detached' });
  });

  it('dry-runs the live version on the quote and lights the path it takes', async () => {
    await page.getByTestId('workflow-observe-toggle').click();
    await page.getByTestId('observe-tab-test').click();
    expect(await text(page.getByTestId('test-version-note'))).toContain('Tests v2 (published)');
    await page.getByTestId('record-search').fill('Twenty');
    await page.getByTestId('record-option').filter({ hasText: QUOTE }).click();
    await page.getByTestId('test-run').click();
    await page.locator('[data-testid="test-outcome"][data-status="completed"]').waitFor();

    await pathNode('quote_updated', 'started').waitFor();
    for (const [order, id] of ['branch', 'approval', 'notify'].entries()) {
      const lit = pathNode(id, 'completed');
      await lit.waitFor();
      expect(await lit.getAttribute('data-order')).toBe(String(order + 1));
    }
    await pathNode('notify_2', 'none').waitFor();
    const taken = await page
      .locator('.react-flow__edge.rb-edge--taken')
      .evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')).sort());
    expect(taken).toEqual(['approval_to_notify', 'branch_to_approval', 'quote_updated_to_branch']);
    await page.getByTestId('workflow-observe-toggle').click();
    await page.getByTestId('workflow-editor').waitFor();
  });

  it('never saves over a version saved elsewhere: it says so, and Save draft puts the change after it', async () => {
    // Another editor saves v3 while this one still holds v2.
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/2`));
    await ok(as.admin.post(`/api/workflows/${workflowId}/versions`, { definition, baseVersion: 2 }), 201);
    const stale = await as.admin.post(`/api/workflows/${workflowId}/versions`, {
      definition,
      baseVersion: 2,
    });
    expect([stale.status, stale.body.code, stale.body.details]).toEqual([
      409,
      'CONFLICT',
      { baseVersion: 2, latestVersion: 3 },
    ]);

    await node('notify_2').click();
    await inspector()
      .getByRole('textbox', { name: 'Label on the canvas' })
      .fill('Small discount: tell the rep');
    await until(
      async () => (await saved().getAttribute('data-state')) === 'conflict',
      'the conflict',
      30_000,
    );
    expect(await text(saved())).toBe(
      'Not saved: v3 was saved elsewhere. Reload to see it, or Save draft to put yours after it',
    );
    expect((await ok(as.admin.get(`/api/workflows/${workflowId}`))).versions).toHaveLength(3);

    await page.getByTestId('workflow-save').click();
    await until(async () => (await text(status())) === 'v2 is live · draft v4 saved', 'draft v4');
    const v4 = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/4`));
    expect(v4.definition.steps.find((s: Row) => s.id === 'notify_2').title).toBe(
      'Small discount: tell the rep',
    );
  });
});
