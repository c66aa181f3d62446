import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

const SHOTS = resolve(__dirname, '../../docs/screenshots');

type Row = Record<string, any>;

/**
 * The knowledge base through the screens: a visitor who never signs in searches the help center
 * and reads the answer; an agent starts a case reply from a canned answer filled in with the
 * case's fields, attaches an article and records the reply; an editor publishes a draft and the
 * help center shows it.
 */
describe('knowledge base in Chromium', () => {
  let product: Product;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const as = {} as Record<'rep1' | 'manager', ApiClient>;
  let caseId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function newTab(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    return context.newPage();
  }

  async function signedIn(email: string): Promise<Page> {
    const tab = await newTab();
    await tab.goto(product.baseUrl);
    await tab.getByTestId('login-email').fill(email);
    await tab.getByTestId('login-password').fill('baton-demo');
    await tab.getByTestId('login-submit').click();
    await tab.getByTestId('current-user').waitFor();
    return tab;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    for (const who of ['rep1', 'manager'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    const accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Tidewater Freight' }), 201)).id;
    const grace = await ok(
      as.rep1.post('/api/contacts', { name: 'Grace Hopper', accounts: [{ accountId }] }),
      201,
    );
    caseId = (
      await ok(
        as.rep1.post('/api/cases', {
          accountId,
          contactId: grace.id,
          subject: 'Gateway drops offline in Rotterdam',
          description: 'Since the firmware update, two gateways disconnect around 02:00 UTC.',
          priority: 'high',
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

  it('lets a visitor who is not signed in search the help center and read the best answer', async () => {
    const tab = await newTab();
    await tab.goto(product.baseUrl);
    await tab.getByTestId('login-faq').click();
    await tab.getByTestId('faq-page').waitFor();
    expect(new URL(tab.url()).hash).toBe('#/faq');
    // The seeded FAQ, by category; the draft article is not in it.
    await tab.getByTestId('faq-category').first().waitFor();
    const categories = await tab.locator('.faq__category-title').allTextContents();
    expect(categories).toEqual(['Getting started', 'Gateways and sensors', 'Billing and accounts']);
    expect(await tab.getByTestId('faq-article').filter({ hasText: 'API rate limits' }).count()).toBe(0);
    await tab.screenshot({ path: join(SHOTS, 'faq.png'), fullPage: true });

    await tab.getByTestId('faq-search').fill('gateway offline');
    await tab.getByTestId('faq-summary').filter({ hasText: 'best match first' }).waitFor();
    const best = tab.getByTestId('faq-hit').first();
    expect(await best.getAttribute('data-slug')).toBe('gateway-drops-offline-at-night');
    // The matched words are marked in the title and in the snippet.
    expect(await best.locator('.faq__hit-title mark').allTextContents()).toEqual(['Gateway', 'offline']);
    expect((await best.getByTestId('faq-snippet').locator('mark').allTextContents()).length).toBeGreaterThan(
      0,
    );
    await best.locator('summary').click();
    await best.getByText('Update to firmware 4.2 or later').waitFor();
    await tab.screenshot({ path: join(SHOTS, 'faq-search.png'), fullPage: false });

    // Drafts are not found either.
    await tab.getByTestId('faq-search').fill('rate limits');
    await tab.getByTestId('faq-summary').filter({ hasText: 'No answers match “rate limits”' }).waitFor();
    expect(await tab.getByTestId('faq-hit').count()).toBe(0);
    // All of it without a session: nothing was stored to sign in with.
    expect(await tab.evaluate(() => localStorage.getItem('baton.token'))).toBeNull();
  });

  it("lets an agent insert a canned answer filled in with the case's fields, attach an article and record the reply", async () => {
    const tab = await signedIn('rep1@demo.baton');
    await tab.getByTestId('nav-records').click();
    await tab.getByTestId('nav-cases').click();
    await tab.getByTestId('cases-table').waitFor();
    await tab.getByTestId('list-search').fill('rotterdam');
    await tab.getByTestId('list-summary').filter({ hasText: '1 case,' }).waitFor();
    await tab.getByRole('link', { name: 'Gateway drops offline in Rotterdam' }).click();
    await tab.locator(`[data-testid="case-page"][data-record-id="${caseId}"]`).waitFor();

    await tab.getByTestId('canned-answer-select').selectOption({ label: 'Acknowledge a new case' });
    await tab.getByTestId('canned-answer-insert').click();
    const reply = tab.getByTestId('reply-body');
    await tab.waitForFunction(
      () => document.querySelector<HTMLTextAreaElement>('[data-testid="reply-body"]')?.value !== '',
    );
    expect(await reply.inputValue()).toBe(
      'Hi Grace,\n\nThank you for reporting "Gateway drops offline in Rotterdam". I am looking into it now and will get back to you shortly.\n\nBest regards,\nRiley Rep',
    );
    await reply.fill(`${await reply.inputValue()}\n\nPS: the article below has the fix.`);

    await tab.getByTestId('reply-article-picker-search').fill('gateway');
    await tab
      .getByTestId('reply-article-picker-result')
      .filter({ hasText: 'Gateway drops offline at night' })
      .getByRole('button', { name: /Attach/ })
      .click();
    await tab.getByTestId('reply-article').filter({ hasText: 'Gateway drops offline at night' }).waitFor();
    await tab.getByTestId('reply-send').click();
    await tab.getByTestId('reply-done').waitFor();

    // No reload: the timeline and the linked articles re-read after the reply.
    const entry = tab
      .getByTestId('timeline-item')
      .filter({ hasText: 'Email: Re: Gateway drops offline in Rotterdam' });
    await entry.waitFor({ timeout: 5_000 });
    await tab.getByTestId('case-article').filter({ hasText: 'Gateway drops offline at night' }).waitFor();
    expect(await reply.inputValue()).toBe('');
    await tab.screenshot({ path: join(SHOTS, 'case-page.png'), fullPage: true });

    const timeline = (await ok(as.rep1.get(`/api/cases/${caseId}/timeline`))).items as Row[];
    const recorded = timeline.find((i) => i.kind === 'activity');
    expect(recorded?.data.body).toBe(
      'Hi Grace,\n\nThank you for reporting "Gateway drops offline in Rotterdam". I am looking into it now and will get back to you shortly.\n\nBest regards,\nRiley Rep\n\nPS: the article below has the fix.\n\nRelated articles:\n• Gateway drops offline at night',
    );
  });

  it('lets an editor publish a draft, which the help center then shows', async () => {
    const tab = await signedIn('manager@demo.baton');
    await tab.evaluate(() => (window.location.hash = '#/knowledge'));
    await tab.getByTestId('kb-articles-table').waitFor();
    await tab.getByTestId('list-search').fill('rate limits');
    const hit = tab.getByTestId('kb-hit').filter({ hasText: 'API rate limits' });
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Draft');
    await tab.screenshot({ path: join(SHOTS, 'knowledge-base.png'), fullPage: false });
    await hit.getByRole('link').click();

    await tab.getByTestId('kb-article-form').waitFor();
    await tab.getByTestId('kb-status').selectOption('published');
    await tab.getByTestId('kb-save').click();
    await tab.locator('[data-testid="kb-article-page"] [data-status="published"]').waitFor();

    const visitor = await newTab();
    await visitor.goto(`${product.baseUrl}/#/faq`);
    await visitor.getByTestId('faq-search').fill('rate limits');
    await visitor.getByTestId('faq-hit').filter({ hasText: 'API rate limits' }).waitFor();
  });

  it('lets an editor write a canned answer, merge fields inserted from the list', async () => {
    const tab = await signedIn('manager@demo.baton');
    await tab.evaluate(() => (window.location.hash = '#/knowledge'));
    await tab.getByTestId('nav-canned-answers').click();
    await tab.getByTestId('canned-answer').first().waitFor();
    await tab.getByTestId('canned-new').click();
    await tab.getByTestId('canned-title').fill('Escalated to engineering');
    await tab.getByTestId('canned-body').fill('Hi ');
    await tab.getByTestId('canned-form').getByRole('button', { name: 'contact.firstName' }).click();
    await tab.getByTestId('canned-body').press('End');
    await tab.getByTestId('canned-body').pressSequentially(', our engineers are on it.');
    await tab.getByTestId('canned-save').click();
    await tab.getByTestId('canned-answer').filter({ hasText: 'Escalated to engineering' }).waitFor();

    const answers = (await ok(as.manager.get('/api/kb/canned-answers?q=escalated'))).items as Row[];
    expect(answers.map((a) => a.body)).toEqual(['Hi {{contact.firstName}}, our engineers are on it.']);
  });
});
