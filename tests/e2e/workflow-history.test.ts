import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

// Committed with the docs: docs/ shows what the history looks like.
const SHOTS = resolve(__dirname, '../../docs/screenshots');

describe('an admin looks through a workflow history and rolls back', () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let workflowId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');

    // v2 of the shipped lead handoff: two days to call instead of one, and the manager is told.
    const workflows = (await admin.get('/api/workflows')).body.items as Array<{ id: string; key: string }>;
    workflowId = workflows.find((w) => w.key === 'lead-handoff')!.id;
    const { definition } = await expectStatus(product, admin.get(`/api/workflows/${workflowId}/versions/1`));
    const v2 = structuredClone(definition);
    v2.steps.find((s: { id: string }) => s.id === 'contact_task').config.dueInBusinessDays = 2;
    v2.steps.push({
      id: 'tell_manager',
      type: 'notify',
      title: 'Tell the manager',
      config: { to: [{ kind: 'manager_of_owner' }], title: 'New lead: {{lead.name}}' },
    });
    v2.transitions.push({ id: 'then_tell', from: 'watch_sla', to: 'tell_manager' });
    await expectStatus(product, admin.post(`/api/workflows/${workflowId}/versions`, { definition: v2 }), 201);
    await expectStatus(
      product,
      admin.post(`/api/workflows/${workflowId}/versions/2/publish`, {
        note: 'Two days to call; tell the manager',
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const entry = (tone: string, text: string) =>
    page.locator(`[data-testid="diff-entry"][data-tone="${tone}"]`, { hasText: text });
  const diffNode = (id: string, mark: string) =>
    page.locator(`[data-testid="diff-node"][data-node-id="${id}"][data-mark="${mark}"]`);

  it('opens the history: the newest version, its changes in words and marked on the canvas', async () => {
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${product.baseUrl}/#/workflows/${workflowId}`);
    await page.getByTestId('workflow-editor').waitFor();

    await page.getByTestId('workflow-history').click();
    await page.getByTestId('version-history').waitFor();
    const newest = page.locator('[data-testid="version-item"][data-version="2"]');
    await newest.waitFor();
    expect(await page.getByTestId('version-item').count()).toBe(2);
    expect(await newest.getAttribute('data-state')).toBe('active');
    expect(await newest.textContent()).toContain('Two days to call; tell the manager');

    const changed = entry('changed', "Step 'Ask the owner to make contact' changed");
    await changed.waitFor();
    expect(await changed.textContent()).toContain('Due in business days: 1 → 2');
    await entry('added', "Step 'Tell the manager' added").waitFor();
    await entry('added', "Arrow 'Watch the contact SLA' → 'Tell the manager' added").waitFor();

    await diffNode('contact_task', 'changed').waitFor();
    await diffNode('tell_manager', 'added').waitFor();
    await diffNode('assign_owner', 'unchanged').waitFor();
    await page.screenshot({ path: join(SHOTS, 'workflow-history.png') });
  });

  it('restores v1 and publishes it as v3: the editor holds it again and it is live', async () => {
    await page.locator('[data-testid="version-item"][data-version="1"]').click();
    await page.getByText('Pick a version to compare with to see what changed.').waitFor();
    await page.getByTestId('version-restore').click();
    await page.getByRole('textbox', { name: 'Note' }).fill('Back to next-day calls');
    await page.getByRole('button', { name: 'Restore and publish' }).click();

    await eventually(async () =>
      (await page.getByTestId('workflow-status').textContent())?.includes('v3 is live') ? true : undefined,
    );
    expect(await page.getByTestId('workflow-hint').textContent()).toContain(
      'Restored v1 as v3 and published it',
    );
    await page.getByTestId('version-history').waitFor({ state: 'detached' });
    await page.locator('[data-testid="canvas-node"][data-node-id="contact_task"]').waitFor();
    expect(await page.locator('[data-testid="canvas-node"][data-node-id="tell_manager"]').count()).toBe(0);

    const [v1, v3] = await Promise.all(
      [1, 3].map((n) => expectStatus(product, admin.get(`/api/workflows/${workflowId}/versions/${n}`))),
    );
    expect(v3).toMatchObject({ status: 'published', note: 'Back to next-day calls' });
    expect(v3.definition).toEqual(v1.definition);

    // The history now reads v3 against v2: the manager step is gone again.
    await page.getByTestId('workflow-history').click();
    const restored = page.locator('[data-testid="version-item"][data-version="3"]');
    await restored.waitFor();
    expect(await restored.textContent()).toContain('Restored from v1');
    await entry('removed', "Step 'Tell the manager' removed").waitFor();
    await diffNode('tell_manager', 'removed').waitFor();
    await diffNode('contact_task', 'changed').waitFor();
  });
});
