import { Client } from 'pg';
import { freePort } from '@baton/runtime';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

type Row = Record<string, any>;

describe('duplicate detection and merge for leads and contacts', () => {
  let product: Product;
  let db: Client;
  const as: Record<'admin' | 'manager' | 'rep1' | 'rep2', ApiClient> = {} as any;
  const ids: Record<'rep1' | 'rep2', string> = {} as any;

  beforeAll(async () => {
    const pgPort = await freePort();
    product = await startProduct({ env: { BATON_PG_PORT: String(pgPort) } });
    for (const who of ['admin', 'manager', 'rep1', 'rep2'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    }
    ids.rep1 = (await as.rep1.get('/api/auth/me')).body.id;
    ids.rep2 = (await as.rep2.get('/api/auth/me')).body.id;
    // Only to check what HTTP cannot show: tasks moved, events written.
    db = new Client({ connectionString: `postgres://baton:baton@127.0.0.1:${pgPort}/baton` });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);

  async function tasksOf(recordId: string): Promise<string[]> {
    const res = await db.query(`select id from tasks where record_id = $1 order by id`, [recordId]);
    return res.rows.map((r) => r.id as string);
  }

  /**
   * A lead the hand-off workflow has finished with (owner assigned, contact task created), then
   * given to `owner` by the manager, so versions and owners no longer move under the test.
   */
  async function settledLead(body: Row, owner: 'rep1' | 'rep2'): Promise<Row> {
    const created = await ok(as.manager.post('/api/leads', body), 201);
    await eventually(
      async () => ((await tasksOf(created.id)).length > 0 ? true : undefined),
      30_000,
      'the hand-off task',
    );
    const current = await ok(as.manager.get(`/api/leads/${created.id}`));
    if (current.owner?.id === ids[owner]) return current;
    return ok(
      patch(as.manager, `/api/leads/${created.id}`, { version: current.version, ownerId: ids[owner] }),
    );
  }

  describe('leads', () => {
    it('warns about a gmail address with dots and a +tag, with the reason, and still creates the lead', async () => {
      const first = await ok(
        as.manager.post('/api/leads', { name: 'Grace Brewster', email: 'grace.brewster@gmail.com' }),
        201,
      );
      expect(first.duplicates).toEqual([]);
      const second = await ok(
        as.manager.post('/api/leads', { name: 'G. Murray', email: 'Grace.Brew.Ster+crm@GoogleMail.com' }),
        201,
      );
      expect(second.id).not.toBe(first.id);
      expect(second.email).toBe('grace.brew.ster+crm@googlemail.com');
      expect(second.duplicates).toEqual([
        expect.objectContaining({ id: first.id, name: 'Grace Brewster', reasons: ['email'], score: 100 }),
      ]);
      const listed = await ok(as.manager.get(`/api/leads/${first.id}/duplicates`));
      expect(listed.duplicates.map((d: Row) => d.id)).toEqual([second.id]);
    });

    it('matches a phone however it is formatted', async () => {
      const first = await ok(
        as.manager.post('/api/leads', { name: 'Phone One', phone: '+33 6 12 34 56 78' }),
        201,
      );
      const second = await ok(
        as.manager.post('/api/leads', { name: 'Someone Else', phone: '06.12.34.56.78' }),
        201,
      );
      expect(second.duplicates).toEqual([
        expect.objectContaining({ id: first.id, reasons: ['phone'], score: 90 }),
      ]);
    });

    it('matches a similar name at the same company, and nothing for an unrelated lead', async () => {
      const first = await ok(
        as.manager.post('/api/leads', { name: 'Ada Lovelace', company: 'Analytical Engines Ltd' }),
        201,
      );
      const second = await ok(
        as.manager.post('/api/leads', { name: 'Ada  Lovelace', company: 'analytical engines, ltd.' }),
        201,
      );
      expect(second.duplicates).toEqual([
        expect.objectContaining({
          id: first.id,
          company: 'Analytical Engines Ltd',
          reasons: ['name_company'],
        }),
      ]);
      // The same name elsewhere is a different person.
      const elsewhere = await ok(
        as.manager.post('/api/leads', { name: 'Ada Lovelace', company: 'Babbage & Co' }),
        201,
      );
      expect(elsewhere.duplicates).toEqual([]);
      const unrelated = await ok(
        as.manager.post('/api/leads', {
          name: 'Zed Unrelated',
          email: 'zed@nowhere.example',
          company: 'Nowhere',
          phone: '+49 30 9999 8877',
        }),
        201,
      );
      expect(unrelated.duplicates).toEqual([]);
    });

    it('shows reps only the duplicates they may see', async () => {
      const theirs = await settledLead({ name: 'Hidden Twin', email: 'hidden.twin@corp.example' }, 'rep2');
      const mine = await ok(
        as.rep1.post('/api/leads', { name: 'Hidden Twin', email: 'hidden.twin@corp.example' }),
        201,
      );
      expect(mine.duplicates).toEqual([]);
      const managerView = await ok(as.manager.get(`/api/leads/${mine.id}/duplicates`));
      expect(managerView.duplicates.map((d: Row) => d.id)).toEqual([theirs.id]);
    });

    it('merges: fields chosen, tasks moved, duplicate archived with mergedInto, events and audit written', async () => {
      const survivor = await settledLead({ name: 'Merge Survivor', email: 'merge.me@gmail.com' }, 'rep1');
      const duplicate = await settledLead(
        { name: 'Merge Dup', email: 'mergeme+x@gmail.com', phone: '+44 7700 900123', company: 'Dup Co' },
        'rep1',
      );
      const duplicateTasks = await tasksOf(duplicate.id);
      expect(duplicateTasks.length).toBeGreaterThan(0);
      const survivorTasks = await tasksOf(survivor.id);

      // Another rep may neither merge into nor from rep1's leads: they read as missing.
      const rep2Try = await as.rep2.post(`/api/leads/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      });
      expect(rep2Try.status).toBe(404);

      const stale = await as.rep1.post(`/api/leads/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version + 1,
        duplicateVersion: duplicate.version,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('CONFLICT');
      const staleDuplicate = await as.rep1.post(`/api/leads/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version - 1 || 99,
      });
      expect(staleDuplicate.status).toBe(409);
      expect(await tasksOf(duplicate.id)).toEqual(duplicateTasks);

      const merged = await ok(
        as.rep1.post(`/api/leads/${survivor.id}/merge`, {
          duplicateId: duplicate.id,
          version: survivor.version,
          duplicateVersion: duplicate.version,
          fields: { name: 'duplicate', company: 'survivor' },
        }),
      );
      expect(merged.survivor).toMatchObject({
        id: survivor.id,
        name: 'Merge Dup',
        email: 'merge.me@gmail.com',
        // Not chosen, but the survivor had none: filled from the duplicate.
        phone: '+44 7700 900123',
        // Chosen to stay the survivor's (none).
        company: null,
        archivedAt: null,
        mergedInto: null,
        version: survivor.version + 1,
      });
      expect(merged.merged).toMatchObject({ id: duplicate.id, mergedInto: survivor.id });
      expect(merged.merged.archivedAt).not.toBeNull();
      expect(merged.moved.tasks).toBe(duplicateTasks.length);

      expect(await tasksOf(duplicate.id)).toEqual([]);
      expect(await tasksOf(survivor.id)).toEqual([...survivorTasks, ...duplicateTasks].sort());

      // The merged lead stays readable, out of lists and out of duplicate candidates.
      const readable = await ok(as.rep1.get(`/api/leads/${duplicate.id}`));
      expect(readable).toMatchObject({ mergedInto: survivor.id, name: 'Merge Dup' });
      const list = await ok(as.manager.get('/api/leads?limit=200'));
      expect(list.items.some((l: Row) => l.id === duplicate.id)).toBe(false);
      expect((await ok(as.rep1.get(`/api/leads/${survivor.id}/duplicates`))).duplicates).toEqual([]);

      const events = await db.query(
        `select type, aggregate_id, payload from outbox_events where aggregate_id in ($1, $2) order by occurred_at, id`,
        [survivor.id, duplicate.id],
      );
      const survivorEvent = events.rows.find(
        (e) => e.aggregate_id === survivor.id && e.type === 'lead.updated' && e.payload.changes.mergedFrom,
      );
      expect(survivorEvent?.payload.changes).toMatchObject({
        name: { from: 'Merge Survivor', to: 'Merge Dup' },
        mergedFrom: { from: null, to: duplicate.id },
      });
      const duplicateEvent = events.rows.find(
        (e) => e.aggregate_id === duplicate.id && e.type === 'lead.deleted',
      );
      expect(duplicateEvent?.payload.changes.mergedInto).toEqual({ from: null, to: survivor.id });

      const audit = await ok(as.admin.get(`/api/audit?entityType=lead&entityId=${survivor.id}`));
      expect(audit.items).toEqual([
        expect.objectContaining({ action: 'lead.merged', actor: expect.objectContaining({ id: ids.rep1 }) }),
      ]);

      // Merged once: a second merge of the same duplicate is refused.
      const again = await as.rep1.post(`/api/leads/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: merged.survivor.version,
        duplicateVersion: merged.merged.version,
      });
      expect(again.status).toBe(409);
    });

    it("does not let a rep merge another rep's lead, but lets a manager", async () => {
      const mine = await settledLead({ name: 'Owner One', email: 'owner.one@corp.example' }, 'rep1');
      const theirs = await settledLead({ name: 'Owner One', email: 'owner.one@corp.example' }, 'rep2');
      const body = { duplicateId: theirs.id, version: mine.version, duplicateVersion: theirs.version };
      const res = await as.rep1.post(`/api/leads/${mine.id}/merge`, body);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      const reverse = await as.rep1.post(`/api/leads/${theirs.id}/merge`, {
        duplicateId: mine.id,
        version: theirs.version,
        duplicateVersion: mine.version,
      });
      expect(reverse.status).toBe(404);
      const merged = await ok(as.manager.post(`/api/leads/${mine.id}/merge`, body));
      expect(merged.merged.mergedInto).toBe(mine.id);
    });

    it('answers hostile input with 400 and a code, never a 5xx', async () => {
      const lead = await ok(as.manager.post('/api/leads', { name: 'Hostile Target' }), 201);
      const bad: Array<[string, unknown]> = [
        ['sql in duplicateId', { duplicateId: "x'; drop table leads; --", version: 1, duplicateVersion: 1 }],
        ['no versions', { duplicateId: lead.id }],
        [
          'an unknown field choice',
          { duplicateId: lead.id, version: 1, duplicateVersion: 1, fields: { password: 'duplicate' } },
        ],
        ['a bad side', { duplicateId: lead.id, version: 1, duplicateVersion: 1, fields: { name: 'both' } }],
        ['an extra property', { duplicateId: lead.id, version: 1, duplicateVersion: 1, force: true }],
        ['a string version', { duplicateId: lead.id, version: '1', duplicateVersion: 1 }],
      ];
      for (const [what, body] of bad) {
        const res = await as.manager.post(`/api/leads/${lead.id}/merge`, body);
        expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
      }
      const self = await as.manager.post(`/api/leads/${lead.id}/merge`, {
        duplicateId: lead.id,
        version: lead.version,
        duplicateVersion: lead.version,
      });
      expect([self.status, self.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const badId = await as.manager.get(`/api/leads/not-a-uuid/duplicates`);
      expect([badId.status, badId.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      // Trigram and LIKE metacharacters and quotes in names are data, not SQL.
      const weird = await ok(
        as.manager.post('/api/leads', {
          name: "%_' or 1=1 -- \\",
          company: "%' or ''='",
          email: 'weird.one@x.example',
        }),
        201,
      );
      expect(weird.duplicates).toEqual([]);
    });
  });

  describe('contacts', () => {
    it('warns on create, merges with history kept, and limits reps to their own contacts', async () => {
      const account = await ok(as.rep1.post('/api/accounts', { name: 'Dup Detect Account' }), 201);
      const first = await ok(
        as.rep1.post('/api/contacts', {
          name: 'Zoë Ångström',
          phone: '+1 (415) 555-0199',
          accounts: [{ accountId: account.id, role: 'Buyer' }],
        }),
        201,
      );
      expect(first.duplicates).toEqual([]);
      const second = await ok(
        as.rep1.post('/api/contacts', {
          name: 'Zoe Angstrom',
          email: 'zoe@dup.example',
          accounts: [{ accountId: account.id }],
        }),
        201,
      );
      expect(second.duplicates).toEqual([
        expect.objectContaining({ id: first.id, reasons: ['name_company'], company: 'Dup Detect Account' }),
      ]);
      const third = await ok(
        as.rep1.post('/api/contacts', { name: 'Phone Twin', phone: '415.555.0199' }),
        201,
      );
      expect(third.duplicates).toEqual([expect.objectContaining({ id: first.id, reasons: ['phone'] })]);
      expect(
        (await ok(as.rep2.get(`/api/contacts/${first.id}/duplicates`))).duplicates
          .map((d: Row) => d.id)
          .sort(),
      ).toEqual([second.id, third.id].sort());

      // History on the duplicate: a task and a note.
      const task = await ok(
        as.rep1.post('/api/tasks', {
          title: 'Call Zoe',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          recordType: 'contact',
          recordId: second.id,
        }),
        201,
      );
      await ok(
        as.rep1.post('/api/notes', { body: 'Met at the fair', recordType: 'contact', recordId: second.id }),
        201,
      );

      // rep2 may read them but not merge rep1's contacts.
      const forbidden = await as.rep2.post(`/api/contacts/${first.id}/merge`, {
        duplicateId: second.id,
        version: first.version,
        duplicateVersion: second.version,
      });
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);

      const stale = await as.rep1.post(`/api/contacts/${first.id}/merge`, {
        duplicateId: second.id,
        version: first.version + 5,
        duplicateVersion: second.version,
      });
      expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);

      const merged = await ok(
        as.rep1.post(`/api/contacts/${first.id}/merge`, {
          duplicateId: second.id,
          version: first.version,
          duplicateVersion: second.version,
          fields: { name: 'survivor' },
        }),
      );
      expect(merged.survivor).toMatchObject({
        id: first.id,
        name: 'Zoë Ångström',
        email: 'zoe@dup.example',
        phone: '+1 (415) 555-0199',
      });
      expect(merged.moved).toEqual({ tasks: 1, activities: 0, notes: 1 });
      expect(await tasksOf(first.id)).toEqual([task.id]);
      const archived = await ok(as.rep1.get(`/api/contacts/${second.id}`));
      expect(archived.mergedInto).toBe(first.id);
      expect(archived.archivedAt).not.toBeNull();
      const types = (
        await db.query(`select type from outbox_events where aggregate_id = $1 order by occurred_at, id`, [
          second.id,
        ])
      ).rows.map((r) => r.type);
      expect(types).toEqual(['contact.created', 'contact.deleted']);
    });
  });
});
