import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, eventually } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

const SHOTS = resolve(__dirname, '../../docs/screenshots');
const SALES_MANAGER_STAGE = 'Discount over 10 % needs the sales manager';

type Row = Record<string, any>;

/**
 * Quote approval through the screens: a rep edits and submits, the manager decides from the inbox,
 * the rep's bell and quote change live, a second tab learns it was too late, and a request nobody
 * answers shows up on the Team page once it has climbed.
 */
describe('quote approval in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = {} as Record<'admin' | 'rep1' | 'manager', ApiClient>;
  let opportunityId: string;
  let productId: string;

  async function ok(res: Promise<{ status: number; body: any }>, status = 200): Promise<Row> {
    const r = await res;
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function draftQuote(name: string, discountPercent: number): Promise<Row> {
    return ok(
      as.rep1.post('/api/quotes', {
        opportunityId,
        name,
        lines: [{ productId, quantity: 4, discountPercent }],
      }),
      201,
    );
  }

  /** A signed-in browser session of its own (cookies, storage), as a second device would be. */
  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function open(page: Page, hash: string): Promise<void> {
    await page.evaluate((h) => (window.location.hash = h), hash);
  }

  function card(page: Page, label: string) {
    return page.getByTestId('approval-card').filter({ hasText: label });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    for (const who of ['admin', 'rep1', 'manager'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    const account = await ok(as.rep1.post('/api/accounts', { name: 'Northwind Freight' }), 201);
    opportunityId = (
      await ok(as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Fleet telemetry' }), 201)
    ).id;
    productId = (
      await ok(
        as.manager.post('/api/products', {
          sku: 'TLM-SEAT',
          name: 'Telemetry seat',
          unitPrice: '250.00',
          unitCost: '180.00',
        }),
        201,
      )
    ).id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('streams notifications only to a request that asks for events', async () => {
    const plain = await as.rep1.get('/api/notifications/stream');
    expect([plain.status, plain.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const anonymous = await fetch(`${product.baseUrl}/api/notifications/stream`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('pushes a notification written by another process to the open stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${product.baseUrl}/api/notifications/stream`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${as.rep1.token}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before "${needle}": ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('event: ready');

    // As a worker elsewhere would: straight into the table, on a connection of its own.
    const db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `insert into notifications (id, user_id, title, created_at)
         select gen_random_uuid(), id, 'Pipeline review moved to Thursday', now() from users where email = 'rep1@demo.baton'`,
      );
    } finally {
      await db.end();
    }
    await readUntil('event: notifications');
    expect(text).toMatch(/event: notifications\ndata: \{"unreadCount":\d+\}/);
    controller.abort();
    await ok(as.rep1.post('/api/notifications/read-all'));
  });

  it('takes a quote from a 15 % edit through the manager’s approval, live on the rep’s screen', async () => {
    const quote = await draftQuote('Fleet telemetry — year 1', 0);
    const rep = await signedIn('rep1@demo.baton');
    await open(rep, `#/quotes/${quote.id}`);
    const detail = rep.getByTestId('quote-detail');
    await detail.waitFor();
    // Marks this document: a reload would lose it.
    await rep.evaluate(() => ((window as any).__sameDocument = true));

    await rep.getByTestId('line-discount-input').fill('15');
    await rep.getByTestId('quote-save').click();
    await eventually(
      async () => ((await rep.getByTestId('quote-total').textContent())?.includes('850') ? true : undefined),
      10_000,
      'the total after a 15 % discount',
    );
    await rep.getByTestId('quote-submit').click();
    await rep.locator('[data-testid="quote-detail"][data-status="submitted"]').waitFor();
    // The run opens the request and the page shows who it waits on.
    await rep.getByTestId('approval-history-item').filter({ hasText: SALES_MANAGER_STAGE }).waitFor();

    const manager = await signedIn('manager@demo.baton');
    await open(manager, '#/approvals');
    const request = card(manager, 'Fleet telemetry — year 1');
    await request.waitFor();
    expect(await request.getByTestId('approval-reason').textContent()).toContain(SALES_MANAGER_STAGE);
    // The quote itself loads after the request.
    await request.getByTestId('quote-lines').waitFor();
    const requestText = (await request.textContent()) ?? '';
    expect(requestText).toContain('Northwind Freight');
    expect(requestText).toContain('Telemetry seat');
    expect(requestText).toContain('15 %');
    expect(requestText).toContain('Asked by Riley Rep');
    // 4 seats at 250 less 15 % is 850 against a cost of 4 × 180: a thin margin, flagged.
    const margin = request.getByTestId('quote-margin');
    expect(await margin.getByTestId('quote-margin-value').textContent()).toBe('15.3 %');
    expect(await margin.getAttribute('data-low')).toBe('true');
    expect(await margin.textContent()).toContain('below 20 %');
    expect(await margin.textContent()).toContain('720.00');
    await manager.screenshot({ path: join(SHOTS, 'approvals-inbox.png'), fullPage: true });

    // The same manager on another device, with the same request open.
    const otherTab = await signedIn('manager@demo.baton');
    await open(otherTab, '#/approvals');
    const stale = card(otherTab, 'Fleet telemetry — year 1');
    await stale.getByTestId('approval-approve').waitFor();

    const unreadBefore = (await ok(as.rep1.get('/api/notifications'))).unreadCount as number;
    await request.getByTestId('approval-comment').fill('Fine for a three-year term');
    await request.getByTestId('approval-approve').click();
    expect(await request.getByTestId('approval-outcome').textContent()).toContain('You approved');
    await manager.locator('[data-testid="approval-card"][data-status="approved"]').waitFor();

    // The rep's screen changes without a reload: the bell counts up and the quote shows approved.
    await eventually(
      async () =>
        Number(
          (await rep
            .getByTestId('bell-count')
            .textContent({ timeout: 500 })
            .catch(() => '0')) ?? 0,
        ) > unreadBefore
          ? true
          : undefined,
      30_000,
      "rep1's bell to count the decision",
    );
    await rep.locator('[data-testid="quote-detail"][data-status="approved"]').waitFor({ timeout: 30_000 });
    expect(await rep.getByTestId('quote-approved').textContent()).toContain('Fine for a three-year term');
    expect(await rep.getByTestId('quote-margin-value').textContent()).toBe('15.3 %');
    expect(await rep.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await rep.screenshot({ path: join(SHOTS, 'quote-detail.png'), fullPage: true });

    // The other tab still offers the decision; trying it says it is too late, in words and with the code.
    await stale.getByTestId('approval-approve').click();
    const outcome = (await stale.getByTestId('approval-outcome').textContent()) ?? '';
    expect(outcome).toContain('already approved by Morgan Manager');
    expect(outcome).toContain('APPROVAL_NOT_PENDING');
    expect((await ok(as.rep1.get(`/api/quotes/${quote.id}`))).status).toBe('approved');

    // The bell lists it; the notifications page marks everything read.
    await rep.getByTestId('bell').click();
    await rep
      .getByTestId('bell-panel')
      .getByTestId('notification')
      .filter({ hasText: 'Quote approved: Fleet telemetry — year 1' })
      .waitFor();
    await rep.getByTestId('bell').click();
    await open(rep, '#/notifications');
    await rep.getByTestId('notifications').waitFor();
    await rep.screenshot({ path: join(SHOTS, 'notifications.png'), fullPage: true });
    await rep.getByTestId('notifications-mark-all').click();
    await rep.getByTestId('bell-count').waitFor({ state: 'detached' });
    expect((await ok(as.rep1.get('/api/notifications'))).unreadCount).toBe(0);
  });

  it('shows the rep why a rejected quote came back', async () => {
    const quote = await draftQuote('Depot sensors', 12);
    const manager = await signedIn('manager@demo.baton');
    await open(manager, '#/approvals');
    await manager.getByTestId('approvals-summary').waitFor();
    await ok(as.rep1.post(`/api/quotes/${quote.id}/submit`));

    // The open inbox picks the new request up by itself (the manager is notified of it).
    const request = card(manager, 'Depot sensors');
    await request.waitFor({ timeout: 30_000 });
    await request.getByTestId('approval-reject').click();
    expect(await request.getByTestId('approval-error').textContent()).toContain('Say why');
    await request.getByTestId('approval-comment').fill('Twelve percent needs a two-year commitment');
    await request.getByTestId('approval-reject').click();
    expect(await request.getByTestId('approval-outcome').textContent()).toContain('You rejected');

    const rep = await signedIn('rep1@demo.baton');
    await open(rep, `#/quotes/${quote.id}`);
    await rep.locator('[data-testid="quote-detail"][data-status="draft"]').waitFor({ timeout: 30_000 });
    const banner = rep.getByTestId('quote-sent-back');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('Twelve percent needs a two-year commitment');
    expect(await banner.textContent()).toContain('Morgan Manager');
    // Back to draft: the rep can change the lines again.
    await rep.getByTestId('quote-lines-editor').waitFor();
  });

  it("puts a request that nobody answered on the managers' Team page once it climbs", async () => {
    const workflowId = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'quote-approval',
    )!.id as string;
    const workflow = await ok(as.admin.get(`/api/workflows/${workflowId}`));
    const latest = Math.max(...(workflow.versions as Row[]).map((v) => v.version));
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/${latest}`));
    const approve = definition.steps.find((s: Row) => s.id === 'approve');
    approve.config.stages[0].approvers = [{ kind: 'role', role: 'approver' }];
    approve.config.timeout = { amount: 3, unit: 'seconds' };
    approve.config.maxEscalations = 1;
    const saved = await ok(as.admin.post(`/api/workflows/${workflowId}/versions`, { definition }), 201);
    const version = Math.max(...(saved.versions as Row[]).map((v) => v.version));
    await ok(
      as.admin.post(`/api/workflows/${workflowId}/versions/${version}/publish`, { note: 'Short timeout' }),
    );

    // An overdue task of the manager's report, for the other half of the page.
    const rep1Id = (await ok(as.rep1.get('/api/auth/me'))).id as string;
    const task = await ok(
      as.manager.post('/api/tasks', {
        title: 'Call Northwind about the renewal',
        dueAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        assigneeId: rep1Id,
      }),
      201,
    );

    const quote = await draftQuote('Unanswered request', 15);
    await ok(as.rep1.post(`/api/quotes/${quote.id}/submit`));

    // The approver reports to the admin: the request climbs to the admin after 3 s.
    const admin = await signedIn('admin@demo.baton');
    await open(admin, '#/team');
    const row = admin.getByTestId('team-escalated-row').filter({ hasText: 'Unanswered request' });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain('Riley Rep');
    expect(await row.textContent()).toContain('escalated once');
    await admin
      .locator(`[data-testid="team-overdue-row"][data-task-id="${task.id}"]`)
      .waitFor({ timeout: 30_000 });
    await admin.screenshot({ path: join(SHOTS, 'team.png'), fullPage: true });

    // The rep's manager sees it too: it is about one of their reports.
    const manager = await signedIn('manager@demo.baton');
    await open(manager, '#/team');
    await manager.getByTestId('team-escalated-row').filter({ hasText: 'Unanswered request' }).waitFor();
    await manager.locator(`[data-testid="team-overdue-row"][data-task-id="${task.id}"]`).waitFor();

    // A rep has no Team page.
    const rep = await signedIn('rep1@demo.baton');
    expect(await rep.getByTestId('nav-team').count()).toBe(0);
    expect(await rep.getByTestId('nav-approvals').count()).toBe(0);
    await open(rep, '#/team');
    await rep.getByTestId('not-allowed').waitFor();
  });
});
