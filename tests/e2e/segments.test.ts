import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

// Committed with the docs: docs/segments.md shows the editor.
const SHOTS = resolve(__dirname, '../../docs/screenshots');
const OFFICER = 'Chief Segment Officer';
const ANALYST = 'Segment Analyst';

type Row = Record<string, any>;

describe('an admin draws a segment with the condition builder and watches the count follow', () => {
  let product: Product;
  let browser: Browser;
  let admin: ApiClient;
  let everyone: number;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /** Waits until the live count shows `count` for the rule as it is on screen now. */
  async function countIs(page: Page, count: number): Promise<void> {
    const shown = page.getByTestId('segment-count');
    await eventually(
      async () =>
        (await shown.getAttribute('data-settled')) === 'true' &&
        (await shown.getAttribute('data-count')) === String(count)
          ? true
          : undefined,
      20_000,
      `a live count of ${count} (showing ${await shown.textContent()})`,
    );
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    for (const [first, title] of [
      ['Olga', OFFICER],
      ['Omar', OFFICER],
      ['Ana', ANALYST],
    ] as const) {
      const name = `${first} ${title === OFFICER ? 'Officer' : 'Analyst'}`;
      const email = `${first.toLowerCase()}@segments.example`;
      await ok(admin.post('/api/contacts', { name, title, email }), 201);
    }
    everyone = (await ok(admin.post('/api/segments/preview', { entity: 'contact', rule: true }))).count;
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('builds the condition, sees the count change, saves it and finds it in the list', async () => {
    const page = await signedIn('admin@demo.baton');
    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('new-segment').click();
    await page.getByTestId('segment-name').fill('Segment officers');

    // No condition yet: every contact.
    await countIs(page, everyone);

    const editor = page.getByTestId('condition-editor');
    const root = editor.locator('[data-testid="condition-group"][data-depth="0"]');
    await root.getByRole('button', { name: '+ Condition' }).click();
    const rule = root.getByTestId('condition-rule').first();
    await rule.getByLabel('Field', { exact: true }).selectOption({ label: 'Title' });
    await rule.getByLabel('Operator for Title').selectOption({ label: 'equals' });
    await rule.getByLabel('Value of Title').fill(ANALYST);
    await countIs(page, 1);
    await page.getByTestId('segment-member').filter({ hasText: 'Ana Analyst' }).waitFor();

    await rule.getByLabel('Value of Title').fill(OFFICER);
    await countIs(page, 2);
    for (const name of ['Olga Officer', 'Omar Officer'])
      await page.getByTestId('segment-member').filter({ hasText: name }).waitFor();
    expect(await page.getByTestId('segment-member').count()).toBe(2);
    expect(await editor.getByTestId('condition-status').getAttribute('data-valid')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'segment-editor.png') });

    await page.getByTestId('segment-save').click();
    await page.waitForURL(/#\/segments\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Segment officers' }).waitFor();

    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('nav-segments').click();
    const row = page.locator('[data-testid="segment-row"][data-name="Segment officers"]');
    await row.waitFor();
    expect(await row.getByTestId('segment-member-count').getAttribute('data-count')).toBe('2');
    expect(await row.textContent()).toContain(`contact › title is “${OFFICER}”`);

    const saved = (await ok(admin.get('/api/segments'))).items.find(
      (s: Row) => s.name === 'Segment officers',
    );
    expect(saved.rule).toEqual({ '==': [{ var: 'contact.title' }, OFFICER] });
    await page.close();
  });

  it('shows a rep the segment read only', async () => {
    const page = await signedIn('rep1@demo.baton');
    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('nav-segments').click();
    await page.locator('[data-testid="segment-row"][data-name="Segment officers"]').getByRole('link').click();
    expect(await page.getByTestId('segment-condition-text').textContent()).toContain(OFFICER);
    expect(await page.getByTestId('segment-count').getAttribute('data-count')).toBe('2');
    await page.getByTestId('segment-member').first().waitFor();
    expect(await page.getByTestId('new-segment').count()).toBe(0);
    expect(await page.getByTestId('condition-editor').count()).toBe(0);
    await page.close();
  });
});
