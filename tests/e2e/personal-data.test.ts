import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * An admin exports a contact's data and erases it from the contact's page; a rep sees neither
 * action.
 */
describe('personal data on the contact page in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let contact: Row;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function contactPage(email: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const tab = await context.newPage();
    await tab.goto(product.baseUrl);
    await tab.getByTestId('login-email').fill(email);
    await tab.getByTestId('login-password').fill('baton-demo');
    await tab.getByTestId('login-submit').click();
    await tab.getByTestId('current-user').waitFor();
    await tab.goto(`${product.baseUrl}/#/contacts/${contact.id}`);
    await tab.getByTestId('contact-page').waitFor();
    return tab;
  }

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    contact = await ok(
      manager.post('/api/contacts', {
        name: 'Cecilia Payne',
        email: 'cecilia.payne@stellar.example',
        phone: '+44 161 496 0388',
      }),
      201,
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('shows a rep no personal-data actions', async () => {
    const tab = await contactPage('rep1@demo.baton');
    await tab.getByRole('heading', { name: 'Cecilia Payne' }).waitFor();
    expect(await tab.getByTestId('personal-data').count()).toBe(0);
  });

  it("lets an admin download the contact's data, then erase it after giving a reason", async () => {
    const tab = await contactPage('admin@demo.baton');
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Export data' }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.record).toMatchObject({ id: contact.id, email: 'cecilia.payne@stellar.example' });

    await tab.getByTestId('personal-data-erase').click();
    const confirm = tab.getByTestId('personal-data-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await tab.getByTestId('personal-data-reason').fill('Erasure request, ticket 4711');
    await confirm.click();
    await tab.getByTestId('personal-data-erased').waitFor();
    await tab.getByRole('heading', { name: 'Erased contact' }).waitFor();
    expect(await tab.getByText('cecilia.payne@stellar.example').count()).toBe(0);
  });
});
