import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { launchBrowser } from '../support/browser';
import { removeDataDir, startProduct, type Product } from '../support/product';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(300_000);

const SHOTS = resolve(__dirname, '../../docs/screenshots');

type Row = Record<string, any>;

const READERS = [
  ['Ada Lovelace', 'ada@engines.test'],
  ['Grace Hopper', 'grace@cobol.test'],
  ['Katherine Johnson', 'katherine@orbits.test'],
  ['Alan Turing', 'alan@bombe.test'],
] as const;

// Quoted-printable soft line breaks would split the links the test follows.
const bodyOf = (mail: ReceivedMail) => mail.text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const link = (mail: ReceivedMail, kind: 'c' | 'o') =>
  new RegExp(`https?://[^\\s"'<>()]+/api/t/${kind}/[A-Za-z0-9_-]+(\\.gif)?`).exec(bodyOf(mail))![0];

/**
 * A manager writes a campaign for an existing contact segment in Chromium, sees a mistyped merge
 * field flagged as they type, sends it, and reads the results: figures, events over time, funnel.
 */
describe('email campaigns in Chromium', () => {
  let product: Product;
  let sink: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let manager: ApiClient;
  let segmentName: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function signedIn(email: string): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.baseUrl);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill('baton-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sink = await startSmtpSink();
    [product, browser] = await Promise.all([
      startProduct({ env: { BATON_SMTP_URL: sink.url } }),
      launchBrowser(),
    ]);
    manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const account = await ok(manager.post('/api/accounts', { name: 'Newsletter Readers Ltd' }), 201);
    for (const [name, email] of READERS) {
      const contact = await ok(
        manager.post('/api/contacts', { name, email, accounts: [{ accountId: account.id }] }),
        201,
      );
      // Alan never agreed to marketing mail: the campaign skips him.
      if (name !== 'Alan Turing')
        await ok(
          manager.post(`/api/contacts/${contact.id}/consents`, { purpose: 'marketing', source: 'webinar' }),
          201,
        );
    }
    segmentName = 'Newsletter readers';
    await ok(
      manager.post('/api/segments', {
        name: segmentName,
        entity: 'contact',
        rule: { in: [{ var: 'contact.email' }, READERS.map(([, email]) => email)] },
      }),
      201,
    );
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await product?.stop();
    await sink?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('creates a campaign for a segment, sends it and charts the results', async () => {
    const page = await signedIn('manager@demo.baton');
    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('new-campaign').click();

    await page.getByTestId('campaign-name').fill('November newsletter');
    const segment = page.getByTestId('campaign-segment');
    await segment.locator('option', { hasText: segmentName }).waitFor({ state: 'attached' });
    await segment.selectOption({ label: `${segmentName} (4 contacts)` });
    await page.getByTestId('campaign-subject').fill('News for {{account.name}}');
    await page
      .getByTestId('campaign-body')
      .fill(
        '<p>Hello {{contact.fristName}},</p>\n<p>Our <a href="https://example.com/news">November news</a> is out.</p>',
      );
    // A mistyped merge field is flagged as it is typed, with where it is, and sending waits for it.
    const problems = page.getByTestId('campaign-body-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Unknown merge field "{{contact.fristName}}" at line 1, column 10',
    );
    expect(await page.getByTestId('campaign-send').isDisabled()).toBe(true);
    await page
      .getByTestId('campaign-body')
      .fill(
        '<p>Hello {{contact.firstName}},</p>\n<p>Our <a href="https://example.com/news">November news</a> is out.</p>\n<p>{{owner.name}}</p>',
      );
    await problems.waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SHOTS, 'campaign-editor.png'), fullPage: true });

    await page.getByTestId('campaign-send').click();
    await page.locator('[data-testid="campaign-status"][data-status="sent"]').waitFor({ timeout: 60_000 });
    // The figures follow the status within a poll.
    const figures = async () => [
      await page.getByTestId('campaign-sent').textContent(),
      await page.getByTestId('campaign-skipped').textContent(),
    ];
    await eventually(
      async () => ((await figures()).join() === '3,1' ? true : undefined),
      15_000,
      '3 sent and 1 skipped on the page',
    );
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual([
      'ada@engines.test',
      'grace@cobol.test',
      'katherine@orbits.test',
    ]);

    // Two readers open the mail, one clicks through.
    const byAddress = (address: string) => sink.mails.find((m) => m.to.includes(address))!;
    for (const address of ['ada@engines.test', 'grace@cobol.test'])
      expect((await fetch(link(byAddress(address), 'o'))).status).toBe(200);
    const click = await fetch(link(byAddress('ada@engines.test'), 'c'), { redirect: 'manual' });
    expect(click.headers.get('location')).toBe('https://example.com/news');

    const funnel = page.locator('[data-testid="chart-campaign-funnel"] svg[role="img"]');
    await eventually(
      async () => {
        await page.reload();
        await funnel.waitFor({ timeout: 30_000 });
        const label = await funnel.getAttribute('aria-label');
        return label?.includes('1 clicked') ? label : undefined;
      },
      60_000,
      'the funnel with the click',
    ).then((label) =>
      expect(label).toBe(
        'Campaign funnel, people: 3 delivered, 2 opened (67 % of delivered), 1 clicked (33 % of delivered).',
      ),
    );
    const timeline = page.locator('[data-testid="chart-campaign-timeline"] svg[role="img"]');
    expect(await timeline.getAttribute('aria-label')).toContain('3 delivered, 2 opened, 1 clicked');
    expect(
      await page.locator('[data-testid="chart-campaign-funnel"] .chart__value').allTextContents(),
    ).toEqual(['3', '2', '1']);
    expect(await page.getByTestId('campaign-links').textContent()).toContain('https://example.com/news');
    const skipped = page.locator('[data-testid="campaign-recipient"][data-status="skipped"]');
    expect(await skipped.textContent()).toContain('no consent for this purpose');
    await page.screenshot({ path: join(SHOTS, 'campaign-results.png'), fullPage: true });

    // The list shows where it stands and how it did.
    await page.getByTestId('nav-marketing').click();
    await page.getByTestId('nav-campaigns').click();
    const row = page.locator('[data-testid="campaign-row"]', { hasText: 'November newsletter' });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(1)).toEqual([
      'Sent',
      expect.any(String),
      '3',
      '2',
      '1',
    ]);
  });
});
