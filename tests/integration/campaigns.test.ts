import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import {
  removeDataDir,
  startProduct,
  startWorker,
  type Product,
  type WorkerProcess,
} from '../support/product';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(420_000);

type Row = Record<string, any>;

const OFFER = 'https://example.com/offer?src=mail';

// The sink keeps the raw MIME body: undo quoted-printable soft line breaks and "=3D" to read links.
function bodyOf(mail: ReceivedMail): string {
  return mail.text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

function linkIn(mail: ReceivedMail, kind: 'c' | 'o' | 'u'): string {
  const match = new RegExp(`https?://[^\\s"'<>()]+/api/t/${kind}/[A-Za-z0-9_-]+(\\.gif)?`).exec(bodyOf(mail));
  if (!match) throw new Error(`no /api/t/${kind}/ link in:\n${bodyOf(mail)}`);
  return match[0];
}

/**
 * Email campaigns against the real product: PostgreSQL, a Temporal dev server, the sending
 * workflow in a worker process of its own, and a real SMTP server receiving the mail.
 */
describe('email campaigns', () => {
  let product: Product;
  let sink: SmtpSink;
  let worker: WorkerProcess | undefined;
  let admin: ApiClient;
  let manager: ApiClient;
  let rep1: ApiClient;
  let rep2: ApiClient;
  let rep2Id: string;
  let accountId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const mailsTo = (address: string) => sink.mails.filter((m) => m.to.includes(address));

  // Contacts are "<first name> <tag>": a segment takes every contact whose name ends in its tag.
  async function contact(name: string, email: string | null, consent = true): Promise<string> {
    const created = await ok(
      manager.post('/api/contacts', {
        name,
        ...(email ? { email } : {}),
        accounts: [{ accountId }],
      }),
      201,
    );
    if (consent) {
      await ok(
        manager.post(`/api/contacts/${created.id}/consents`, { purpose: 'marketing', source: 'web form' }),
        201,
      );
    }
    return created.id as string;
  }

  async function segment(tag: string): Promise<string> {
    const created = await ok(
      manager.post('/api/segments', {
        name: `${tag} contacts`,
        entity: 'contact',
        rule: { endsWith: [{ var: 'contact.name' }, ` ${tag}`] },
      }),
      201,
    );
    return created.id as string;
  }

  async function campaign(fields: Row): Promise<Row> {
    return ok(
      manager.post('/api/campaigns', {
        purpose: 'marketing',
        subject: 'Hello {{contact.firstName}} at {{account.name}}',
        body: `<p>Hi {{contact.firstName}},</p><p><a href="${OFFER.replace('&', '&amp;')}">See the offer</a></p><p>{{owner.name}}</p>`,
        ...fields,
      }),
      201,
    );
  }

  const finished = (id: string, timeoutMs = 120_000) =>
    eventually(
      async () => {
        const c = await ok(manager.get(`/api/campaigns/${id}`));
        return ['sent', 'failed', 'cancelled'].includes(c.status) ? c : undefined;
      },
      timeoutMs,
      `campaign ${id} to finish`,
    ).catch((err: Error) => {
      throw new Error(
        `${err.message}\nworker:\n${worker?.output().slice(-3000)}\napi:\n${product.output().slice(-2000)}`,
      );
    });

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Worker processes inherit the environment: they send through the sink.
    process.env.BATON_SMTP_URL = sink.url;
    // The API process runs no worker: campaigns are sent only while the separate worker is up.
    product = await startProduct({ env: { BATON_ROLE: 'api', BATON_SMTP_URL: sink.url } });
    worker = await startWorker(product);
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    rep2 = await ApiClient.login(product.baseUrl, 'rep2@demo.baton');
    rep2Id = (await ok(rep2.get('/api/auth/me'))).id;
    accountId = (
      await ok(manager.post('/api/accounts', { name: 'Analytical Engines', ownerId: rep2Id }), 201)
    ).id;
  });

  afterAll(async () => {
    delete process.env.BATON_SMTP_URL;
    await worker?.stop();
    await product?.stop();
    await sink?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('refuses an unknown merge field with its field and position, and lets only managers create', async () => {
    const segmentId = await segment('Nobody');
    const res = await manager.post('/api/campaigns', {
      name: 'Typo',
      segmentId,
      purpose: 'marketing',
      subject: 'Hi',
      body: 'Hello\n{{contact.fristName}}',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'TEMPLATE_FIELD_UNKNOWN',
      details: { template: 'body', field: 'contact.fristName', position: { line: 2, column: 1 } },
    });
    const byRep = await rep1.post('/api/campaigns', { name: 'x' });
    expect(byRep.status).toBe(403);
  });

  it('keeps one live consent per purpose, and a withdrawn one on record', async () => {
    const id = await contact('Hedy Consent', 'hedy@consent.test');
    const again = await manager.post(`/api/contacts/${id}/consents`, {
      purpose: 'marketing',
      source: 'event',
    });
    expect([again.status, again.body.source]).toEqual([200, 'web form']);
    const withdrawn = await ok(manager.post(`/api/contacts/${id}/consents/marketing/withdraw`, {}));
    expect(withdrawn).toMatchObject({ purpose: 'marketing', withdrawnAt: expect.any(String) });
    expect((await manager.post(`/api/contacts/${id}/consents/marketing/withdraw`, {})).status).toBe(404);
    const listed = await ok(rep1.get(`/api/contacts/${id}/consents`));
    expect(listed.items).toEqual([
      expect.objectContaining({ id: withdrawn.id, recordedBy: expect.any(Object) }),
    ]);
    expect(
      (await manager.post(`/api/contacts/${id}/consents`, { purpose: 'Not OK', source: 'x' })).status,
    ).toBe(400);
  });

  it('reaches each consenting contact exactly once although the worker is killed mid-send', async () => {
    const consenting = await Promise.all(
      ['Ada', 'Grace', 'Barbara', 'Edsger', 'Donald', 'Frances'].map((first, i) =>
        contact(`${first} Crash`, `crash${i}@campaign.test`),
      ),
    );
    const refused = await contact('Nobody Crash', 'crash-no-consent@campaign.test', false);
    const noEmail = await contact('Nomail Crash', null);
    const addresses = consenting.map((_, i) => `crash${i}@campaign.test`);

    // One mail every two seconds: the kill lands while the campaign is half sent.
    const created = await campaign({
      name: 'Crash wave',
      segmentId: await segment('Crash'),
      ratePerMinute: 30,
      batchSize: 1,
    });
    expect(created).toMatchObject({ status: 'draft', counts: { recipients: 0 } });
    await ok(manager.post(`/api/campaigns/${created.id}/schedule`, {}));

    await eventually(
      async () => (addresses.filter((a) => mailsTo(a).length > 0).length >= 2 ? true : undefined),
      90_000,
      'the first two mails',
    );
    await new Promise((r) => setTimeout(r, 700));
    await worker!.crash();
    const beforeRestart = addresses.filter((a) => mailsTo(a).length > 0).length;
    expect(beforeRestart).toBeLessThan(addresses.length);
    const stalled = await ok(manager.get(`/api/campaigns/${created.id}`));
    expect(stalled.status).toBe('sending');

    worker = await startWorker(product);
    const done = await finished(created.id);
    expect(done.status).toBe('sent');
    expect(addresses.map((a) => mailsTo(a).length)).toEqual(addresses.map(() => 1));
    expect(mailsTo('crash-no-consent@campaign.test')).toEqual([]);

    const recipients = (await ok(manager.get(`/api/campaigns/${created.id}/recipients?limit=50`)))
      .items as Row[];
    const byContact = new Map(recipients.map((r) => [r.contact.id, r]));
    for (const id of consenting) expect(byContact.get(id)).toMatchObject({ status: 'sent', reason: null });
    expect(byContact.get(refused)).toMatchObject({ status: 'skipped', reason: 'NO_CONSENT' });
    expect(byContact.get(noEmail)).toMatchObject({ status: 'skipped', reason: 'NO_EMAIL' });

    // Each mail carries the Message-ID its recipient row recorded, its merge fields and a tracked link.
    const first = mailsTo(addresses[0]!)[0]!;
    expect(first.messageId).toBe(byContact.get(consenting[0]!)!.messageId);
    expect(first.subject).toBe('Hello Ada at Analytical Engines');
    expect(first.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/t\/u\/[\w-]+>$/);
    expect(bodyOf(first)).not.toContain('example.com/offer');

    const results = await ok(manager.get(`/api/campaigns/${created.id}/results`));
    expect(results.counts).toMatchObject({ recipients: 8, sent: 6, skipped: 2, failed: 0 });
    expect(results.skippedBy).toEqual({ NO_CONSENT: 1, NO_EMAIL: 1 });
    expect(results.funnel[0]).toEqual({ stage: 'delivered', count: 6 });
  });

  it("redirects a tracked click and starts the workflow bound to that campaign's clicks", async () => {
    const graceId = await contact('Grace Click', 'grace@click.test');
    const created = await campaign({ name: 'Click wave', segmentId: await segment('Click') });

    // A published workflow: a click in this campaign gives the account's owner a follow-up task.
    const definition = {
      schemaVersion: 1,
      key: 'campaign-click-follow-up',
      name: 'Campaign click follow-up',
      triggers: [{ id: 'clicked', kind: 'campaign', event: 'clicked', campaignId: created.id }],
      steps: [
        {
          id: 'follow_up',
          type: 'create_task',
          config: {
            title: 'Call the contact who clicked the offer',
            assignee: { kind: 'user', userId: rep2Id },
          },
        },
      ],
      transitions: [{ id: 't1', from: 'clicked', to: 'follow_up' }],
    };
    const workflow = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${workflow.id}/versions/1/publish`, { note: 'campaign trigger' }));
    const stored = await ok(admin.get(`/api/workflows/${workflow.id}/versions/1`));
    expect(stored.definition.triggers[0]).toEqual({ ...definition.triggers[0], entity: 'contact' });

    await ok(manager.post(`/api/campaigns/${created.id}/schedule`, {}));
    const mail = await eventually(async () => mailsTo('grace@click.test')[0], 60_000, 'the mail to Grace');

    const pixel = await fetch(linkIn(mail, 'o'));
    expect(pixel.status).toBe(200);
    expect(pixel.headers.get('content-type')).toBe('image/gif');
    const click = await fetch(linkIn(mail, 'c'), { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe(OFFER);

    const followUps = async () =>
      ((await ok(rep2.get('/api/tasks?assignee=me&limit=200'))).items as Row[]).filter(
        (t) => t.title === 'Call the contact who clicked the offer',
      );
    const [task] = await eventually(
      async () => ((await followUps()).length > 0 ? followUps() : undefined),
      60_000,
      'the follow-up task',
    );
    expect(task).toMatchObject({ record: { type: 'contact', id: graceId } });

    // A second click is counted, but starts nothing more.
    expect((await fetch(linkIn(mail, 'c'), { redirect: 'manual' })).status).toBe(302);
    await eventually(
      async () =>
        (await ok(manager.get(`/api/campaigns/${created.id}/results`))).events.clicked === 2
          ? true
          : undefined,
      10_000,
      'two clicks counted',
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(await followUps()).toHaveLength(1);

    const results = await ok(manager.get(`/api/campaigns/${created.id}/results`));
    expect(results.funnel).toEqual([
      { stage: 'delivered', count: 1 },
      { stage: 'opened', count: 1 },
      { stage: 'clicked', count: 1 },
    ]);
    expect(results.links).toEqual([{ url: OFFER, clicks: 2, people: 1 }]);
    expect(results.timeline.points.length).toBeGreaterThan(0);

    // Tokens are the only key: anything else is a plain 404.
    for (const path of [
      '/api/t/c/not-a-real-token-000000',
      '/api/t/o/not-a-real-token-000000.gif',
      '/api/t/u/x',
    ])
      expect((await fetch(`${product.baseUrl}${path}`)).status).toBe(404);
  });

  it('sends nothing more to a contact who unsubscribed through the link, nor to one without consent', async () => {
    const leaving = await contact('Linus Unsub', 'linus@unsub.test');
    await contact('Margaret Unsub', 'margaret@unsub.test');
    await contact('Alan Unsub', 'alan@unsub.test', false);
    const segmentId = await segment('Unsub');

    const first = await campaign({ name: 'Unsub wave 1', segmentId });
    await ok(manager.post(`/api/campaigns/${first.id}/schedule`, {}));
    const mail = await eventually(async () => mailsTo('linus@unsub.test')[0], 60_000, 'the mail to Linus');
    const page = await fetch(linkIn(mail, 'u'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You are unsubscribed');
    // Opening the link again changes nothing.
    expect((await fetch(linkIn(mail, 'u'))).status).toBe(200);

    const consents = await ok(rep1.get(`/api/contacts/${leaving}/consents`));
    expect(consents.items[0]).toMatchObject({ purpose: 'marketing', withdrawnAt: expect.any(String) });
    expect(consents.unsubscribes).toEqual([
      expect.objectContaining({ purpose: 'marketing', campaignId: first.id, source: 'link' }),
    ]);
    await finished(first.id);

    const second = await campaign({ name: 'Unsub wave 2', segmentId });
    await ok(manager.post(`/api/campaigns/${second.id}/schedule`, {}));
    expect((await finished(second.id)).status).toBe('sent');
    expect(mailsTo('linus@unsub.test')).toHaveLength(1);
    expect(mailsTo('margaret@unsub.test')).toHaveLength(2);
    expect(mailsTo('alan@unsub.test')).toEqual([]);
    const recipients = (await ok(manager.get(`/api/campaigns/${second.id}/recipients`))).items as Row[];
    expect(recipients.map((r) => [r.contact.name, r.status, r.reason]).sort()).toEqual([
      ['Alan Unsub', 'skipped', 'NO_CONSENT'],
      ['Linus Unsub', 'skipped', 'UNSUBSCRIBED'],
      ['Margaret Unsub', 'sent', null],
    ]);

    // Consent given again after the unsubscribe counts: the person asked to hear from us again.
    await ok(
      manager.post(`/api/contacts/${leaving}/consents`, { purpose: 'marketing', source: 'phone call' }),
      201,
    );
    const third = await campaign({ name: 'Unsub wave 3', segmentId });
    await ok(manager.post(`/api/campaigns/${third.id}/schedule`, {}));
    await finished(third.id);
    expect(mailsTo('linus@unsub.test')).toHaveLength(2);
  });

  it('records a bounce once, and cancels a scheduled campaign before it sends', async () => {
    await contact('Katherine Later', 'katherine@later.test');
    const segmentId = await segment('Later');
    const sent = await campaign({ name: 'Bounce wave', segmentId });
    await ok(manager.post(`/api/campaigns/${sent.id}/schedule`, {}));
    await finished(sent.id);
    const [recipient] = (await ok(manager.get(`/api/campaigns/${sent.id}/recipients`))).items as Row[];
    const bounce = { messageId: recipient!.messageId, reason: '550 5.1.1 mailbox unavailable' };
    expect(await ok(manager.post('/api/campaigns/bounces', bounce))).toEqual({
      recipientId: recipient!.id,
      recorded: true,
    });
    expect((await ok(manager.post('/api/campaigns/bounces', bounce))).recorded).toBe(false);
    expect((await ok(manager.get(`/api/campaigns/${sent.id}/results`))).events.bounced).toBe(1);

    const later = await campaign({
      name: 'Next week',
      segmentId,
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await ok(manager.post(`/api/campaigns/${later.id}/schedule`, {}));
    expect((await ok(manager.get(`/api/campaigns/${later.id}`))).status).toBe('scheduled');
    const edit = await manager.request('PATCH', `/api/campaigns/${later.id}`, {
      version: 1,
      name: 'Changed',
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await ok(manager.post(`/api/campaigns/${later.id}/cancel`, {}))).status).toBe('cancelled');
    const again = await manager.post(`/api/campaigns/${later.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(mailsTo('katherine@later.test')).toHaveLength(1);
  });
});
