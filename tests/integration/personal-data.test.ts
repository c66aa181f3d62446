import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;
type Who = 'admin' | 'manager' | 'rep1' | 'engineer';

const HENRIETTA = {
  oldName: 'Henrietta Swan',
  name: 'Henrietta Leavitt',
  email: 'henrietta.leavitt@harvard-plates.example',
  phone: '+44 161 496 0753',
  title: 'Head of Plate Analysis',
};
const ANNIE = {
  name: 'Annie Jump Cannon',
  email: 'annie.cannon@harvard-plates.example',
  phone: '+44 161 496 0214',
};
const WILLIAMINA = {
  name: 'Williamina Fleming',
  email: 'williamina@dundee-stars.example',
  phone: '+1 202 555 0143',
};

const sha256 = (email: string) => `sha256:${createHash('sha256').update(email).digest('hex')}`;

/**
 * Personal-data rights against the real product: the registry covers the whole database, export
 * gives one person's data and nobody else's, erasure leaves nothing of them in any table while
 * keeping the rows, and the retention sweep erases old inactive leads through Temporal.
 */
describe('personal data: registry, export, erasure and retention', () => {
  let product: Product;
  let db: Client;
  const as = {} as Record<Who, ApiClient>;
  const ids = {} as Record<Who, string>;
  let account: Row;
  let henrietta: Row;
  let annie: Row;
  let supportCase: Row;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);

  /** Every row of every table whose text holds one of `needles` (case-insensitive), as `table: count`. */
  async function findAnywhere(needles: string[]): Promise<Record<string, number>> {
    const tables = await db.query(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    );
    const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, '\\$&')}%`);
    const found: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      const res = await db.query(`select count(*)::int as n from "${table}" x where x::text ilike any($1)`, [
        patterns,
      ]);
      if (res.rows[0].n > 0) found[table] = res.rows[0].n;
    }
    return found;
  }

  async function runsOn(recordId: string): Promise<Row[]> {
    return (await ok(as.admin.get(`/api/runs?recordId=${recordId}&limit=100`))).items;
  }

  /** A lead whose hand-off has finished (owner and task set), so nothing moves it under the test. */
  async function settledLead(body: Row): Promise<Row> {
    const created = await ok(as.manager.post('/api/leads', body), 201);
    await eventually(
      async () => ((await runsOn(created.id)).some((r) => r.status === 'completed') ? true : undefined),
      30_000,
      'the hand-off to finish',
    );
    return created;
  }

  beforeAll(async () => {
    product = await startProduct();
    db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    for (const who of ['admin', 'manager', 'rep1', 'engineer'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      ids[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }

    account = await ok(as.manager.post('/api/accounts', { name: 'Analytical Engines Ltd' }), 201);
    const accounts = [{ accountId: account.id, role: 'Buyer' }];
    // Created under her first name only and renamed: the old name is in the record's history too.
    const created = await ok(
      as.manager.post('/api/contacts', {
        name: HENRIETTA.oldName,
        email: HENRIETTA.email,
        phone: HENRIETTA.phone,
        title: HENRIETTA.title,
        accounts,
      }),
      201,
    );
    henrietta = await ok(
      patch(as.manager, `/api/contacts/${created.id}`, { version: created.version, name: HENRIETTA.name }),
    );
    annie = await ok(as.manager.post('/api/contacts', { ...ANNIE, title: 'Inventor', accounts }), 201);

    for (const [person, text] of [
      [henrietta, `${HENRIETTA.name} prefers calls after five; call ${HENRIETTA.phone}`],
      [annie, `${ANNIE.name} wants the spectra catalogue`],
    ] as const) {
      await ok(
        as.manager.post('/api/notes', { recordType: 'contact', recordId: person.id, body: text }),
        201,
      );
      await ok(
        as.manager.post('/api/activities', {
          kind: 'call',
          subject: `Discovery call with ${person.name}`,
          body: `Spoke to ${person.name} about the engine`,
          durationMinutes: 25,
          recordType: 'contact',
          recordId: person.id,
        }),
        201,
      );
      await ok(
        as.manager.post('/api/tasks', {
          title: `Send ${person.name} the brochure`,
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          recordType: 'contact',
          recordId: person.id,
        }),
        201,
      );
    }
    // Mentions of her on records that are not hers.
    await ok(
      as.manager.post('/api/notes', {
        recordType: 'account',
        recordId: account.id,
        body: `Met ${HENRIETTA.name} and ${ANNIE.name} at the fair`,
      }),
      201,
    );
    supportCase = await ok(
      as.manager.post('/api/cases', {
        accountId: account.id,
        contactId: henrietta.id,
        subject: `${HENRIETTA.name} cannot sign in`,
        description: `Reported by ${HENRIETTA.email}`,
      }),
      201,
    );
    // A reply on her case: an email activity on the case, partly hers.
    await ok(
      as.manager.post(`/api/cases/${supportCase.id}/replies`, {
        body: 'Hi Henrietta, your plates are scanned again.',
      }),
      201,
    );

    // Consent and a sent campaign, written as the campaign feature stores them.
    const campaignId = randomUUID();
    await db.query(
      `insert into campaigns (id, name, purpose, subject, body, status, created_at, updated_at) values ($1, 'Autumn news', 'newsletter', 'News', '<p>Hello</p>', 'sent', now(), now())`,
      [campaignId],
    );
    for (const person of [henrietta, annie]) {
      const recipientId = randomUUID();
      await db.query(
        `insert into consents (id, contact_id, purpose, source, given_at) values ($1, $2, 'newsletter', 'web form', now())`,
        [randomUUID(), person.id],
      );
      await db.query(
        `insert into campaign_recipients (id, campaign_id, contact_id, email, status, token, created_at, sent_at) values ($1, $2, $3, $4, 'sent', $5, now(), now())`,
        [recipientId, campaignId, person.id, person.email, randomUUID()],
      );
      await db.query(
        `insert into campaign_events (id, campaign_id, recipient_id, contact_id, type, at) values ($1, $2, $3, $4, 'opened', now())`,
        [randomUUID(), campaignId, recipientId, person.id],
      );
    }
    await db.query(
      `insert into unsubscribes (id, email, purpose, campaign_id, source, created_at) values ($1, $2, 'newsletter', $3, 'link', now())`,
      [randomUUID(), HENRIETTA.email.toUpperCase(), campaignId],
    );
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  describe('the registry', () => {
    it('lists every table in the database and classifies every text column of tables with personal data', async () => {
      const registry = await ok(as.admin.get('/api/privacy/registry'));
      expect(registry.unlisted).toEqual([]);
      expect(registry.unclassified).toEqual([]);
      const listed = new Set((registry.tables as Row[]).map((t) => t.table));
      const tables = await db.query(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
      );
      const missing = tables.rows.map((r) => r.table_name as string).filter((t) => !listed.has(t));
      expect(missing).toEqual([]);
      expect(tables.rows.length).toBeGreaterThan(40);
    });

    it('reports a table the registry does not know', async () => {
      await db.query(`create table "privacy_probe" ("id" uuid primary key, "full_name" text)`);
      try {
        const registry = await ok(as.admin.get('/api/privacy/registry'));
        expect(registry.unlisted).toEqual(['privacy_probe']);
      } finally {
        await db.query(`drop table "privacy_probe"`);
      }
    });
  });

  it('lets only admins export, erase and manage retention', async () => {
    const calls = (client: ApiClient) => [
      client.get('/api/privacy/registry'),
      client.get(`/api/privacy/contacts/${annie.id}/export`),
      client.post(`/api/privacy/contacts/${annie.id}/erase`, { reason: 'not allowed' }),
      client.get('/api/privacy/retention'),
      put(client, '/api/privacy/retention', { enabled: false, inactiveMonths: 1 }),
      client.post('/api/privacy/retention/run', { dryRun: true }),
    ];
    for (const who of ['manager', 'rep1', 'engineer'] as const) {
      for (const res of await Promise.all(calls(as[who]))) {
        expect([who, res.status, res.body.code]).toEqual([who, 403, 'FORBIDDEN']);
      }
    }
    expect((await ok(as.admin.get(`/api/contacts/${annie.id}`))).name).toBe(ANNIE.name);
  });

  it('exports everything about a contact, and nothing of the contact beside her', async () => {
    const exported = await ok(as.admin.get(`/api/privacy/contacts/${henrietta.id}/export`));
    expect(exported.subject).toEqual({ type: 'contact', id: henrietta.id });
    expect(exported.record).toMatchObject({
      id: henrietta.id,
      name: HENRIETTA.name,
      email: HENRIETTA.email,
      phone: HENRIETTA.phone,
    });
    const data = exported.data as Record<string, Row[]>;
    expect(data.notes!.map((n) => n.body)).toEqual([expect.stringContaining('prefers calls after five')]);
    expect(data.activities!.map((a) => a.subject).sort()).toEqual([
      `Discovery call with ${HENRIETTA.name}`,
      `Re: ${HENRIETTA.name} cannot sign in`,
    ]);
    expect(data.tasks!.map((t) => t.title)).toEqual([`Send ${HENRIETTA.name} the brochure`]);
    expect(data.cases!.map((c) => c.subject)).toEqual([`${HENRIETTA.name} cannot sign in`]);
    expect(data.account_contacts).toEqual([
      expect.objectContaining({ account_id: account.id, role: 'Buyer' }),
    ]);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'newsletter' })]);
    expect(data.campaign_recipients).toEqual([expect.objectContaining({ email: HENRIETTA.email })]);
    expect(data.campaign_events).toEqual([expect.objectContaining({ type: 'opened' })]);
    expect(data.unsubscribes).toHaveLength(1);
    expect(JSON.stringify(data.outbox_events)).toContain(HENRIETTA.oldName);

    const text = JSON.stringify(exported);
    for (const other of [ANNIE.name, ANNIE.email, ANNIE.phone, 'spectra catalogue', 'at the fair']) {
      expect([other, text.includes(other)]).toEqual([other, false]);
    }
    const audit = await ok(as.admin.get(`/api/audit?entityType=contact&entityId=${henrietta.id}`));
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'privacy.exported',
        actor: { id: ids.admin, name: expect.any(String) },
        after: expect.objectContaining({ rows: expect.objectContaining({ notes: 1, contacts: 1 }) }),
      }),
    ]);
  });

  describe('erasing a contact', () => {
    let result: Row;
    const needles = [
      HENRIETTA.name,
      HENRIETTA.oldName,
      HENRIETTA.email,
      HENRIETTA.phone,
      HENRIETTA.phone.replace(/\D/g, ''),
      HENRIETTA.title,
    ];

    beforeAll(async () => {
      expect(Object.keys(await findAnywhere(needles)).length).toBeGreaterThan(5);
      result = await ok(
        as.admin.post(`/api/privacy/contacts/${henrietta.id}/erase`, {
          reason: `Erasure request from ${HENRIETTA.name}, sent from ${HENRIETTA.email}`,
        }),
      );
    });

    it('leaves nothing of her in any column of any table', async () => {
      expect(await findAnywhere(needles)).toEqual({});
    });

    it('removes what was written about her, copies in events included, and her name from replies to her', async () => {
      expect(await findAnywhere(['prefers calls after five', 'Spoke to [erased]'])).toEqual({});
      const reply = await db.query(`select subject, body, kind from activities where record_id = $1`, [
        supportCase.id,
      ]);
      expect(reply.rows).toEqual([
        {
          subject: 'Re: [erased] cannot sign in',
          body: 'Hi [erased], your plates are scanned again.',
          kind: 'email',
        },
      ]);
      expect((await ok(as.admin.get(`/api/cases/${supportCase.id}`))).subject).toBe(
        '[erased] cannot sign in',
      );
    });

    it('keeps the rows and their history, anonymised, and the contact beside her untouched', async () => {
      expect(result).toMatchObject({ subject: { type: 'contact', id: henrietta.id }, alreadyErased: false });
      expect(result.records).toEqual([{ type: 'contact', id: henrietta.id }]);
      // Her call and the reply on her case.
      expect(result.counts).toMatchObject({ contacts: 1, activities: 2, cases: 1 });
      // Her note and the account's note that mentions her; her task.
      expect(result.counts.notes).toBe(2);
      expect(result.counts.tasks).toBeGreaterThanOrEqual(1);

      const contact = await ok(as.admin.get(`/api/contacts/${henrietta.id}`));
      expect(contact).toMatchObject({ name: 'Erased contact', email: null, phone: null, title: null });
      expect(contact.archivedAt).not.toBeNull();
      const activities = await db.query(
        `select kind, subject, body, duration_minutes from activities where record_id = $1`,
        [henrietta.id],
      );
      expect(activities.rows).toEqual([
        { kind: 'call', subject: '[erased]', body: '[erased]', duration_minutes: 25 },
      ]);
      const notes = await db.query(`select body from notes where record_id = $1`, [henrietta.id]);
      expect(notes.rows).toEqual([{ body: '[erased]' }]);
      const tasks = await db.query(`select title, record_label, status from tasks where record_id = $1`, [
        henrietta.id,
      ]);
      expect(tasks.rows).toEqual([
        { title: 'Send [erased] the brochure', record_label: 'Erased contact', status: 'open' },
      ]);
      const accountNote = await db.query(`select body from notes where record_id = $1`, [account.id]);
      expect(accountNote.rows).toEqual([{ body: `Met [erased] and ${ANNIE.name} at the fair` }]);
      const links = await db.query(`select account_id, role from account_contacts where contact_id = $1`, [
        henrietta.id,
      ]);
      expect(links.rows).toEqual([{ account_id: account.id, role: 'Buyer' }]);

      const recipients = await db.query(
        `select contact_id, email, status from campaign_recipients order by email = $1 desc`,
        [ANNIE.email],
      );
      expect(recipients.rows).toEqual([
        { contact_id: annie.id, email: ANNIE.email, status: 'sent' },
        { contact_id: henrietta.id, email: sha256(HENRIETTA.email), status: 'sent' },
      ]);
      const unsubscribes = await db.query(`select email from unsubscribes`);
      expect(unsubscribes.rows).toEqual([{ email: sha256(HENRIETTA.email) }]);
      expect((await db.query(`select count(*)::int as n from consents`)).rows[0].n).toBe(2);

      expect(await ok(as.admin.get(`/api/contacts/${annie.id}`))).toMatchObject(ANNIE);
      expect(Object.keys(await findAnywhere([ANNIE.name, ANNIE.email])).length).toBeGreaterThan(3);
    });

    it('records who erased her, why and how much, without her data', async () => {
      const audit = await ok(as.admin.get(`/api/audit?entityType=contact&entityId=${henrietta.id}`));
      const erased = (audit.items as Row[]).filter((e) => e.action === 'privacy.erased');
      expect(erased).toEqual([
        expect.objectContaining({
          actor: { id: ids.admin, name: expect.any(String) },
          after: expect.objectContaining({
            reason: 'Erasure request from [erased], sent from [erased]',
            trigger: 'request',
            records: [{ type: 'contact', id: henrietta.id }],
            counts: result.counts,
            runsCancelled: [],
          }),
        }),
      ]);
    });

    it('changes nothing when asked again', async () => {
      const again = await ok(
        as.admin.post(`/api/privacy/contacts/${henrietta.id}/erase`, { reason: 'once more' }),
      );
      expect(again).toMatchObject({ alreadyErased: true, erasedAt: result.erasedAt, counts: {} });
      const audit = await ok(as.admin.get(`/api/audit?entityType=contact&entityId=${henrietta.id}`));
      expect((audit.items as Row[]).filter((e) => e.action === 'privacy.erased')).toHaveLength(1);
    });

    it('answers NOT_FOUND for a contact that does not exist', async () => {
      const res = await as.admin.post(`/api/privacy/contacts/${randomUUID()}/erase`, { reason: 'nobody' });
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    });
  });

  it('erases a lead, cancelling the runs still in flight on it, and exports its runs before', async () => {
    const lead = await settledLead({ ...WILLIAMINA, company: 'Dundee Stars' });
    const running = await eventually(
      async () => {
        const runs = (await runsOn(lead.id)).filter((r) => r.status === 'running');
        return runs.length > 0 ? runs : undefined;
      },
      30_000,
      'the contact SLA to be waiting',
    );
    const exported = await ok(as.admin.get(`/api/privacy/leads/${lead.id}/export`));
    expect(exported.record).toMatchObject({ name: WILLIAMINA.name, email: WILLIAMINA.email });
    expect(exported.data.workflow_runs.length).toBeGreaterThanOrEqual(2);
    expect(exported.data.tasks.length).toBeGreaterThanOrEqual(1);

    const result = await ok(
      as.admin.post(`/api/privacy/leads/${lead.id}/erase`, { reason: 'Asked by phone' }),
    );
    expect(result.runsCancelled).toEqual(expect.arrayContaining(running.map((r) => r.id)));
    expect((await runsOn(lead.id)).filter((r) => r.status === 'running')).toEqual([]);
    expect((await runsOn(lead.id)).find((r) => r.id === running[0]!.id)?.status).toBe('cancelled');
    expect(await findAnywhere([WILLIAMINA.name, WILLIAMINA.email, WILLIAMINA.phone])).toEqual({});
    expect(await ok(as.admin.get(`/api/leads/${lead.id}`))).toMatchObject({
      name: 'Erased lead',
      email: null,
    });
  });

  describe('retention', () => {
    it('has a default policy of 24 months, off until an admin turns it on, and a scheduled sweep in Temporal', async () => {
      const policy = await eventually(
        async () => {
          const p = await ok(as.admin.get('/api/privacy/retention'));
          return p.schedule.nextRunAt ? p : undefined;
        },
        30_000,
        'the retention schedule',
      );
      expect(policy).toMatchObject({ entity: 'lead', enabled: false, inactiveMonths: 24 });
      expect(Date.parse(policy.schedule.nextRunAt)).toBeGreaterThan(Date.now());
      const off = await as.admin.post('/api/privacy/retention/run', {});
      expect([off.status, off.body.code]).toEqual([409, 'CONFLICT']);
      await ok(put(as.admin, '/api/privacy/retention', { enabled: true, inactiveMonths: 24 }));
    });

    it('erases an old inactive lead through the sweep and leaves a recent one', async () => {
      const old = await settledLead({ name: 'Olga Oldfield', email: 'olga@dormant.example' });
      const recent = await settledLead({ name: 'Rita Recent', email: 'rita@active.example' });
      for (const sql of [
        `update leads set created_at = now() - interval '30 months', updated_at = now() - interval '30 months' where id = $1`,
        `update tasks set created_at = now() - interval '30 months' where record_id = $1`,
      ]) {
        await db.query(sql, [old.id]);
      }

      const dry = await ok(as.admin.post('/api/privacy/retention/run', { dryRun: true }));
      const listed = (dry.candidates as Row[]).map((c) => c.id);
      expect(listed).toContain(old.id);
      expect(listed).not.toContain(recent.id);
      expect(dry.candidates.find((c: Row) => c.id === old.id)).toMatchObject({ name: 'Olga Oldfield' });
      expect((await ok(as.admin.get(`/api/leads/${old.id}`))).name).toBe('Olga Oldfield');

      const run = await ok(as.admin.post('/api/privacy/retention/run', {}));
      expect(run.dryRun).toBe(false);
      expect(run.erased).toContain(old.id);
      expect(run.erased).not.toContain(recent.id);
      expect(await ok(as.admin.get(`/api/leads/${old.id}`))).toMatchObject({
        name: 'Erased lead',
        email: null,
      });
      expect(await ok(as.admin.get(`/api/leads/${recent.id}`))).toMatchObject({ name: 'Rita Recent' });
      expect(await findAnywhere(['Olga Oldfield', 'olga@dormant.example'])).toEqual({});
      const audit = await ok(as.admin.get(`/api/audit?entityType=lead&entityId=${old.id}`));
      expect(audit.items).toEqual([
        expect.objectContaining({
          action: 'privacy.erased',
          actor: { id: ids.admin, name: expect.any(String) },
          after: expect.objectContaining({
            trigger: 'retention',
            reason: 'Retention policy: no activity for 24 months',
          }),
        }),
      ]);
    });

    it('is changed by admins, audited, and does not run while switched off', async () => {
      const changed = await ok(
        put(as.admin, '/api/privacy/retention', { enabled: false, inactiveMonths: 36 }),
      );
      expect(changed).toMatchObject({ enabled: false, inactiveMonths: 36, updatedBy: { id: ids.admin } });
      const refused = await as.admin.post('/api/privacy/retention/run', {});
      expect([refused.status, refused.body.code]).toEqual([409, 'CONFLICT']);
      const invalid = await put(as.admin, '/api/privacy/retention', { enabled: true, inactiveMonths: 0 });
      expect([invalid.status, invalid.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const audit = await ok(as.admin.get('/api/audit?entityType=retention_policy&entityId=lead'));
      expect(audit.items[0]).toMatchObject({
        action: 'privacy.retention_changed',
        before: { enabled: true, inactiveMonths: 24 },
        after: { enabled: false, inactiveMonths: 36 },
      });
      expect(audit.items.at(-1)).toMatchObject({
        before: { enabled: false, inactiveMonths: 24 },
        after: { enabled: true, inactiveMonths: 24 },
      });
      await ok(put(as.admin, '/api/privacy/retention', { enabled: true, inactiveMonths: 24 }));
    });
  });
});
