import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

// Committed with the docs: docs/editor.md shows the builder.
const SHOTS = resolve(__dirname, '../../docs/screenshots');
const KEY = 'hot-lead-routing';
const HOT = {
  and: [
    { '>=': [{ var: 'lead.score' }, 50] },
    { or: [{ '==': [{ var: 'lead.status' }, 'new'] }, { in_list: [{ var: 'lead.source' }, ['referral']] }] },
  ],
};

describe('an admin builds a condition, tests it on a record, and moves the workflow in and out as JSON', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let hotLead: { id: string; name: string };
  let exported: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    hotLead = await expectStatus(
      product,
      admin.post('/api/leads', { name: 'Hedy Hot', score: 72, source: 'web' }),
      201,
    );
    await expectStatus(
      product,
      admin.post('/api/leads', { name: 'Colin Cold', score: 10, source: 'web' }),
      201,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const node = (id: string) => page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`);
  const status = () => page.getByTestId('workflow-status');
  const row = (key: string) => page.locator(`[data-testid="workflow-row"][data-key="${key}"]`);

  async function connect(from: string, to: string) {
    await node(from).click();
    await page.getByLabel('Add an arrow to').selectOption(to);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async function setRule(rule: Locator, field: string, operator: string) {
    await rule.getByLabel('Field', { exact: true }).selectOption({ label: field });
    await rule.getByLabel(/^Operator for/).selectOption({ label: operator });
  }

  it('evaluates a condition on a stored record for authors, and refuses reps', async () => {
    const condition = HOT;
    const body = { entity: 'lead', recordId: hotLead.id, condition };
    const holds = await expectStatus(product, admin.post('/api/rules/evaluate', body));
    expect(holds).toMatchObject({ result: true, value: true, record: { id: hotLead.id, label: 'Hedy Hot' } });

    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const refused = await rep.post('/api/rules/evaluate', body);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    const unknown = await admin.post('/api/rules/evaluate', {
      ...body,
      condition: { '==': [{ var: 'lead.nickname' }, 'x'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.errors[0].code).toBe('RULE_UNKNOWN_FIELD');

    const missing = await admin.post('/api/rules/evaluate', {
      ...body,
      recordId: '3f0c2a9e-1b7d-4c5e-8a6f-9d0e1f2a3b4c',
    });
    expect(missing.status).toBe(404);

    const fields = (await admin.get('/api/rules/fields')).body.items as Array<{
      entity: string;
      fields: Array<{ name: string; options?: string[] }>;
    }>;
    const status = fields.find((e) => e.entity === 'lead')!.fields.find((f) => f.name === 'status');
    expect(status?.options).toEqual(expect.arrayContaining(['new', 'working', 'qualified']));
  });

  it('lists workflows with their trigger in words and their runs of the last 7 days', async () => {
    // The leads created above each started a run of the shipped hand-off.
    const api = await eventually(
      async () => {
        const items = (await admin.get('/api/workflows')).body.items as Array<{
          key: string;
          stats: { runs7d: number; failures7d: number; lastRun: { status: string } | null };
          owner: { name: string } | null;
        }>;
        const handoff = items.find((w) => w.key === 'lead-handoff')!;
        return handoff.stats.runs7d >= 2 ? handoff : undefined;
      },
      60_000,
      'the hand-off runs',
    );
    expect(api.stats.lastRun).not.toBeNull();

    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.getByRole('link', { name: 'Workflows' }).click();

    const handoff = row('lead-handoff');
    await handoff.waitFor();
    await handoff.getByTestId('workflow-trigger').getByText('Lead created').waitFor();
    const runs = handoff.getByTestId('workflow-runs');
    expect(Number(await runs.getAttribute('data-runs'))).toBeGreaterThanOrEqual(api.stats.runs7d);
    expect(await runs.getAttribute('data-failures')).toBe(String(api.stats.failures7d));
    expect(await runs.textContent()).toMatch(/\d+ runs/);
    expect(await handoff.getByTestId('workflow-last-run').getAttribute('data-status')).toMatch(
      /running|completed|failed|cancelled/,
    );
    await row('quote-approval')
      .getByTestId('workflow-trigger')
      .getByText('Quote updated: status → submitted')
      .waitFor();
    await row('subscription-renewal')
      .getByTestId('workflow-trigger')
      .getByText('Subscription: 60, 30 and 7 days before end date')
      .waitFor();
  });

  it('builds an OR group inside an AND group on a branch arrow, validated as it goes', async () => {
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Hot lead routing');
    await page.getByRole('button', { name: 'Open in editor' }).click();
    await page.getByTestId('workflow-editor').waitFor();

    await page.getByRole('button', { name: 'Add Lead created trigger' }).click();
    await page.getByRole('button', { name: 'Add Branch step' }).click();
    await page.getByRole('button', { name: 'Add Create task step' }).click();
    await page.getByRole('button', { name: 'Add End step' }).click();
    await node('end').waitFor();
    await connect('lead_created', 'branch');
    await connect('branch', 'create_task');
    await connect('branch', 'end');
    await node('create_task').click();
    await page
      .getByTestId('step-inspector')
      .getByRole('textbox', { name: 'Title' })
      .fill('Call the hot lead');

    // Arrows are focusable on the canvas: Enter selects one.
    await page.getByTestId('rf__edge-branch_to_create_task').focus();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('edge-inspector').getByTestId('condition-editor');
    await editor.waitFor();
    const root = editor.locator('[data-testid="condition-group"][data-depth="0"]');

    await root.getByRole('button', { name: '+ Condition' }).click();
    const score = root.getByTestId('condition-rule').first();
    await setRule(score, 'Score', '≥');
    await score.getByLabel('Value of Score').fill('50');

    await root.getByRole('button', { name: '+ OR group' }).click();
    const group = root.locator('[data-testid="condition-group"][data-depth="1"]');
    expect(await group.getAttribute('data-combinator')).toBe('or');
    const first = group.getByTestId('condition-rule').first();
    await setRule(first, 'Status', 'is');
    await first.getByLabel('Value of Status').selectOption('new');

    // A path no lead has: the validator names it beside the rule.
    await group.getByRole('button', { name: '+ Condition' }).click();
    const second = group.getByTestId('condition-rule').nth(1);
    await second.getByLabel('Field', { exact: true }).selectOption({ label: 'Other path (step output)…' });
    await second.getByLabel('Path', { exact: true }).fill('lead.nickname');
    await second.getByText('Unknown field "lead.nickname"').waitFor();
    expect(await editor.getByTestId('condition-status').getAttribute('data-valid')).toBe('false');
    await page.locator('[data-testid="problem"][data-code="UNKNOWN_FIELD"]').waitFor();

    await setRule(second, 'Source', 'is one of');
    await second.getByRole('checkbox', { name: 'referral' }).check();
    await eventually(async () =>
      (await editor.getByTestId('condition-status').getAttribute('data-valid')) === 'true' ? true : undefined,
    );
    expect(await editor.getByTestId('condition-status').textContent()).toContain('Valid condition');
    await eventually(async () =>
      (await page.getByTestId('problem-counts').textContent()) === 'none' ? true : undefined,
    );
  });

  it('tests the condition against records it holds and does not hold for', async () => {
    const tester = page.getByTestId('edge-inspector').getByTestId('condition-tester');
    const input = tester.getByRole('textbox');
    const result = tester.getByTestId('condition-test-result');

    await input.fill('Colin');
    await tester.getByRole('button', { name: 'Colin Cold' }).click();
    await tester.getByRole('button', { name: 'Test', exact: true }).click();
    await result.waitFor();
    expect(await result.getAttribute('data-result')).toBe('false');

    await input.fill('Hedy');
    await tester.getByRole('button', { name: 'Hedy Hot' }).click();
    await tester.getByRole('button', { name: 'Test', exact: true }).click();
    await eventually(async () => ((await result.getAttribute('data-result')) === 'true' ? true : undefined));
    expect(await result.textContent()).toContain('Holds for Hedy Hot');
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.getByTestId('edge-inspector').getByTestId('condition-editor').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'condition-builder.png') });
  });

  it('saves the condition as JSON Logic the engine reads', async () => {
    const save = page.getByTestId('workflow-save');
    await eventually(async () => ((await save.isEnabled()) ? true : undefined));
    await save.click();
    await eventually(async () =>
      (await status().textContent())?.includes('draft v1 saved') ? true : undefined,
    );

    const items = (await admin.get('/api/workflows')).body.items as Array<{ id: string; key: string }>;
    const id = items.find((w) => w.key === KEY)!.id;
    const { definition } = await expectStatus(product, admin.get(`/api/workflows/${id}/versions/1`));
    const arrow = definition.transitions.find((t: { from: string; to: string }) => t.to === 'create_task');
    expect(arrow.condition).toEqual(HOT);
  });

  it('exports the definition and imports it back unchanged, asking before it replaces unsaved changes', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('workflow-export').click();
    const file = await (await download).path();
    exported = readFileSync(file, 'utf8');
    expect(
      JSON.parse(exported).transitions.find((t: { to: string }) => t.to === 'create_task').condition,
    ).toEqual(HOT);

    // An unsaved edit, then the file back: the editor asks, then holds exactly what is saved.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.getByTestId('workflow-settings').getByRole('textbox', { name: 'Name' }).fill('Renamed');
    await eventually(async () => ((await status().textContent())?.includes('unsaved') ? true : undefined));

    await page.getByTestId('workflow-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('definition-text').fill('{"schemaVersion": 1, "key": "hot-lead-routing"}');
    await dialog.getByTestId('import-load').click();
    await dialog.locator('[data-testid="import-problems"] li').first().waitFor();
    expect(await dialog.getByTestId('import-problems').textContent()).toMatch(/DEFINITION_SCHEMA|NO_TRIGGER/);

    await dialog.getByTestId('definition-file').setInputFiles(file);
    await eventually(async () =>
      (await dialog.getByTestId('definition-text').inputValue()) === exported ? true : undefined,
    );
    await dialog.getByTestId('import-load').click();
    await dialog.getByTestId('import-confirm').waitFor();
    await dialog.getByTestId('import-replace').click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => ((await status().textContent())?.includes('unsaved') ? undefined : true));
    expect(await page.locator('h1.page__title').textContent()).toBe('Hot lead routing');

    await page.getByTestId('rf__edge-branch_to_create_task').focus();
    await page.keyboard.press('Enter');
    const rules = page.getByTestId('edge-inspector').getByTestId('condition-rule');
    expect(await rules.evaluateAll((els) => els.map((e) => e.getAttribute('data-operator')))).toEqual([
      'at_least',
      'equals',
      'one_of',
    ]);
  });

  it('imports the file on the workflows page: a taken key is refused with its code, a new one created', async () => {
    await page.getByRole('link', { name: 'All workflows' }).click();
    await page.getByTestId('import-workflow').click();
    const form = page.getByTestId('import-workflow-form');
    await form.getByTestId('definition-text').fill(exported);
    await form.getByRole('button', { name: 'Import as a new workflow' }).click();
    const problem = form.locator('[data-testid="import-problems"] li[data-code="CONFLICT"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`A workflow with the key "${KEY}" already exists`);

    const copy = { ...JSON.parse(exported), key: `${KEY}-imported`, name: 'Hot lead routing (imported)' };
    await form.getByTestId('definition-text').fill(JSON.stringify(copy));
    await form.getByRole('button', { name: 'Import as a new workflow' }).click();
    await page.getByTestId('workflow-imported').waitFor();
    await row(`${KEY}-imported`).getByTestId('workflow-trigger').getByText('Lead created').waitFor();
    expect(await row(`${KEY}-imported`).getByTestId('workflow-draft').textContent()).toContain('Draft v1');
    expect(await row(`${KEY}-imported`).getByTestId('workflow-runs').getAttribute('data-runs')).toBe('0');
  });

  it('duplicates and archives a workflow from the list', async () => {
    await row(KEY).getByRole('button', { name: 'Archive Hot lead routing' }).click();
    await page.getByTestId('workflow-action-notice').waitFor();
    await eventually(async () =>
      (await row(KEY).getAttribute('data-archived')) === 'true' ? true : undefined,
    );
    await row(KEY).getByRole('button', { name: 'Duplicate Hot lead routing' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    await eventually(async () =>
      (await page.locator('h1.page__title').textContent()) === 'Hot lead routing (copy)' ? true : undefined,
    );
    const items = (await admin.get('/api/workflows')).body.items as Array<{ key: string; archived: boolean }>;
    expect(items.find((w) => w.key === KEY)?.archived).toBe(true);
    expect(items.some((w) => w.key === `${KEY}-copy`)).toBe(true);
  });
});
