import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

const SCRATCH = resolve(__dirname, '../../test-results/screenshots');

type Row = Record<string, any>;

/** A rep converts a lead from the Leads page and follows the link to the account it became. */
describe('converting a lead in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let admin: ApiClient;
  let rep1: ApiClient;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  beforeAll(async () => {
    mkdirSync(SCRATCH, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
  });

  async function settledLead(body: Row): Promise<Row> {
    const lead = await ok(admin.post('/api/leads', body), 201);
    await eventually(
      async () => {
        const runs = (await ok(admin.get(`/api/runs?recordId=${lead.id}`))).items as Row[];
        return runs.some((r) => r.status === 'completed') ? true : undefined;
      },
      30_000,
      'the hand-off to finish',
    );
    return lead;
  }

  async function signedIn(email: string): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return { page, context };
  }

  async function openLead(page: Page, name: string): Promise<Locator> {
    await page.getByTestId('nav-leads').click();
    await page.getByTestId('lead-row').filter({ hasText: name }).locator('.lead-row__open').click();
    return page.getByTestId('lead-detail');
  }

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('converts a lead from its panel and lands on the new account', async () => {
    // EMEA leads are handed to rep1; once the hand-off is done the lead's version stays put.
    const lead = await settledLead({
      name: 'Hedy Lamarr',
      email: 'hedy@spread-spectrum.example',
      company: 'Spread Spectrum',
      region: 'EMEA',
    });
    const { page, context } = await signedIn('rep1@demo.baton');
    const panel = await openLead(page, 'Hedy Lamarr');
    await panel.getByTestId('lead-convert').click();
    const form = panel.getByTestId('convert-lead-form');
    await expect(form.getByTestId('convert-account-name').inputValue()).resolves.toBe('Spread Spectrum');
    await form.getByTestId('convert-opportunity-name').fill('Frequency hopping pilot');
    await form.getByTestId('convert-opportunity-amount').fill('48000');
    await form.getByTestId('convert-opportunity-close').fill('2026-12-15');
    await page.screenshot({ path: join(SCRATCH, 'lead-convert-form.png') });
    await form.getByTestId('convert-lead-submit').click();

    const converted = panel.getByTestId('lead-converted');
    await converted.waitFor();
    await expect(panel.getByTestId('lead-status').getAttribute('data-status')).resolves.toBe('converted');
    await expect(converted.getByTestId('lead-converted-account').textContent()).resolves.toBe(
      'Account: Spread Spectrum',
    );
    await expect(converted.getByTestId('lead-converted-opportunity').textContent()).resolves.toBe(
      'Opportunity: Frequency hopping pilot',
    );
    await expect(panel.getByTestId('lead-convert').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SCRATCH, 'lead-converted.png') });

    const stored = await ok(rep1.get(`/api/leads/${lead.id}`));
    expect(stored.status).toBe('converted');
    const opportunity = await ok(rep1.get(`/api/opportunities/${stored.convertedTo.opportunityId}`));
    expect(opportunity).toMatchObject({
      name: 'Frequency hopping pilot',
      amount: '48000.00',
      closeDate: '2026-12-15',
      account: { id: stored.convertedTo.accountId, name: 'Spread Spectrum' },
      contacts: [{ id: stored.convertedTo.contactId, name: 'Hedy Lamarr' }],
    });

    await converted.getByTestId('lead-converted-account').click();
    const accountPage = page.getByTestId('account-page');
    await accountPage.waitFor();
    await expect(accountPage.getAttribute('data-record-id')).resolves.toBe(stored.convertedTo.accountId);
    await expect(accountPage.locator('h1').textContent()).resolves.toContain('Spread Spectrum');
    await accountPage.getByText('Frequency hopping pilot').first().waitFor();
    await accountPage.getByText('Hedy Lamarr').first().waitFor();
    await context.close();
  });

  it('converts a lead into an account picked by name, without an opportunity', async () => {
    const account = await ok(rep1.post('/api/accounts', { name: 'Zuse Computing' }), 201);
    const lead = await settledLead({ name: 'Konrad Zuse', company: 'Zuse KG', region: 'EMEA' });
    const { page, context } = await signedIn('rep1@demo.baton');
    const panel = await openLead(page, 'Konrad Zuse');
    await panel.getByTestId('lead-convert').click();
    const form = panel.getByTestId('convert-lead-form');
    await form.getByTestId('convert-account-existing').check();
    await form.getByTestId('convert-account-search').fill('Zuse Comp');
    const pick = form.getByTestId('convert-account-pick');
    await pick.locator(`option[value="${account.id}"]`).waitFor({ state: 'attached' });
    await pick.selectOption(account.id);
    await form.getByTestId('convert-with-opportunity').uncheck();
    await form.getByTestId('convert-lead-submit').click();

    const converted = panel.getByTestId('lead-converted');
    await converted.waitFor();
    await expect(converted.getByTestId('lead-converted-account').textContent()).resolves.toBe(
      'Account: Zuse Computing',
    );
    await expect(converted.getByTestId('lead-converted-opportunity').count()).resolves.toBe(0);
    const stored = await ok(rep1.get(`/api/leads/${lead.id}`));
    expect(stored.convertedTo).toMatchObject({ accountId: account.id, opportunityId: null });
    const contact = await ok(rep1.get(`/api/contacts/${stored.convertedTo.contactId}`));
    expect(contact).toMatchObject({ name: 'Konrad Zuse', accounts: [{ id: account.id }] });
    await context.close();
  });
});
