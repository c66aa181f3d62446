import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, eventually } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

const SHOTS = resolve(__dirname, '../../test-results/screenshots');

describe("a sales rep's inbox in Chromium", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function signIn(email: string, password = 'baton-demo') {
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  it('shows a wrong password as words with its code', async () => {
    await signIn('rep1@demo.baton', 'wrong-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('INVALID_CREDENTIALS');
  });

  it('shows rep1 the task a workflow created for a new lead, and completes it', async () => {
    const admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    // Round-robin over the two reps: of two new leads, one is rep1's.
    const names = ['Katherine Johnson', 'Margaret Hamilton'];
    const ids: string[] = [];
    for (const name of names)
      ids.push((await admin.post('/api/leads', { name, company: 'Orbital Math' })).body.id as string);
    const rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const task = await eventually(
      async () => {
        const items = (await rep1.get('/api/tasks?assignee=me&status=open')).body.items as Array<{
          id: string;
          record: { id: string; label: string };
        }>;
        return items.find((t) => ids.includes(t.record.id));
      },
      30_000,
      'a task for rep1',
    );

    await signIn('rep1@demo.baton');
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Riley Rep');

    const row = page.locator(`[data-testid="task-row"][data-task-id="${task.id}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Contact new lead');
    expect(text).toContain(task.record.label);
    expect(text).toContain('Lead handoff');
    await page.screenshot({ path: join(SHOTS, 'my-tasks.png'), fullPage: true });

    await row.getByTestId('task-complete').click();
    await row.waitFor({ state: 'detached' });
    const after = (await rep1.get('/api/tasks?assignee=me&status=done')).body.items as Array<{ id: string }>;
    expect(after.map((t) => t.id)).toContain(task.id);
  });

  it('brings a newly assigned task onto the open page without a reload', async () => {
    const admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const rows = page.getByTestId('task-row');
    const before = await rows.count();
    // Two leads again, so whichever rep is next in turn, one of them reaches rep1.
    await admin.post('/api/leads', { name: 'Barbara Liskov' });
    await admin.post('/api/leads', { name: 'Frances Allen' });
    await eventually(
      async () => ((await rows.count()) > before ? true : undefined),
      30_000,
      'a new row on the page',
    );
  });

  it('signs out back to the login page', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-email').waitFor();
  });
});
