import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, eventually } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

const SHOTS = resolve(__dirname, '../../test-results/screenshots');
const DOC_SHOTS = resolve(__dirname, '../../docs/screenshots');

describe("a sales rep's inbox in Chromium", () => {
  let product: Product;
  let browser: Browser;
  let page: Page;
  let requestedTaskId: string;

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

  it('snoozes a task to tomorrow morning, moving it to Upcoming without a reload', async () => {
    const rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const task = (
      await rep1.post('/api/tasks', {
        title: 'Send the pilot summary',
        dueAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      })
    ).body as { id: string };
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const overdue = page.locator(`[data-group="overdue"] [data-task-id="${task.id}"]`);
    await overdue.waitFor({ timeout: 30_000 });

    await overdue.getByTestId('task-snooze').click();
    await overdue.getByTestId('task-snooze-tomorrow').click();
    const upcoming = page.locator(`[data-group="upcoming"] [data-task-id="${task.id}"]`);
    await upcoming.waitFor();
    expect(await upcoming.getByTestId('task-due').textContent()).toContain('Tomorrow');
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    const saved = (await rep1.get('/api/tasks?assignee=me&status=open')).body.items as Array<{
      id: string;
      dueAt: string;
    }>;
    const due = new Date(saved.find((t) => t.id === task.id)!.dueAt);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    // The browser and the test share a zone: 9:00 local.
    expect([due.getHours(), due.getMinutes()]).toEqual([9, 0]);

    // A time in the past is refused in words, with its code.
    const row = page.locator(`[data-task-id="${task.id}"]`);
    await row.getByTestId('task-snooze').click();
    await row.getByTestId('task-snooze-custom').fill('2020-01-01T09:00');
    await row.getByTestId('task-snooze-custom-submit').click();
    expect(await row.getByTestId('task-snooze-error').textContent()).toContain('VALIDATION_FAILED');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByTestId('task-snooze-panel').waitFor({ state: 'detached' });
  });

  it('asks for a task to be reassigned, and the row says so', async () => {
    const rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const task = (
      await rep1.post('/api/tasks', {
        title: 'Visit the Leeds depot',
        dueAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      })
    ).body as { id: string };
    requestedTaskId = task.id;
    const row = page.locator(`[data-testid="task-row"][data-task-id="${task.id}"]`);
    await row.waitFor({ timeout: 30_000 });

    await row.getByTestId('task-reassign-request').click();
    await row.getByTestId('task-reassign-reason').fill('I am on the Paris trade fair that week');
    await row.getByTestId('task-reassign-suggest').selectOption({ label: 'Sam Seller' });
    await row.getByTestId('task-reassign-submit').click();
    const requested = row.getByTestId('task-reassign-requested');
    await requested.waitFor();
    expect(await requested.textContent()).toContain('Reassignment requested');
    expect(await requested.textContent()).toContain('Sam Seller');
    expect(await row.getByTestId('task-reassign-request').count()).toBe(0);
    await page.screenshot({ path: join(DOC_SHOTS, 'my-tasks.png'), fullPage: true });

    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    await eventually(
      async () =>
        ((await manager.get('/api/notifications')).body.items as Array<{ title: string }>).some(
          (n) => n.title === 'Reassignment requested: Visit the Leeds depot',
        )
          ? true
          : undefined,
      10_000,
      "the manager's notification",
    );
    // Still requested after the next poll.
    await page.waitForTimeout(6_000);
    expect(await row.getByTestId('task-reassign-requested').count()).toBe(1);
  });

  it('signs out back to the login page', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-email').waitFor();
  });

  it("lets rep1's manager hand the task on from the Team page", async () => {
    await signIn('manager@demo.baton');
    await page.getByTestId('current-user').waitFor();
    await page.evaluate(() => (window.location.hash = '#/team'));
    const request = page.locator(`[data-testid="team-reassign-row"][data-task-id="${requestedTaskId}"]`);
    await request.waitFor({ timeout: 30_000 });
    expect(await request.textContent()).toContain('I am on the Paris trade fair that week');
    expect(await request.textContent()).toContain('Suggests Sam Seller');
    // The suggested colleague is chosen already.
    expect(await request.getByTestId('team-reassign-to').inputValue()).toBe(
      (await (await ApiClient.login(product.baseUrl, 'rep2@demo.baton')).get('/api/auth/me')).body.id,
    );
    await page.screenshot({ path: join(SHOTS, 'team-reassign.png'), fullPage: true });
    await request.getByTestId('team-reassign-submit').click();
    expect(await page.getByTestId('team-reassign-notice').textContent()).toContain(
      'Gave “Visit the Leeds depot” to Sam Seller',
    );
    await request.waitFor({ state: 'detached', timeout: 15_000 });

    const rep2 = await ApiClient.login(product.baseUrl, 'rep2@demo.baton');
    const theirs = (await rep2.get('/api/tasks?assignee=me&status=open&limit=200')).body.items as Array<{
      id: string;
      reassignRequest: unknown;
    }>;
    expect(theirs.find((t) => t.id === requestedTaskId)).toMatchObject({ reassignRequest: null });
  });
});
