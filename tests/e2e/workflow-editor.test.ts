import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiClient, eventually } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

// Committed with the docs: the README and docs show what the editor looks like.
const SHOTS = resolve(__dirname, '../../docs/screenshots');
const NAME = 'Call new leads';
const KEY = 'call-new-leads';
const TASK_TITLE = 'Call this lead today';

describe('an admin draws a workflow in the editor and publishes it', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const node = (id: string) => page.locator(`[data-testid="canvas-node"][data-node-id="${id}"]`);
  const problem = (code: string) => page.locator(`[data-testid="problem"][data-code="${code}"]`);
  const status = () => page.getByTestId('workflow-status');

  async function waitForSeverity(id: string, severity: 'error' | 'warning' | 'none') {
    await page
      .locator(`[data-testid="canvas-node"][data-node-id="${id}"][data-severity="${severity}"]`)
      .waitFor();
  }

  async function drag(from: Locator, to: Locator) {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await page.mouse.up();
  }

  const handle = (id: string, kind: 'source' | 'target') => node(id).locator(`.react-flow__handle.${kind}`);

  it('lists the workflows and starts a new one', async () => {
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();

    await page.getByRole('link', { name: 'Workflows' }).click();
    const seeded = page.locator('[data-testid="workflow-row"][data-key="lead-handoff"]');
    await seeded.waitFor();
    await seeded.getByText('Lead created').waitFor();
    expect(await seeded.getByTestId('workflow-live').textContent()).toContain('v1');

    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
    expect(await page.getByRole('textbox', { name: 'Key' }).inputValue()).toBe(KEY);
    await page.getByRole('button', { name: 'Open in editor' }).click();
    await page.getByTestId('workflow-editor').waitFor();
    expect(await status().textContent()).toContain('Not saved yet');
  });

  it('adds a trigger and steps from the palette and shows what is wrong on the canvas', async () => {
    const search = page.getByRole('searchbox', { name: 'Search triggers and steps' });
    await search.fill('lead created');
    expect(await page.getByTestId('palette-item').count()).toBe(1);
    await page.getByRole('button', { name: 'Add Lead created trigger' }).click();
    await search.fill('');
    await page.getByRole('button', { name: 'Add Assign owner step' }).click();
    await page.getByRole('button', { name: 'Add Create task step' }).click();

    // Nothing leads to the steps yet, and the task has no title (required, no default).
    await waitForSeverity('create_task', 'error');
    await waitForSeverity('assign_owner', 'error');
    await problem('INVALID_STEP_CONFIG').waitFor();
    expect(await problem('UNREACHABLE_STEP').count()).toBe(2);
    expect(await node('create_task').getByTestId('node-problem').textContent()).toMatch(
      /UNREACHABLE_STEP|INVALID_STEP_CONFIG/,
    );
    expect(await page.getByTestId('workflow-publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('workflow-save').isDisabled()).toBe(true);

    await drag(handle('lead_created', 'source'), handle('assign_owner', 'target'));
    await drag(handle('assign_owner', 'source'), handle('create_task', 'target'));
    // A straight arrow has no width, so Playwright never calls it visible: wait for it in the DOM.
    await page.locator('.react-flow__edge').nth(1).waitFor({ state: 'attached' });
    expect(await page.locator('.react-flow__edge').count()).toBe(2);

    // Connected, but still missing its title: highlighted on the node and beside the form field.
    await eventually(async () => ((await problem('UNREACHABLE_STEP').count()) === 0 ? true : undefined));
    await waitForSeverity('assign_owner', 'none');
    await waitForSeverity('create_task', 'error');
    expect(await node('create_task').getByTestId('node-problem').textContent()).toContain(
      'INVALID_STEP_CONFIG',
    );
    await node('create_task').click();
    const inspector = page.getByTestId('step-inspector');
    await inspector.locator('[data-field="title"] [data-testid="field-error"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'workflow-editor-problems.png') });

    await inspector.getByRole('textbox', { name: 'Title' }).fill(TASK_TITLE);
    await waitForSeverity('create_task', 'none');
    await eventually(async () =>
      (await page.getByTestId('problem-counts').textContent()) === 'none' ? true : undefined,
    );
  });

  it('undoes and redoes with the keyboard, and copies and pastes a step with a fresh id', async () => {
    // Clicking the empty canvas leaves the form, so the shortcuts act on the drawing.
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+Z');
    await waitForSeverity('create_task', 'error');
    await problem('INVALID_STEP_CONFIG').waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await waitForSeverity('create_task', 'none');

    await node('create_task').click();
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await node('create_task_2').waitFor();
    // The copy is unreachable (only arrows inside the selection are copied) and keeps the config.
    await waitForSeverity('create_task_2', 'error');
    expect(await node('create_task_2').textContent()).toContain('Create task');
    await problem('UNREACHABLE_STEP').waitFor();

    await page.keyboard.press('Control+Z');
    await node('create_task_2').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Y');
    await node('create_task_2').waitFor();

    await node('create_task_2').click();
    await page.keyboard.press('Delete');
    await node('create_task_2').waitFor({ state: 'detached' });
    await eventually(async () =>
      (await page.getByTestId('problem-counts').textContent()) === 'none' ? true : undefined,
    );

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('saves a draft and publishes it', async () => {
    const save = page.getByTestId('workflow-save');
    await eventually(async () => ((await save.isEnabled()) ? true : undefined));
    await save.click();
    await eventually(async () =>
      (await status().textContent())?.includes('draft v1 saved') ? true : undefined,
    );
    expect(page.url()).toMatch(/#\/workflows\/[0-9a-f-]{36}$/);
    // docs/screenshots/workflow-editor.png comes from the acceptance test's quote approval.

    const publish = page.getByTestId('workflow-publish');
    await eventually(async () => ((await publish.isEnabled()) ? true : undefined));
    await publish.click();
    await page.getByRole('textbox', { name: 'What changes in v1?' }).fill('Call every new lead the same day');
    await page.getByRole('button', { name: 'Publish v1' }).click();
    await eventually(async () => ((await status().textContent())?.includes('v1 is live') ? true : undefined));

    await page.getByRole('link', { name: 'All workflows' }).click();
    const row = page.locator(`[data-testid="workflow-row"][data-key="${KEY}"]`);
    await row.waitFor();
    await row.getByText('Lead created').waitFor();
    expect(await row.getByTestId('workflow-live').textContent()).toContain('v1');
    expect(await row.getByTestId('workflow-draft').textContent()).toContain('Up to date');
    await page.screenshot({ path: join(SHOTS, 'workflow-list.png') });
  });

  it('runs the published workflow for a new lead: the task it creates names the workflow', async () => {
    const admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const workflows = (await admin.get('/api/workflows')).body.items as Array<{ id: string; key: string }>;
    const workflow = workflows.find((w) => w.key === KEY)!;
    const { definition } = (await admin.get(`/api/workflows/${workflow.id}/versions/1`)).body;
    expect(definition.steps.map((s: { type: string }) => s.type)).toEqual(['assign_owner', 'create_task']);
    expect(definition.transitions).toHaveLength(2);

    const lead = (await admin.post('/api/leads', { name: 'Grace Hopper', company: 'Navy' })).body;
    const run = await eventually(
      async () => {
        const runs = (await admin.get(`/api/runs?workflowId=${workflow.id}&recordId=${lead.id}`)).body.items;
        return runs.find((r: { status: string }) => r.status !== 'running');
      },
      60_000,
      'the run of the new workflow',
    );
    expect(run.status).toBe('completed');
    expect(run.version).toBe(1);

    const reps = await Promise.all(
      ['rep1@demo.baton', 'rep2@demo.baton'].map((email) => ApiClient.login(product.baseUrl, email)),
    );
    const task = await eventually(
      async () => {
        for (const rep of reps) {
          const items = (await rep.get('/api/tasks?assignee=me&status=open')).body.items as Array<{
            title: string;
            record: { id: string } | null;
            origin: { kind: string; workflowName?: string; version?: number; stepId?: string };
          }>;
          const found = items.find((t) => t.record?.id === lead.id && t.origin.workflowName === NAME);
          if (found) return found;
        }
        return undefined;
      },
      30_000,
      'the task from the new workflow',
    );
    expect(task.title).toBe(TASK_TITLE);
    expect(task.origin).toMatchObject({ kind: 'workflow', version: 1, stepId: 'create_task' });
  });
});
