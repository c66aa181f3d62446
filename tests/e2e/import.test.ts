import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

const SHOTS = resolve(__dirname, '../../test-results/screenshots');

describe('CSV import in Chromium', () => {
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

  it('uploads a CSV as admin, shows the progress reach 100% and the summary with the bad row', async () => {
    const file = join(tmpdir(), `baton-import-${Date.now()}.csv`);
    writeFileSync(
      file,
      'name,email,company\nE2E Lead One,one@e2e.example,Acme\nE2E Lead Two,two@e2e.example,Acme\n,missing@e2e.example,Acme\n',
    );

    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill('admin@demo.baton');
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();

    await page.getByTestId('nav-records').click();
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-entity').selectOption('leads');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();

    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    const text = await summary.textContent();
    expect(text).toContain('Import finished');
    expect(text).toContain('2 imported, 1 skipped of 3 rows');
    const rows = page.getByTestId('import-error-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('REQUIRED');
    await page.screenshot({ path: join(SHOTS, 'import.png'), fullPage: true });
  });
});
