import { Client } from 'pg';
import { addBusinessDays } from '@baton/domain';
import { freePort } from '@baton/runtime';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

type Row = Record<string, any>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('CRM records: subscriptions, cases, activities, notes, user tasks and timelines', () => {
  let product: Product;
  let db: Client;
  const as: Record<'admin' | 'manager' | 'rep1' | 'rep2' | 'engineer', ApiClient> = {} as any;
  const ids: Record<string, string> = {};
  let account: Row;

  beforeAll(async () => {
    const pgPort = await freePort();
    product = await startProduct({ env: { BATON_PG_PORT: String(pgPort) } });
    for (const who of ['admin', 'manager', 'rep1', 'rep2', 'engineer'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      ids[who] = (await as[who].get('/api/auth/me')).body?.id;
    }
    // Only to check what HTTP cannot show: stored rows and outbox events.
    db = new Client({ connectionString: `postgres://baton:baton@127.0.0.1:${pgPort}/baton` });
    await db.connect();
    for (const who of ['admin', 'manager', 'rep1', 'rep2', 'engineer'] as const) {
      ids[who] ??= (
        await db.query(`select id from users where email = $1`, [`${who}@demo.baton`])
      ).rows[0].id;
    }
    account = await ok(as.rep1.post('/api/accounts', { name: 'Timeline Test Account' }), 201);
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function fails(res: Promise<{ status: number; body: any }>, status: number, code: string) {
    const r = await res;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    return r.body;
  }

  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const del = (client: ApiClient, path: string) => client.request('DELETE', path);
  const count = async (table: string) =>
    Number((await db.query(`select count(*) from ${table}`)).rows[0].count);
  const countAll = async (tables: string[]) => {
    const counts: number[] = [];
    for (const table of tables) counts.push(await count(table));
    return counts;
  };
  const eventTypes = async (id: string) =>
    (
      await db.query(
        `select type, payload from outbox_events where aggregate_id = $1 order by occurred_at, id`,
        [id],
      )
    ).rows as Row[];

  async function walk(client: ApiClient, path: string, limit: number): Promise<Row[]> {
    const all: Row[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const page = await ok(
        client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      all.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return all;
    }
    throw new Error('more than 100 pages');
  }

  it('seeds subscriptions, cases (some breached), activities and notes', async () => {
    const subscriptions = await walk(as.admin, '/api/subscriptions', 200);
    expect(subscriptions).toHaveLength(40);
    const soon = Date.now() + 121 * DAY;
    expect(subscriptions.every((s) => Date.parse(s.endDate) <= soon)).toBe(true);
    expect(new Set(subscriptions.map((s) => s.renewalStatus)).size).toBe(5);
    const cases = await walk(as.admin, '/api/cases', 200);
    expect(cases).toHaveLength(50);
    expect(new Set(cases.map((c) => c.priority)).size).toBe(4);
    expect(new Set(cases.map((c) => c.status)).size).toBe(4);
    const breached = await walk(as.admin, '/api/cases?breached=true', 200);
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.every((c) => c.breached && Date.parse(c.slaDueAt) < Date.now())).toBe(true);
    expect(await count('activities')).toBe(200);
    expect(await count('notes')).toBe(80);
    const mine = await walk(as.rep1, '/api/subscriptions', 200);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.owner.name === 'Riley Rep')).toBe(true);
  });

  describe('subscriptions', () => {
    it('creates, reads, updates with optimistic locking and archives, recording events', async () => {
      const created = await ok(
        as.rep1.post('/api/subscriptions', {
          accountId: account.id,
          plan: ' Platform enterprise ',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          amount: '46000.5',
        }),
        201,
      );
      expect(created).toMatchObject({
        account: { id: account.id, name: account.name },
        plan: 'Platform enterprise',
        renewalStatus: 'active',
        warrantyEnd: null,
        amount: '46000.50',
        owner: { name: 'Riley Rep' },
        version: 1,
      });
      expect(await ok(as.manager.get(`/api/subscriptions/${created.id}`))).toEqual(created);
      await fails(as.rep2.get(`/api/subscriptions/${created.id}`), 404, 'NOT_FOUND');

      const changed = await ok(
        patch(as.rep1, `/api/subscriptions/${created.id}`, {
          version: 1,
          renewalStatus: 'renewal_due',
          warrantyEnd: '2027-12-31',
        }),
      );
      expect(changed).toMatchObject({ renewalStatus: 'renewal_due', warrantyEnd: '2027-12-31', version: 2 });
      const stale = await fails(
        patch(as.rep1, `/api/subscriptions/${created.id}`, { version: 1, plan: 'X' }),
        409,
        'CONFLICT',
      );
      expect(stale.details).toEqual({ currentVersion: 2 });
      await fails(
        patch(as.rep1, `/api/subscriptions/${created.id}`, { version: 2, endDate: '2025-12-31' }),
        400,
        'VALIDATION_FAILED',
      );
      await fails(del(as.rep2, `/api/subscriptions/${created.id}`), 404, 'NOT_FOUND');
      const archived = await ok(del(as.rep1, `/api/subscriptions/${created.id}`));
      expect(archived.archivedAt).not.toBeNull();

      const events = await eventTypes(created.id);
      expect(events.map((e) => e.type)).toEqual([
        'subscription.created',
        'subscription.updated',
        'subscription.deleted',
      ]);
      expect(events[0]!.payload).toMatchObject({
        actorId: ids.rep1,
        changes: { plan: { from: null, to: 'Platform enterprise' }, amount: { to: '46000.50' } },
      });
      expect(events[1]!.payload.changes).toEqual({
        renewalStatus: { from: 'active', to: 'renewal_due' },
        warrantyEnd: { from: null, to: '2027-12-31' },
      });
    });

    it('filters by owner, renewal status and end date, sorting by end date', async () => {
      const before = isoDay(Date.now() + 30 * DAY);
      const ending = await walk(as.admin, `/api/subscriptions?endingBefore=${before}&sort=endDate`, 7);
      expect(ending.length).toBeGreaterThan(0);
      expect(ending.every((s) => s.endDate < before)).toBe(true);
      const ends = ending.map((s) => s.endDate);
      expect(ends).toEqual([...ends].sort());
      const atRisk = await walk(as.admin, '/api/subscriptions?renewalStatus=at_risk&owner=me', 50);
      expect(atRisk).toEqual([]);
      const theirs = await walk(as.admin, `/api/subscriptions?renewalStatus=at_risk&owner=${ids.rep2}`, 50);
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.every((s) => s.renewalStatus === 'at_risk' && s.owner.id === ids.rep2)).toBe(true);
      const desc = await walk(as.admin, '/api/subscriptions?sort=-endDate', 9);
      expect(desc.map((s) => s.endDate)).toEqual(
        desc
          .map((s) => s.endDate)
          .sort()
          .reverse(),
      );
      await fails(as.admin.get('/api/subscriptions?sort=plan'), 400, 'VALIDATION_FAILED');
      await fails(as.admin.get('/api/subscriptions?endingBefore=soon'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('cases', () => {
    it('computes the SLA from the priority at creation, and again from the opening time when the priority changes', async () => {
      const expected: Record<string, (at: Date) => Date> = {
        urgent: (at) => new Date(at.getTime() + 4 * HOUR),
        high: (at) => addBusinessDays(at, 1),
        normal: (at) => addBusinessDays(at, 3),
        low: (at) => addBusinessDays(at, 5),
      };
      for (const priority of ['urgent', 'high', 'normal', 'low']) {
        const c = await ok(
          as.rep1.post('/api/cases', { accountId: account.id, subject: `SLA ${priority}`, priority }),
          201,
        );
        expect(c).toMatchObject({ priority, status: 'open', breached: false, owner: { name: 'Riley Rep' } });
        expect(c.slaDueAt).toBe(expected[priority]!(new Date(c.createdAt)).toISOString());
        // A new priority moves the SLA, still counted from when the case opened.
        const changed = await ok(patch(as.rep1, `/api/cases/${c.id}`, { version: 1, priority: 'low' }));
        expect(changed.slaDueAt).toBe(expected.low!(new Date(c.createdAt)).toISOString());
      }
      const defaulted = await ok(
        as.rep1.post('/api/cases', { accountId: account.id, subject: 'Default' }),
        201,
      );
      expect(defaulted.priority).toBe('normal');
    });

    it('does CRUD with contacts, locking, visibility and events', async () => {
      const contact = await ok(as.rep1.post('/api/contacts', { name: 'Case Contact' }), 201);
      const c = await ok(
        as.rep1.post('/api/cases', {
          accountId: account.id,
          contactId: contact.id,
          subject: 'Gateway offline',
          description: 'Since Tuesday',
          priority: 'high',
        }),
        201,
      );
      expect(c.contact).toEqual({ id: contact.id, name: 'Case Contact' });
      await fails(as.rep2.get(`/api/cases/${c.id}`), 404, 'NOT_FOUND');
      expect((await ok(as.manager.get(`/api/cases/${c.id}`))).subject).toBe('Gateway offline');
      const pending = await ok(
        patch(as.rep1, `/api/cases/${c.id}`, { version: 1, status: 'pending', contactId: null }),
      );
      expect(pending).toMatchObject({ status: 'pending', contact: null, version: 2 });
      await fails(patch(as.rep1, `/api/cases/${c.id}`, { version: 1, status: 'closed' }), 409, 'CONFLICT');
      await fails(
        patch(as.engineer, `/api/cases/${c.id}`, { version: 2, status: 'closed' }),
        403,
        'FORBIDDEN',
      );
      const archived = await ok(del(as.manager, `/api/cases/${c.id}`));
      expect(archived.archivedAt).not.toBeNull();
      expect((await eventTypes(c.id)).map((e) => e.type)).toEqual([
        'case.created',
        'case.updated',
        'case.deleted',
      ]);
      const list = await walk(as.rep1, `/api/cases?account=${account.id}`, 50);
      expect(list.some((x) => x.id === c.id)).toBe(false);
    });

    it('filters breached cases: past the SLA and neither resolved nor closed', async () => {
      const c = await ok(
        as.rep2.post('/api/cases', { accountId: account.id, subject: 'Breach me', priority: 'urgent' }),
        201,
      );
      const breachedIds = async () => (await walk(as.rep2, '/api/cases?breached=true', 200)).map((x) => x.id);
      expect(await breachedIds()).not.toContain(c.id);
      await db.query(`update cases set sla_due_at = now() - interval '1 hour' where id = $1`, [c.id]);
      expect(await breachedIds()).toContain(c.id);
      expect((await ok(as.rep2.get(`/api/cases/${c.id}`))).breached).toBe(true);
      const urgentOpen = await walk(
        as.rep2,
        '/api/cases?breached=true&priority=urgent&status=open&owner=me',
        50,
      );
      expect(urgentOpen.map((x) => x.id)).toContain(c.id);
      await ok(patch(as.rep2, `/api/cases/${c.id}`, { version: 1, status: 'resolved' }));
      expect(await breachedIds()).not.toContain(c.id);
      expect((await walk(as.rep2, '/api/cases?breached=false', 200)).map((x) => x.id)).toContain(c.id);
    });
  });

  describe('activities', () => {
    it('lets an admin add a kind that people then use, and retire it', async () => {
      const kinds = await ok(as.rep1.get('/api/activity-kinds'));
      expect(kinds.map((k: Row) => k.key).sort()).toEqual(['call', 'email', 'meeting']);
      await fails(
        as.rep1.post('/api/activity-kinds', { key: 'site_visit', label: 'Site visit' }),
        403,
        'FORBIDDEN',
      );
      await fails(
        as.manager.post('/api/activity-kinds', { key: 'site_visit', label: 'Site visit' }),
        403,
        'FORBIDDEN',
      );
      const before = await count('activities');
      await fails(
        as.rep1.post('/api/activities', {
          kind: 'site_visit',
          subject: 'Visited the plant',
          recordType: 'account',
          recordId: account.id,
        }),
        400,
        'VALIDATION_FAILED',
      );
      const kind = await ok(
        as.admin.post('/api/activity-kinds', { key: 'site_visit', label: 'Site visit', icon: 'map-pin' }),
        201,
      );
      expect(kind).toMatchObject({ key: 'site_visit', label: 'Site visit', icon: 'map-pin', active: true });
      await fails(
        as.admin.post('/api/activity-kinds', { key: 'site_visit', label: 'Again' }),
        409,
        'CONFLICT',
      );

      const visit = await ok(
        as.rep1.post('/api/activities', {
          kind: 'site_visit',
          subject: 'Visited the plant',
          durationMinutes: 120,
          recordType: 'account',
          recordId: account.id,
        }),
        201,
      );
      expect(visit).toMatchObject({
        kind: 'site_visit',
        durationMinutes: 120,
        record: { type: 'account', id: account.id },
        author: { id: ids.rep1, name: 'Riley Rep' },
        version: 1,
      });
      expect((await eventTypes(visit.id)).map((e) => e.type)).toEqual(['activity.created']);

      await fails(patch(as.rep1, '/api/activity-kinds/site_visit', { active: false }), 403, 'FORBIDDEN');
      expect(await ok(patch(as.admin, '/api/activity-kinds/site_visit', { active: false }))).toMatchObject({
        active: false,
      });
      const active = await ok(as.rep1.get('/api/activity-kinds?active=true'));
      expect(active.map((k: Row) => k.key)).not.toContain('site_visit');
      await fails(
        as.rep1.post('/api/activities', {
          kind: 'site_visit',
          subject: 'Again',
          recordType: 'account',
          recordId: account.id,
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await count('activities')).toBe(before + 1);
      // Past activities keep their retired kind.
      expect((await ok(as.rep2.get(`/api/activities/${visit.id}`))).kind).toBe('site_visit');
    });

    it('logs, lists by record, edits and deletes activities on records the caller can see', async () => {
      const opp = await ok(
        as.rep2.post('/api/opportunities', { accountId: account.id, name: 'Hidden deal' }),
        201,
      );
      await fails(
        as.rep1.post('/api/activities', {
          kind: 'call',
          subject: 'x',
          recordType: 'opportunity',
          recordId: opp.id,
        }),
        400,
        'VALIDATION_FAILED',
      );
      await fails(as.rep1.get(`/api/activities?recordType=opportunity&recordId=${opp.id}`), 404, 'NOT_FOUND');
      const logged: Row[] = [];
      for (let i = 0; i < 3; i += 1) {
        logged.push(
          await ok(
            as.rep2.post('/api/activities', {
              kind: pickKind(i),
              subject: `Touch ${i}`,
              occurredAt: new Date(Date.now() - i * HOUR).toISOString(),
              recordType: 'opportunity',
              recordId: opp.id,
            }),
            201,
          ),
        );
      }
      const listed = await walk(as.manager, `/api/activities?recordType=opportunity&recordId=${opp.id}`, 2);
      expect(listed.map((a) => a.subject)).toEqual(['Touch 0', 'Touch 1', 'Touch 2']);
      await fails(
        patch(as.manager, `/api/activities/${logged[0]!.id}`, { version: 1, subject: 'Mine now' }),
        403,
        'FORBIDDEN',
      );
      expect(
        await ok(patch(as.rep2, `/api/activities/${logged[0]!.id}`, { version: 1, subject: 'Edited' })),
      ).toMatchObject({ subject: 'Edited', version: 2 });
      expect((await del(as.rep2, `/api/activities/${logged[1]!.id}`)).status).toBe(204);
      await fails(as.rep2.get(`/api/activities/${logged[1]!.id}`), 404, 'NOT_FOUND');
      expect((await eventTypes(logged[1]!.id)).map((e) => e.type)).toEqual([
        'activity.created',
        'activity.deleted',
      ]);
    });
  });

  describe('notes', () => {
    let lead: Row;
    beforeAll(async () => {
      lead = await ok(as.rep1.post('/api/leads', { name: 'Note Target' }), 201);
    });

    it('never shows a private note to anyone but its author, managers and admins included', async () => {
      const note = await ok(
        as.rep1.post('/api/notes', { body: 'Only for me', recordType: 'lead', recordId: lead.id }),
        201,
      );
      expect(note).toMatchObject({ visibility: 'private', sharedWith: [], author: { id: ids.rep1 } });
      expect((await ok(as.rep1.get(`/api/notes/${note.id}`))).body).toBe('Only for me');
      for (const who of [as.manager, as.admin, as.rep2]) {
        await fails(who.get(`/api/notes/${note.id}`), 404, 'NOT_FOUND');
        const listed = await walk(who, `/api/notes?recordType=lead&recordId=${lead.id}`, 50);
        expect(listed.map((n) => n.id)).not.toContain(note.id);
        const timeline = await walk(who, `/api/leads/${lead.id}/timeline`, 200);
        expect(timeline.some((t) => t.kind === 'note' && t.data.noteId === note.id)).toBe(false);
        await fails(patch(who, `/api/notes/${note.id}`, { version: 1, body: 'x' }), 404, 'NOT_FOUND');
        await fails(del(who, `/api/notes/${note.id}`), 404, 'NOT_FOUND');
      }
      const edited = await ok(patch(as.rep1, `/api/notes/${note.id}`, { version: 1, body: 'Still mine' }));
      expect(edited).toMatchObject({ body: 'Still mine', version: 2 });
      expect((await del(as.rep1, `/api/notes/${note.id}`)).status).toBe(204);
      await fails(as.rep1.get(`/api/notes/${note.id}`), 404, 'NOT_FOUND');
    });

    it('shows a shared note only to its author and the named users', async () => {
      const note = await ok(
        as.rep1.post('/api/notes', {
          body: 'For Sam',
          visibility: 'shared',
          sharedWith: [ids.rep2],
          recordType: 'lead',
          recordId: lead.id,
        }),
        201,
      );
      expect(note.sharedWith).toEqual([{ id: ids.rep2, name: 'Sam Seller' }]);
      expect((await ok(as.rep2.get(`/api/notes/${note.id}`))).body).toBe('For Sam');
      const forRep2 = await walk(as.rep2, `/api/notes?recordType=lead&recordId=${lead.id}`, 50);
      expect(forRep2.map((n) => n.id)).toEqual([note.id]);
      for (const who of [as.manager, as.admin, as.engineer]) {
        await fails(who.get(`/api/notes/${note.id}`), 404, 'NOT_FOUND');
      }
      await fails(patch(as.rep2, `/api/notes/${note.id}`, { version: 1, body: 'Mine' }), 403, 'FORBIDDEN');
      await fails(del(as.rep2, `/api/notes/${note.id}`), 403, 'FORBIDDEN');
      // Re-sharing with the manager instead takes it away from Sam.
      await ok(patch(as.rep1, `/api/notes/${note.id}`, { version: 1, sharedWith: [ids.manager] }));
      await fails(as.rep2.get(`/api/notes/${note.id}`), 404, 'NOT_FOUND');
      expect((await ok(as.manager.get(`/api/notes/${note.id}`))).version).toBe(2);
      expect((await eventTypes(note.id)).map((e) => e.type)).toEqual(['note.created', 'note.updated']);
    });

    it('rejects bad notes without storing anything', async () => {
      const before = await count('notes');
      const bad: unknown[] = [
        { body: 'x'.repeat(20_001), recordType: 'lead', recordId: lead.id },
        { body: '', recordType: 'lead', recordId: lead.id },
        { body: 'x', recordType: 'lead', recordId: lead.id, visibility: 'private', sharedWith: [ids.rep2] },
        { body: 'x', recordType: 'lead', recordId: lead.id, visibility: 'shared', sharedWith: [] },
        { body: 'x', recordType: 'lead', recordId: lead.id, visibility: 'shared', sharedWith: [account.id] },
        { body: 'x', recordType: 'planet', recordId: lead.id },
        { body: 'x', recordType: 'lead', recordId: account.id },
        { body: 'x', recordType: 'lead', recordId: lead.id, pinned: true },
      ];
      for (const body of bad) await fails(as.rep1.post('/api/notes', body), 400, 'VALIDATION_FAILED');
      expect(await count('notes')).toBe(before);
      expect(
        (
          await ok(
            as.rep1.post('/api/notes', { body: 'x'.repeat(20_000), recordType: 'lead', recordId: lead.id }),
            201,
          )
        ).body,
      ).toHaveLength(20_000);
    });
  });

  describe('user tasks', () => {
    const due = () => new Date(Date.now() + DAY).toISOString();

    it('lets reps assign only themselves and managers anyone', async () => {
      const own = await ok(
        as.rep1.post('/api/tasks', {
          title: 'Send quote',
          dueAt: due(),
          priority: 'high',
          recordType: 'account',
          recordId: account.id,
        }),
        201,
      );
      expect(own).toMatchObject({
        title: 'Send quote',
        status: 'open',
        priority: 'high',
        assignee: { id: ids.rep1 },
        record: { type: 'account', id: account.id, label: account.name },
        origin: { kind: 'user', userId: ids.rep1, name: 'Riley Rep' },
      });
      expect((await eventTypes(own.id)).map((e) => e.type)).toEqual(['task.created']);
      const before = await count('tasks');
      await fails(
        as.rep1.post('/api/tasks', { title: 'For Sam', dueAt: due(), assigneeId: ids.rep2 }),
        403,
        'FORBIDDEN',
      );
      await fails(as.rep1.post('/api/tasks', { title: 'No due date' }), 400, 'VALIDATION_FAILED');
      await fails(
        as.manager.post('/api/tasks', { title: 'Ghost', dueAt: due(), assigneeId: account.id }),
        400,
        'VALIDATION_FAILED',
      );
      await fails(
        as.rep1.post('/api/tasks', { title: 'Half link', dueAt: due(), recordType: 'account' }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await count('tasks')).toBe(before);
      const assigned = await ok(
        as.manager.post('/api/tasks', { title: 'Call back', dueAt: due(), assigneeId: ids.rep2 }),
        201,
      );
      expect(assigned).toMatchObject({
        assignee: { id: ids.rep2 },
        origin: { kind: 'user', userId: ids.manager },
      });
      const inbox = await ok(as.rep2.get('/api/tasks?assignee=me&status=open&limit=200'));
      expect(inbox.items.map((t: Row) => t.id)).toContain(assigned.id);
    });

    it('snoozes only the assignee’s open tasks, into the future', async () => {
      const task = await ok(as.rep1.post('/api/tasks', { title: 'Snooze me', dueAt: due() }), 201);
      const until = new Date(Date.now() + 3 * DAY).toISOString();
      await fails(as.manager.post(`/api/tasks/${task.id}/snooze`, { until }), 403, 'FORBIDDEN');
      await fails(
        as.rep1.post(`/api/tasks/${task.id}/snooze`, { until: new Date(Date.now() - HOUR).toISOString() }),
        400,
        'VALIDATION_FAILED',
      );
      await fails(as.rep1.post(`/api/tasks/${task.id}/snooze`, {}), 400, 'VALIDATION_FAILED');
      const snoozed = await ok(as.rep1.post(`/api/tasks/${task.id}/snooze`, { until }));
      expect(snoozed.dueAt).toBe(until);
      const events = await eventTypes(task.id);
      expect(events.map((e) => e.type)).toEqual(['task.created', 'task.updated']);
      expect(events[1]!.payload).toMatchObject({
        actorId: ids.rep1,
        changes: { dueAt: { from: task.dueAt, to: until } },
      });
      await ok(as.rep1.post(`/api/tasks/${task.id}/complete`));
      await fails(as.rep1.post(`/api/tasks/${task.id}/snooze`, { until }), 409, 'INVALID_TRANSITION');
      await fails(
        as.rep1.post(`/api/tasks/00000000-0000-4000-8000-000000000000/snooze`, { until }),
        404,
        'NOT_FOUND',
      );
    });
  });

  it('rejects bad subscriptions, cases, activities and kinds with 400 and stores nothing', async () => {
    const tables = ['subscriptions', 'cases', 'activities', 'activity_kinds', 'outbox_events'];
    const before = await countAll(tables);
    const sub = { accountId: account.id, plan: 'P', startDate: '2026-01-01', endDate: '2026-12-31' };
    const bad: Array<[ApiClient, string, unknown]> = [
      [as.rep1, '/api/subscriptions', { ...sub, endDate: '2025-01-01' }],
      [as.rep1, '/api/subscriptions', { ...sub, amount: '12.345' }],
      [as.rep1, '/api/subscriptions', { ...sub, renewalStatus: 'lapsed' }],
      [as.rep1, '/api/subscriptions', { ...sub, accountId: '00000000-0000-4000-8000-000000000000' }],
      [as.rep1, '/api/subscriptions', { ...sub, extra: 1 }],
      [as.rep1, '/api/cases', { accountId: account.id, subject: 'x', priority: 'critical' }],
      [as.rep1, '/api/cases', { accountId: account.id, subject: ' ' }],
      [as.rep1, '/api/cases', { accountId: account.id, subject: 'x', slaDueAt: new Date().toISOString() }],
      [as.rep1, '/api/cases', { accountId: account.id, subject: 'x', contactId: account.id }],
      [as.rep1, '/api/activities', { kind: 'call', subject: 'x', recordType: 'account', recordId: 'nope' }],
      [
        as.rep1,
        '/api/activities',
        { kind: 'fax', subject: 'x', recordType: 'account', recordId: account.id },
      ],
      [
        as.rep1,
        '/api/activities',
        { kind: 'call', subject: 'x', durationMinutes: -5, recordType: 'account', recordId: account.id },
      ],
      [as.admin, '/api/activity-kinds', { key: 'Bad Key', label: 'Bad' }],
      [as.admin, '/api/activity-kinds', { key: 'ok_key' }],
    ];
    for (const [client, path, body] of bad) {
      const res = await client.post(path, body);
      expect({ path, body, status: res.status, code: res.body?.code }).toEqual({
        path,
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await countAll(tables)).toEqual(before);
  });

  describe('timeline', () => {
    it('merges activities, notes, tasks, changes and workflow steps, newest first, in pages', async () => {
      const lead = await ok(as.admin.post('/api/leads', { name: 'Timeline Lead', company: 'Tl Co' }), 201);
      // The lead-handoff workflow assigns an owner and creates a task.
      const owned = await eventually(
        async () => {
          const l = (await as.admin.get(`/api/leads/${lead.id}`)).body;
          return l.owner ? l : undefined;
        },
        30_000,
        'the workflow to assign the lead',
      );
      const call = await ok(
        as.rep1.post('/api/activities', {
          kind: 'call',
          subject: 'Intro call',
          recordType: 'lead',
          recordId: lead.id,
        }),
        201,
      );
      const note = await ok(
        as.rep1.post('/api/notes', {
          body: 'Wants a demo',
          visibility: 'shared',
          sharedWith: [ids.manager],
          recordType: 'lead',
          recordId: lead.id,
        }),
        201,
      );
      await ok(patch(as.manager, `/api/leads/${lead.id}`, { version: owned.version, status: 'working' }));

      const timeline = await eventually(
        async () => {
          const items = await walk(as.manager, `/api/leads/${lead.id}/timeline`, 200);
          const steps = items.filter((i) => i.kind === 'workflow_step' && i.data.status === 'completed');
          // Settled once the SLA watch the handoff starts has ended too (the lead is "working", so
          // it ends at once): after that nothing more arrives, and the readings below agree.
          const watched = steps.some(
            (i) => i.data.workflowName === 'Lead contact SLA' && i.data.stepId === 'done',
          );
          return steps.length >= 2 && watched && items.some((i) => i.kind === 'task') ? items : undefined;
        },
        30_000,
        'the workflow steps on the timeline',
      );
      const ats = timeline.map((i) => Date.parse(i.at));
      expect(ats).toEqual([...ats].sort((a, b) => b - a));
      const kinds = new Set(timeline.map((i) => i.kind));
      expect([...kinds].sort()).toEqual(['activity', 'change', 'note', 'task', 'workflow_step']);

      expect(timeline.find((i) => i.kind === 'activity')).toMatchObject({
        actor: { id: ids.rep1, name: 'Riley Rep' },
        summary: 'Call: Intro call',
        data: { activityId: call.id, kind: 'call' },
      });
      expect(timeline.find((i) => i.kind === 'note')).toMatchObject({
        actor: { id: ids.rep1 },
        data: { noteId: note.id, body: 'Wants a demo' },
      });
      expect(timeline.map((i) => i.data.stepId).filter(Boolean)).toEqual(
        expect.arrayContaining(['assign_owner', 'contact_task']),
      );
      // The handoff's steps; the SLA watch it starts shows its own (workflowName "Lead contact SLA").
      expect(
        timeline.find((i) => i.kind === 'workflow_step' && i.data.stepId === 'assign_owner'),
      ).toMatchObject({
        actor: null,
        data: { workflowName: 'Lead handoff', type: expect.any(String), startedAt: expect.any(String) },
      });
      expect(timeline.find((i) => i.kind === 'task')).toMatchObject({
        data: { event: 'created', title: 'Contact new lead', workflowName: 'Lead handoff' },
      });
      const changes = timeline.filter((i) => i.kind === 'change');
      expect(changes.find((c) => c.data.type === 'lead.created')).toMatchObject({ actor: { id: ids.admin } });
      const statusChange = changes.find((c) => c.data.changes.status);
      expect(statusChange).toMatchObject({
        actor: { id: ids.manager, name: 'Morgan Manager' },
        data: { type: 'lead.updated', changes: { status: { from: 'new', to: 'working' } } },
      });
      expect(statusChange!.at >= note.createdAt).toBe(true);

      // Paging with a cursor yields the same items, none repeated.
      const paged = await walk(as.manager, `/api/leads/${lead.id}/timeline`, 2);
      expect(paged.map((i) => `${i.kind}:${i.id}`)).toEqual(timeline.map((i) => `${i.kind}:${i.id}`));

      // The note is shared with the manager only: others see the rest of the timeline without it.
      const forRep2 = await walk(as.rep2, `/api/leads/${lead.id}/timeline`, 200);
      expect(forRep2.some((i) => i.kind === 'note')).toBe(false);
      expect(forRep2.length).toBe(timeline.length - 1);

      await fails(as.manager.get(`/api/leads/${lead.id}/timeline?cursor=nonsense`), 400, 'VALIDATION_FAILED');
      await fails(as.manager.get(`/api/leads/${lead.id}/timeline?limit=0`), 400, 'VALIDATION_FAILED');
      await fails(as.manager.get(`/api/planets/${lead.id}/timeline`), 404, 'NOT_FOUND');
      await fails(as.manager.get(`/api/leads/${account.id}/timeline`), 404, 'NOT_FOUND');
    });

    it('follows the record GET visibility for every record type', async () => {
      const opp = await ok(
        as.rep2.post('/api/opportunities', { accountId: account.id, name: 'Private deal' }),
        201,
      );
      const sub = await ok(
        as.rep2.post('/api/subscriptions', {
          accountId: account.id,
          plan: 'Hidden',
          startDate: '2026-01-01',
          endDate: '2026-06-30',
        }),
        201,
      );
      const kase = await ok(
        as.rep2.post('/api/cases', { accountId: account.id, subject: 'Hidden case' }),
        201,
      );
      for (const [path, id] of [
        ['opportunities', opp.id],
        ['subscriptions', sub.id],
        ['cases', kase.id],
      ]) {
        await fails(as.rep1.get(`/api/${path}/${id}/timeline`), 404, 'NOT_FOUND');
        const mine = await ok(as.rep2.get(`/api/${path}/${id}/timeline`));
        expect(mine.items[0]).toMatchObject({ kind: 'change', actor: { id: ids.rep2 } });
      }
      expect((await ok(as.rep1.get(`/api/accounts/${account.id}/timeline`))).items.length).toBeGreaterThan(0);
    });
  });
});

function pickKind(i: number): string {
  return ['call', 'meeting', 'email'][i % 3]!;
}
