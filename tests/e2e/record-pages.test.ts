import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

const SHOTS = resolve(__dirname, '../../docs/screenshots');
const SCRATCH = resolve(__dirname, '../../test-results/screenshots');
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Row = Record<string, any>;

/**
 * A rep's record pages through the screens: an account with its related records, a call, a private
 * note and a task logged from it (each on the timeline at once), an opportunity edited (and a stale
 * edit refused) and quoted; another rep opens the same account without the private note.
 */
describe('record pages in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = {} as Record<'rep1' | 'rep2' | 'manager', ApiClient>;
  let rep1Id: string;
  let account: Row;
  let opportunity: Row;
  let productId: string;
  let page: Page;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const tab = await context.newPage();
    await tab.goto(product.baseUrl);
    await tab.getByTestId('login-email').fill(email);
    await tab.getByTestId('login-password').fill('baton-demo');
    await tab.getByTestId('login-submit').click();
    await tab.getByTestId('current-user').waitFor();
    return tab;
  }

  const timelineItem = (tab: Page, text: string) =>
    tab.getByTestId('timeline-item').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(SCRATCH, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    for (const who of ['rep1', 'rep2', 'manager'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    rep1Id = (await ok(as.rep1.get('/api/auth/me'))).id;

    account = await ok(
      as.rep1.post('/api/accounts', {
        name: 'Tidewater Freight',
        domain: 'tidewater.example',
        industry: 'Logistics',
        region: 'EMEA',
      }),
      201,
    );
    const accountId = account.id as string;
    const grace = await ok(
      as.rep1.post('/api/contacts', {
        name: 'Grace Hopper',
        email: 'grace@tidewater.example',
        title: 'Head of Procurement',
        accounts: [{ accountId, role: 'Buyer' }],
      }),
      201,
    );
    await ok(
      as.rep1.post('/api/contacts', { name: 'Alan Kay', title: 'CTO', accounts: [{ accountId }] }),
      201,
    );
    opportunity = await ok(
      as.rep1.post('/api/opportunities', {
        accountId,
        name: 'Fleet telemetry rollout',
        stage: 'proposal',
        amount: '125000.00',
        closeDate: isoDay(Date.now() + 40 * DAY),
        rfpReference: 'RFP-2026-041',
        contactIds: [grace.id],
      }),
      201,
    );
    await ok(
      as.rep1.post('/api/opportunities', {
        accountId,
        name: 'Spare sensors',
        stage: 'qualification',
        amount: '8400.00',
      }),
      201,
    );
    // Ends in a year: far from the renewal workflow's 60-day window, so nothing else writes to it.
    await ok(
      as.rep1.post('/api/subscriptions', {
        accountId,
        plan: 'Platform standard, 10 seats',
        startDate: isoDay(Date.now() - 30 * DAY),
        endDate: isoDay(Date.now() + 365 * DAY),
        amount: '24000.00',
      }),
      201,
    );
    await ok(
      as.rep1.post('/api/cases', { accountId, subject: 'Gateway drops offline at night', priority: 'high' }),
      201,
    );
    productId = (
      await ok(
        as.manager.post('/api/products', { sku: 'TLM-SEAT', name: 'Telemetry seat', unitPrice: '250.00' }),
        201,
      )
    ).id;
    page = await signedIn('rep1@demo.baton');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('finds the account from the header and shows its related records', async () => {
    await page.getByTestId('nav-records').click();
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-table').waitFor();
    await page.screenshot({ path: join(SCRATCH, 'accounts-list.png'), fullPage: false });
    await page.getByTestId('list-search').fill('tidewater');
    // Only the searched list says how many matched.
    await page
      .getByTestId('list-summary')
      .filter({ hasText: '1 account, by name · yours · matching' })
      .waitFor();
    const row = page.locator(`[data-testid="record-row"][data-record-id="${account.id}"]`);
    expect(await page.getByTestId('record-row').count()).toBe(1);
    await row.getByRole('link', { name: 'Tidewater Freight' }).click();

    await page.locator(`[data-testid="account-page"][data-record-id="${account.id}"]`).waitFor();
    const opportunities = page.getByTestId('related-opportunities').getByTestId('related-item');
    await opportunities.first().waitFor();
    expect(await opportunities.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Fleet telemetry rollout'),
        expect.stringContaining('Spare sensors'),
      ]),
    );
    const contacts = page.getByTestId('related-contacts').getByTestId('related-item');
    await contacts.first().waitFor();
    expect(await contacts.allTextContents()).toEqual([
      expect.stringContaining('Alan Kay'),
      expect.stringContaining('Buyer'),
    ]);
    await page.getByTestId('related-cases').getByText('Gateway drops offline at night').waitFor();
    await page.getByTestId('related-subscriptions').getByText('Platform standard, 10 seats').waitFor();
    // The account's own creation is already on its timeline.
    await timelineItem(page, 'Created the account').waitFor();
  });

  it('logs a call and adds a private note, both on the timeline at once', async () => {
    await page.getByTestId('quick-action-call').click();
    await page.getByTestId('activity-subject').fill('Discovery call with Grace');
    await page.getByLabel('Minutes (optional)').fill('25');
    await page.getByTestId('activity-submit').click();
    const call = timelineItem(page, 'Call: Discovery call with Grace');
    // No reload: the entry must come from the page refreshing its own timeline.
    await call.waitFor({ timeout: 5_000 });
    expect(await call.textContent()).toContain('25 min');
    expect(await call.textContent()).toContain('Riley Rep');

    await page.getByTestId('quick-action-note').click();
    await page.getByTestId('note-body').fill('Budget approved; procurement wants three quotes.');
    expect(await page.getByTestId('note-private').isChecked()).toBe(true);
    await page.getByTestId('note-submit').click();
    const note = timelineItem(page, 'Budget approved; procurement wants three quotes.');
    await note.waitFor({ timeout: 5_000 });
    expect(await note.getAttribute('data-visibility')).toBe('private');
    expect(await note.textContent()).toContain('Private');
    expect(await page.getByTestId('quick-action-done').textContent()).toBe('Note added');
  });

  it('creates a task for themself from the account', async () => {
    await page.getByTestId('quick-action-task').click();
    expect(await page.getByTestId('task-assignee').textContent()).toContain('Assigned to you');
    await page.getByTestId('task-title').fill('Send the revised proposal');
    await page.getByTestId('task-submit').click();
    const entry = timelineItem(page, 'Task created: Send the revised proposal');
    await entry.waitFor({ timeout: 5_000 });
    expect(await entry.textContent()).toContain('For Riley Rep');

    const tasks = (await ok(as.rep1.get('/api/tasks?assignee=me&status=open&limit=200'))).items as Row[];
    expect(tasks.find((t) => t.title === 'Send the revised proposal')).toMatchObject({
      assignee: { id: rep1Id },
      record: { type: 'account', id: account.id, label: 'Tidewater Freight' },
      origin: { kind: 'user' },
    });
    await page.getByTestId('quick-action-done').filter({ hasText: 'Task created' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'account-page.png'), fullPage: true });
  });

  it('edits the opportunity, and refuses an edit over someone else’s as CONFLICT in words', async () => {
    await page
      .getByTestId('related-opportunities')
      .getByRole('link', { name: 'Fleet telemetry rollout' })
      .click();
    const oppPage = page.locator(`[data-testid="opportunity-page"][data-record-id="${opportunity.id}"]`);
    await oppPage.waitFor();

    await page.getByTestId('fields-edit').click();
    await page.getByRole('combobox', { name: 'Stage' }).selectOption('negotiation');
    await page.getByTestId('fields-save').click();
    await page.getByTestId('stage-badge').filter({ hasText: 'Negotiation' }).waitFor();
    await timelineItem(page, 'Changed stage').waitFor({ timeout: 5_000 });
    expect(await timelineItem(page, 'Changed stage').textContent()).toContain(
      'Stage: proposal → negotiation',
    );

    // Someone else saves while the form is open: the stale save must not win.
    await page.getByTestId('fields-edit').click();
    const fresh = await ok(as.rep1.get(`/api/opportunities/${opportunity.id}`));
    await ok(
      as.rep1.request('PATCH', `/api/opportunities/${opportunity.id}`, {
        version: fresh.version,
        rfiReference: 'RFI-7',
      }),
    );
    await page.getByLabel('Amount').fill('118000.00');
    await page.getByTestId('fields-save').click();
    const error = page.getByTestId('fields-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Someone else changed this first (CONFLICT)');
    await error.getByRole('button', { name: 'Reload their version' }).click();
    await page.locator('[data-field="rfiReference"]').filter({ hasText: 'RFI-7' }).waitFor();
    const after = await ok(as.rep1.get(`/api/opportunities/${opportunity.id}`));
    expect(after.amount).toBe('125000.00');
  });

  it('creates a draft quote from the opportunity and lands on the quote page', async () => {
    await page.getByTestId('new-quote').click();
    await page.getByTestId('new-quote-name').fill('Fleet telemetry — phase 1');
    await page.getByTestId('new-quote-product').selectOption(productId);
    await page.getByTestId('new-quote-quantity').fill('4');
    await page.getByTestId('new-quote-submit').click();

    const detail = page.getByTestId('quote-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('draft');
    const quoteId = (await detail.getAttribute('data-quote-id'))!;
    expect(new URL(page.url()).hash).toBe(`#/quotes/${quoteId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Fleet telemetry — phase 1',
    );
    // The line editor is there to add more lines.
    expect(await page.getByTestId('quote-line-edit').count()).toBe(1);
    const quote = await ok(as.rep1.get(`/api/quotes/${quoteId}`));
    expect(quote).toMatchObject({
      status: 'draft',
      opportunity: { id: opportunity.id },
      owner: { id: rep1Id },
      total: '1000.00',
      lines: [{ quantity: 4 }],
    });

    // Back on the opportunity, the quote is among its related records.
    await page.goBack();
    const quotes = page.getByTestId('related-quotes');
    await quotes.getByRole('link', { name: 'Fleet telemetry — phase 1' }).waitFor();
    await page.getByTestId('quick-action-meeting').click();
    await page.getByTestId('activity-subject').fill('Walked through the quote');
    await page.getByTestId('activity-submit').click();
    await timelineItem(page, 'Meeting: Walked through the quote').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(SHOTS, 'opportunity-page.png'), fullPage: true });
  });

  it('logs a call on a lead from the leads page, with the same quick actions and timeline', async () => {
    await page.getByTestId('nav-leads').click();
    const row = page.getByTestId('lead-row').first();
    await row.locator('.lead-row__open').click();
    const panel = page.getByTestId('lead-detail');
    await panel.waitFor();
    await panel.getByTestId('timeline').waitFor();
    await panel.getByTestId('quick-action-call').click();
    await panel.getByTestId('activity-subject').fill('Left a voicemail');
    await panel.getByTestId('activity-submit').click();
    await timelineItem(page, 'Call: Left a voicemail').waitFor({ timeout: 5_000 });
    const leadId = (await panel.getAttribute('data-lead-id'))!;
    const timeline = (await ok(as.rep1.get(`/api/leads/${leadId}/timeline`))).items as Row[];
    expect(timeline.find((i) => i.kind === 'activity')).toMatchObject({ summary: 'Call: Left a voicemail' });
    await page.screenshot({ path: join(SCRATCH, 'lead-detail.png'), fullPage: false });
  });

  it('fits a laptop-wide window, the header of every role included', async () => {
    const overflow = (tab: Page) =>
      tab.evaluate(() => {
        const wider = (el: Element | null) => (el ? el.scrollWidth - el.clientWidth : 0);
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          header: wider(document.querySelector('.app-header__inner')),
          nav: wider(document.querySelector('.app-header__nav')),
        };
      });
    for (const who of ['admin', 'manager', 'approver', 'engineer'] as const) {
      const tab = await signedIn(`${who}@demo.baton`);
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.evaluate((hash) => (window.location.hash = hash), `#/accounts/${account.id}`);
      await tab.getByTestId('timeline-item').first().waitFor();
      // Engineers read customer records but log nothing on them.
      expect(await tab.getByTestId('quick-actions').count()).toBe(who === 'engineer' ? 0 : 1);
      expect({ who, ...(await overflow(tab)) }).toEqual({ who, page: 0, header: 0, nav: 0 });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate((hash) => (window.location.hash = hash), `#/opportunities/${opportunity.id}`);
    await page.getByTestId('timeline-item').first().waitFor();
    expect(await overflow(page)).toEqual({ page: 0, header: 0, nav: 0 });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('gives every control of the record pages and their forms an accessible name', async () => {
    // In an aria snapshot a named control reads `- button "Save"`; an unnamed one has no quotes.
    const UNNAMED =
      /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|spinbutton)( \[[^\]]*\])*(:.*)?$/;
    const unnamed = async () =>
      (await page.locator('main').ariaSnapshot()).split('\n').filter((line) => UNNAMED.test(line));

    await page.evaluate((hash) => (window.location.hash = hash), `#/accounts/${account.id}`);
    await page.getByTestId('timeline-item').first().waitFor();
    expect(await unnamed()).toEqual([]);
    // The snapshot does list the controls, named.
    expect(await page.locator('main').ariaSnapshot()).toContain('button "Log call"');
    await page.getByTestId('fields-edit').click();
    expect(await unnamed()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    for (const action of ['quick-action-call', 'quick-action-email', 'quick-action-task']) {
      await page.getByTestId(action).click();
      expect({ action, unnamed: await unnamed() }).toEqual({ action, unnamed: [] });
    }
    await page.getByTestId('quick-action-note').click();
    await page.getByTestId('note-shared').check();
    await page.getByTestId('note-readers').getByRole('checkbox').first().waitFor();
    expect(await unnamed()).toEqual([]);

    await page.evaluate((hash) => (window.location.hash = hash), `#/opportunities/${opportunity.id}`);
    await page.getByTestId('new-quote').click();
    await page.getByTestId('new-quote-product').locator('option').first().waitFor({ state: 'attached' });
    expect(await unnamed()).toEqual([]);

    for (const list of ['accounts', 'contacts', 'opportunities', 'subscriptions']) {
      await page.evaluate((hash) => (window.location.hash = hash), `#/${list}`);
      await page.getByTestId('list-summary').filter({ hasText: ',' }).waitFor();
      expect({ list, unnamed: await unnamed() }).toEqual({ list, unnamed: [] });
    }
  });

  it("does not show rep1's private note to rep2", async () => {
    const other = await signedIn('rep2@demo.baton');
    await other.evaluate((hash) => (window.location.hash = hash), `#/accounts/${account.id}`);
    await other.locator(`[data-testid="account-page"][data-record-id="${account.id}"]`).waitFor();
    // The call is for everyone who may see the account: its presence proves the timeline loaded.
    await timelineItem(other, 'Call: Discovery call with Grace').waitFor();
    expect(await timelineItem(other, 'Budget approved').count()).toBe(0);
    expect(await other.locator('[data-testid="timeline-item"][data-kind="note"]').count()).toBe(0);
    // Reps see only their own deals, and may not edit another rep's account.
    await other.getByTestId('related-opportunities').getByText('No opportunities yet.').waitFor();
    expect(await other.getByTestId('fields-edit').count()).toBe(0);
  });
});
