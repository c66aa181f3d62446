import { Client } from 'pg';
import { freePort } from '@baton/runtime';
import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

type Row = Record<string, any>;

// Reads of records a rep may not see answer 404, exactly like missing ones, so ids cannot be probed.
describe('CRM records: accounts, contacts, opportunities, products and quotes', () => {
  let product: Product;
  let db: Client;
  const as: Record<'admin' | 'manager' | 'rep1' | 'rep2' | 'approver' | 'engineer', ApiClient> = {} as any;

  beforeAll(async () => {
    const pgPort = await freePort();
    product = await startProduct({ env: { BATON_PG_PORT: String(pgPort) } });
    for (const who of ['admin', 'manager', 'rep1', 'rep2', 'approver', 'engineer'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    }
    // Only to check what HTTP cannot show: the outbox events written with each change.
    db = new Client({ connectionString: `postgres://baton:baton@127.0.0.1:${pgPort}/baton` });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function eventsFor(id: string): Promise<Row[]> {
    const res = await db.query(
      `select type, aggregate_type, payload from outbox_events where aggregate_id = $1 order by occurred_at, id`,
      [id],
    );
    return res.rows;
  }

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const del = (client: ApiClient, path: string) => client.request('DELETE', path);

  /** Every page of a list, following nextCursor. */
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

  it('seeds realistic CRM volume owned by the two demo reps', async () => {
    const accounts = await walk(as.admin, '/api/accounts', 200);
    const contacts = await walk(as.admin, '/api/contacts', 200);
    const opportunities = await walk(as.admin, '/api/opportunities', 200);
    const products = await walk(as.admin, '/api/products', 200);
    const quotes = await walk(as.admin, '/api/quotes', 200);
    expect([accounts, contacts, opportunities, products, quotes].map((l) => l.length)).toEqual([
      60, 150, 80, 20, 30,
    ]);
    const owners = new Set([...accounts, ...opportunities, ...quotes].map((r) => r.owner?.name));
    expect([...owners].sort()).toEqual(['Riley Rep', 'Sam Seller']);
    expect(new Set(opportunities.map((o) => o.stage)).size).toBe(6);
    expect(new Set(quotes.map((q) => q.status)).size).toBe(6);
    for (const q of quotes) {
      expect(q.lines.length).toBeGreaterThanOrEqual(1);
      expect(q.lines.length).toBeLessThanOrEqual(5);
      const sum = q.lines.reduce((s: number, l: Row) => s + Math.round(Number(l.total) * 100), 0);
      expect(Math.round(Number(q.total) * 100)).toBe(sum);
    }
    const mine = await walk(as.rep1, '/api/opportunities', 200);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.owner.name === 'Riley Rep')).toBe(true);
  });

  it('publishes every CRM endpoint in the OpenAPI document with schemas and examples', async () => {
    const doc = (await new ApiClient(product.baseUrl).get('/api/openapi.json')).body;
    const paths = Object.keys(doc.paths);
    for (const entity of ['accounts', 'contacts', 'opportunities', 'products', 'quotes']) {
      expect(paths).toEqual(expect.arrayContaining([`/api/${entity}`, `/api/${entity}/{id}`]));
      const create = doc.paths[`/api/${entity}`].post.requestBody.content['application/json'].schema;
      expect(create.additionalProperties).toBe(false);
      expect(create.example).toBeDefined();
      expect(
        doc.paths[`/api/${entity}/{id}`].patch.requestBody.content['application/json'].schema.required,
      ).toContain('version');
      expect(doc.paths[`/api/${entity}/{id}`].delete).toBeDefined();
    }
    for (const action of ['submit', 'approve', 'reject', 'send', 'accept', 'reopen']) {
      expect(doc.paths[`/api/quotes/{id}/${action}`].post.responses['200']).toBeDefined();
    }
  });

  describe('accounts', () => {
    it('creates, reads, updates with optimistic locking and archives, recording events', async () => {
      const created = await ok(
        as.rep1.post('/api/accounts', {
          name: '  Acme Rockets ',
          domain: 'ACME.example',
          industry: 'Aerospace',
        }),
        201,
      );
      expect(created).toMatchObject({
        name: 'Acme Rockets',
        domain: 'acme.example',
        industry: 'Aerospace',
        region: null,
        owner: { name: 'Riley Rep' },
        archivedAt: null,
        version: 1,
      });
      expect(await ok(as.rep2.get(`/api/accounts/${created.id}`))).toEqual(created);

      const changed = await ok(patch(as.rep1, `/api/accounts/${created.id}`, { version: 1, region: 'EMEA' }));
      expect(changed).toMatchObject({ region: 'EMEA', version: 2 });
      const stale = await patch(as.rep1, `/api/accounts/${created.id}`, { version: 1, region: 'NA' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });

      const foreign = await patch(as.rep2, `/api/accounts/${created.id}`, { version: 2, region: 'NA' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.code).toBe('FORBIDDEN');
      expect(
        await ok(patch(as.manager, `/api/accounts/${created.id}`, { version: 2, industry: 'Space' })),
      ).toMatchObject({ industry: 'Space', version: 3 });

      const listed = async (query: string) =>
        (await ok(as.rep2.get(`/api/accounts?q=acme%20rock${query}`))).items.map((a: Row) => a.id);
      expect(await listed('')).toEqual([created.id]);
      const archived = await ok(del(as.rep1, `/api/accounts/${created.id}`));
      expect(archived.archivedAt).not.toBeNull();
      expect(await listed('')).toEqual([]);
      expect(await listed('&archived=true')).toEqual([created.id]);
      expect((await ok(as.rep1.get(`/api/accounts/${created.id}`))).archivedAt).toBe(archived.archivedAt);

      const events = await eventsFor(created.id);
      expect(events.map((e) => e.type)).toEqual([
        'account.created',
        'account.updated',
        'account.updated',
        'account.deleted',
      ]);
      expect(events[0]!.payload).toMatchObject({
        actorId: expect.any(String),
        changes: { name: { from: null, to: 'Acme Rockets' }, owner: { from: null, to: created.owner.id } },
      });
      expect(events[1]!.payload.changes).toEqual({ region: { from: null, to: 'EMEA' } });
      expect(events[3]!.payload.changes.archivedAt).toMatchObject({ from: null, to: archived.archivedAt });
    });

    it('filters by owner, industry and region', async () => {
      const mine = await walk(as.rep2, '/api/accounts?owner=me', 50);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((a) => a.owner.name === 'Sam Seller')).toBe(true);
      // Exact matches, ignoring case.
      const energy = await ok(as.admin.get('/api/accounts?industry=energy&region=latam&limit=200'));
      expect(energy.items.length).toBeGreaterThan(0);
      expect(energy.items.every((a: Row) => a.industry === 'Energy' && a.region === 'LATAM')).toBe(true);
      expect((await ok(as.admin.get('/api/accounts?industry=ener'))).items).toEqual([]);
    });

    it('lets engineers and approvers read but not write', async () => {
      const id = (await ok(as.rep1.post('/api/accounts', { name: 'Read-only check' }), 201)).id;
      for (const who of [as.engineer, as.approver]) {
        expect((await who.get(`/api/accounts/${id}`)).status).toBe(200);
        for (const res of [
          await who.post('/api/accounts', { name: 'Nope' }),
          await patch(who, `/api/accounts/${id}`, { version: 1, name: 'Nope' }),
          await del(who, `/api/accounts/${id}`),
        ]) {
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('FORBIDDEN');
        }
      }
      expect(await ok(as.admin.get(`/api/accounts/${id}`))).toMatchObject({
        name: 'Read-only check',
        version: 1,
      });
      expect((await ok(as.admin.get('/api/accounts?q=nope'))).items).toEqual([]);
    });
  });

  describe('contacts', () => {
    it('keeps one register of people linked to several accounts with a role', async () => {
      const a = await ok(as.rep1.post('/api/accounts', { name: 'Link Test Alpha' }), 201);
      const b = await ok(as.rep1.post('/api/accounts', { name: 'Link Test Beta' }), 201);
      const contact = await ok(
        as.rep1.post('/api/contacts', {
          name: 'Barbara Liskov',
          email: 'Barbara@Alpha.example',
          title: 'CTO',
          accounts: [{ accountId: a.id, role: 'Decision maker' }],
        }),
        201,
      );
      expect(contact).toMatchObject({
        email: 'barbara@alpha.example',
        accounts: [{ id: a.id, name: 'Link Test Alpha', role: 'Decision maker' }],
        version: 1,
      });

      // Only the links change: still a new version and an event.
      const relinked = await ok(
        patch(as.rep1, `/api/contacts/${contact.id}`, {
          version: 1,
          accounts: [
            { accountId: a.id, role: 'Advisor' },
            { accountId: b.id, role: 'Buyer' },
          ],
        }),
      );
      expect(relinked.version).toBe(2);
      expect(relinked.accounts).toEqual([
        { id: a.id, name: 'Link Test Alpha', role: 'Advisor' },
        { id: b.id, name: 'Link Test Beta', role: 'Buyer' },
      ]);
      const atBeta = await ok(as.rep2.get(`/api/contacts?account=${b.id}`));
      expect(atBeta.items.map((c: Row) => c.id)).toEqual([contact.id]);
      expect(atBeta.items[0].accounts).toHaveLength(2);
      expect((await ok(as.rep2.get(`/api/contacts?q=ALPHA.example`))).items.map((c: Row) => c.id)).toEqual([
        contact.id,
      ]);

      const unlinked = await ok(
        patch(as.rep1, `/api/contacts/${contact.id}`, { version: 2, accounts: [{ accountId: b.id }] }),
      );
      expect(unlinked.accounts).toEqual([{ id: b.id, name: 'Link Test Beta', role: null }]);
      expect((await ok(as.rep2.get(`/api/contacts?account=${a.id}`))).items).toEqual([]);

      const events = await eventsFor(contact.id);
      expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated', 'contact.updated']);
      expect(Object.keys(events[1]!.payload.changes)).toEqual(['accounts']);

      const stale = await patch(as.rep1, `/api/contacts/${contact.id}`, { version: 2, title: 'CEO' });
      expect(stale.body.code).toBe('CONFLICT');
      expect((await patch(as.rep2, `/api/contacts/${contact.id}`, { version: 3, title: 'CEO' })).status).toBe(
        403,
      );

      await ok(del(as.manager, `/api/contacts/${contact.id}`));
      expect((await ok(as.rep1.get(`/api/contacts?account=${b.id}`))).items).toEqual([]);
      expect((await ok(as.rep1.get(`/api/contacts?account=${b.id}&archived=true`))).items).toHaveLength(1);
    });

    it('refuses links to accounts that do not exist and stores nothing', async () => {
      const res = await as.rep1.post('/api/contacts', {
        name: 'Orphan Person',
        accounts: [{ accountId: '00000000-0000-4000-8000-000000000000', role: 'Buyer' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((await ok(as.admin.get('/api/contacts?q=orphan%20person&archived=true'))).items).toEqual([]);
    });
  });

  describe('opportunities', () => {
    let accountId: string;

    beforeAll(async () => {
      accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Deal Account' }), 201)).id;
    });

    it('stores money as 2-decimal strings, dates and the offer deadline, and hides it from other reps', async () => {
      const contact = await ok(as.rep1.post('/api/contacts', { name: 'Ken Thompson' }), 201);
      const opp = await ok(
        as.rep1.post('/api/opportunities', {
          accountId,
          name: 'Tender 2026',
          amount: '125000.5',
          closeDate: '2026-12-15',
          rfiReference: 'RFI-1',
          rfpReference: 'RFP-9',
          offerDeadline: '2026-11-30T12:00:00+01:00',
          contactIds: [contact.id],
        }),
        201,
      );
      expect(opp).toMatchObject({
        account: { id: accountId, name: 'Deal Account' },
        stage: 'prospecting',
        amount: '125000.50',
        currency: 'EUR',
        closeDate: '2026-12-15',
        offerDeadline: '2026-11-30T11:00:00.000Z',
        contacts: [{ id: contact.id, name: 'Ken Thompson' }],
        owner: { name: 'Riley Rep' },
      });
      expect(await ok(as.rep1.get(`/api/opportunities/${opp.id}`))).toEqual(opp);

      // Another rep: not found, not listed, not changeable.
      const peek = await as.rep2.get(`/api/opportunities/${opp.id}`);
      expect(peek.status).toBe(404);
      expect(peek.body.code).toBe('NOT_FOUND');
      expect(
        (await patch(as.rep2, `/api/opportunities/${opp.id}`, { version: 1, stage: 'closed_lost' })).status,
      ).toBe(404);
      expect((await del(as.rep2, `/api/opportunities/${opp.id}`)).status).toBe(404);
      expect((await ok(as.rep2.get(`/api/opportunities?account=${accountId}`))).items).toEqual([]);
      for (const who of [as.manager, as.engineer, as.approver]) {
        expect((await who.get(`/api/opportunities/${opp.id}`)).status).toBe(200);
      }
      expect(
        (await patch(as.engineer, `/api/opportunities/${opp.id}`, { version: 1, stage: 'proposal' })).status,
      ).toBe(403);

      const moved = await ok(
        patch(as.rep1, `/api/opportunities/${opp.id}`, { version: 1, stage: 'proposal', contactIds: [] }),
      );
      expect(moved).toMatchObject({ stage: 'proposal', contacts: [], version: 2 });
      expect(
        (await patch(as.rep1, `/api/opportunities/${opp.id}`, { version: 1, stage: 'negotiation' })).status,
      ).toBe(409);
      const byStage = await ok(as.rep1.get(`/api/opportunities?stage=proposal&account=${accountId}`));
      expect(byStage.items.map((o: Row) => o.id)).toEqual([opp.id]);

      const events = await eventsFor(opp.id);
      expect(events.map((e) => e.type)).toEqual(['opportunity.created', 'opportunity.updated']);
      expect(events[1]!.payload.changes).toEqual({
        stage: { from: 'prospecting', to: 'proposal' },
        contacts: { from: [contact.id], to: [] },
      });

      await ok(del(as.rep1, `/api/opportunities/${opp.id}`));
      expect((await ok(as.rep1.get(`/api/opportunities?account=${accountId}`))).items).toEqual([]);
    });

    it('pages through every sort in order, with ties and empty dates, without repeats or gaps', async () => {
      const amounts = [
        '900.00',
        '100.00',
        '500.00',
        '500.00',
        '500.00',
        '20.10',
        '7000.00',
        '500.00',
        '3.00',
      ];
      const created: Row[] = [];
      for (const [i, amount] of amounts.entries()) {
        created.push(
          await ok(
            as.manager.post('/api/opportunities', {
              accountId,
              name: `Paging ${['b', 'a', 'c'][i % 3]}${i % 2}`,
              amount,
              closeDate: i % 3 === 0 ? undefined : `2027-0${1 + (i % 4)}-10`,
            }),
            201,
          ),
        );
      }
      const ids = new Set(created.map((o) => o.id));
      const compare: Record<string, (a: Row, b: Row) => number> = {
        amount: (a, b) => Number(a.amount) - Number(b.amount),
        createdAt: (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
        name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
        closeDate: (a, b) => String(a.closeDate).localeCompare(String(b.closeDate)),
      };
      for (const field of Object.keys(compare)) {
        for (const desc of [false, true]) {
          const rows = await walk(as.admin, `/api/opportunities?q=paging&sort=${desc ? '-' : ''}${field}`, 2);
          expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
          const expected = [...rows].sort((a, b) => {
            // Empty dates come last either way; ties go by id in the sort's direction.
            if (field === 'closeDate' && (a.closeDate === null) !== (b.closeDate === null)) {
              return a.closeDate === null ? 1 : -1;
            }
            const order = compare[field]!(a, b) || (a.id < b.id ? -1 : 1);
            return desc ? -order : order;
          });
          expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        }
      }
    });

    it('walks all accounts by name in pages that match one big page', async () => {
      const big = await ok(as.admin.get('/api/accounts?sort=name&limit=200'));
      expect(big.nextCursor).toBeNull();
      const paged = await walk(as.admin, '/api/accounts?sort=name', 7);
      expect(paged.map((a) => a.id)).toEqual(big.items.map((a: Row) => a.id));
      expect(new Set(paged.map((a) => a.id)).size).toBe(paged.length);
      const reversed = await walk(as.admin, '/api/accounts?sort=-name', 9);
      expect(reversed.map((a) => a.id)).toEqual(big.items.map((a: Row) => a.id).reverse());
    });

    it('refuses bad cursors and sorts with VALIDATION_FAILED', async () => {
      const first = await ok(as.admin.get('/api/opportunities?sort=amount&limit=1'));
      const forged = Buffer.from(
        JSON.stringify({ s: 'amount', v: 'DROP TABLE', id: first.items[0].id }),
      ).toString('base64url');
      for (const query of [
        'cursor=not-a-cursor',
        `cursor=${forged}`,
        `sort=name&cursor=${first.nextCursor}`,
        'sort=password',
        'sort=-',
        'limit=0',
        'limit=1000',
        'owner=someone',
        'stage=won',
        'archived=yes',
        `q=${'x'.repeat(101)}`,
        'unknown=1',
      ]) {
        const res = await as.admin.get(`/api/opportunities?${query}`);
        expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('products', () => {
    it('lets managers keep the price book, with unique SKUs; reps only read it', async () => {
      const created = await ok(
        as.manager.post('/api/products', { sku: 'tst-001', name: 'Test widget', unitPrice: '19.9' }),
        201,
      );
      expect(created).toMatchObject({ sku: 'TST-001', unitPrice: '19.90', active: true, version: 1 });
      const dup = await as.admin.post('/api/products', { sku: 'TST-001', name: 'Again', unitPrice: '1.00' });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('CONFLICT');
      for (const res of [
        await as.rep1.post('/api/products', { sku: 'TST-002', name: 'Rep widget', unitPrice: '1.00' }),
        await patch(as.rep1, `/api/products/${created.id}`, { version: 1, unitPrice: '0.01' }),
        await patch(as.engineer, `/api/products/${created.id}`, { version: 1, unitPrice: '0.01' }),
      ]) {
        expect(res.status).toBe(403);
      }
      expect((await ok(as.rep1.get('/api/products?q=tst-'))).items.map((p: Row) => p.id)).toEqual([
        created.id,
      ]);
      const cheaper = await ok(
        patch(as.manager, `/api/products/${created.id}`, { version: 1, active: false }),
      );
      expect(cheaper).toMatchObject({ active: false, version: 2 });
      expect((await ok(as.rep1.get('/api/products?q=tst-&active=true'))).items).toEqual([]);
      const byPrice = await walk(as.rep1, '/api/products?sort=-unitPrice', 6);
      const prices = byPrice.map((p) => Number(p.unitPrice));
      expect(prices).toEqual([...prices].sort((a, b) => b - a));
    });
  });

  describe('quotes', () => {
    let opportunityId: string;
    let hundred: Row;
    let fifty: Row;

    beforeAll(async () => {
      // The status machine on its own: the shipped approval workflow would decide these quotes itself.
      const workflows = (await ok(as.admin.get('/api/workflows'))).items as Row[];
      const approval = workflows.find((w) => w.key === 'quote-approval')!;
      await ok(as.admin.post(`/api/workflows/${approval.id}/archive`));
      const account = await ok(as.rep1.post('/api/accounts', { name: 'Quote Account' }), 201);
      opportunityId = (
        await ok(as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Quote Deal' }), 201)
      ).id;
      hundred = await ok(
        as.manager.post('/api/products', { sku: 'Q-100', name: 'Hundred', unitPrice: '100.00' }),
        201,
      );
      fifty = await ok(
        as.manager.post('/api/products', { sku: 'Q-050', name: 'Fifty', unitPrice: '75.00' }),
        201,
      );
    });

    const lines = () => [
      { productId: hundred.id, quantity: 3, discountPercent: 10 },
      { productId: fifty.id, quantity: 1, unitPrice: '50.00' },
    ];

    it('computes line and quote totals on the server', async () => {
      const quote = await ok(as.rep1.post('/api/quotes', { opportunityId, name: 'Q1', lines: lines() }), 201);
      expect(quote).toMatchObject({
        status: 'draft',
        currency: 'EUR',
        opportunity: { id: opportunityId, name: 'Quote Deal' },
        account: { name: 'Quote Account' },
        owner: { name: 'Riley Rep' },
        subtotal: '350.00',
        discountTotal: '30.00',
        total: '320.00',
        decision: null,
      });
      expect(quote.lines).toEqual([
        expect.objectContaining({
          position: 0,
          product: { id: hundred.id, sku: 'Q-100', name: 'Hundred' },
          quantity: 3,
          unitPrice: '100.00',
          discountPercent: 10,
          subtotal: '300.00',
          discount: '30.00',
          total: '270.00',
        }),
        expect.objectContaining({ position: 1, unitPrice: '50.00', discount: '0.00', total: '50.00' }),
      ]);
      const forged = await as.rep1.post('/api/quotes', {
        opportunityId,
        name: 'Q1',
        lines: lines(),
        total: '1.00',
      });
      expect(forged.status).toBe(400);
      const forgedLine = await as.rep1.post('/api/quotes', {
        opportunityId,
        name: 'Q1',
        lines: [{ ...lines()[0], total: '1.00' }],
      });
      expect(forgedLine.status).toBe(400);
      // 33.33% of 0.10 is 3.333 cents: each line's discount is rounded to the cent, half up.
      const rounded = await ok(
        patch(as.rep1, `/api/quotes/${quote.id}`, {
          version: 1,
          lines: [{ productId: hundred.id, quantity: 1, unitPrice: '0.10', discountPercent: 33.33 }],
        }),
      );
      expect(rounded).toMatchObject({ subtotal: '0.10', discountTotal: '0.03', total: '0.07', version: 2 });
    });

    it('walks every legal transition and refuses illegal ones with INVALID_TRANSITION', async () => {
      const quote = await ok(
        as.rep1.post('/api/quotes', { opportunityId, name: 'Lifecycle', lines: lines() }),
        201,
      );
      const act = (who: ApiClient, action: string, body?: unknown) =>
        who.post(`/api/quotes/${quote.id}/${action}`, body);

      const early = await act(as.rep1, 'accept');
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { status: 'draft', action: 'accept', allowedActions: ['submit'] },
      });
      expect((await act(as.approver, 'approve')).body.code).toBe('INVALID_TRANSITION');

      expect((await ok(act(as.rep1, 'submit'))).status).toBe('submitted');
      const locked = await patch(as.rep1, `/api/quotes/${quote.id}`, { version: 2, name: 'Too late' });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('INVALID_TRANSITION');
      expect((await act(as.rep1, 'approve')).status).toBe(403);
      expect((await act(as.engineer, 'reject', { comment: 'no' })).status).toBe(403);
      expect((await act(as.approver, 'reject')).status).toBe(400);

      const rejected = await ok(act(as.approver, 'reject', { comment: 'Discount too deep' }));
      expect(rejected).toMatchObject({
        status: 'rejected',
        decision: { comment: 'Discount too deep', by: { name: 'Avery Approver' } },
      });
      expect((await act(as.rep1, 'send')).body.code).toBe('INVALID_TRANSITION');
      const reopened = await ok(act(as.rep1, 'reopen'));
      expect(reopened.status).toBe('draft');
      const edited = await ok(
        patch(as.rep1, `/api/quotes/${quote.id}`, {
          version: reopened.version,
          lines: [{ productId: hundred.id, quantity: 3, discountPercent: 5 }],
        }),
      );
      expect(edited.total).toBe('285.00');
      await ok(act(as.rep1, 'submit'));
      expect((await ok(act(as.manager, 'approve', { comment: 'Fine' }))).status).toBe('approved');
      expect((await ok(act(as.rep1, 'send'))).status).toBe('sent');
      const accepted = await ok(act(as.rep1, 'accept'));
      expect(accepted).toMatchObject({
        status: 'accepted',
        decision: { comment: 'Fine', by: { name: 'Morgan Manager' } },
      });
      expect((await act(as.rep1, 'reopen')).body.code).toBe('INVALID_TRANSITION');

      const statuses = (await eventsFor(quote.id)).map((e) =>
        e.type === 'quote.created' ? 'created' : (e.payload.changes.status?.to ?? 'edited'),
      );
      expect(statuses).toEqual([
        'created',
        'submitted',
        'rejected',
        'draft',
        'edited',
        'submitted',
        'approved',
        'sent',
        'accepted',
      ]);
      const [, submitted] = await eventsFor(quote.id);
      expect(submitted).toMatchObject({
        type: 'quote.updated',
        aggregate_type: 'quote',
        payload: { changes: { status: { from: 'draft', to: 'submitted' } } },
      });
    });

    it("keeps quotes private to their rep, readable by approvers, and only on the rep's own deals", async () => {
      const quote = await ok(
        as.rep1.post('/api/quotes', { opportunityId, name: 'Private', lines: lines() }),
        201,
      );
      expect((await as.rep2.get(`/api/quotes/${quote.id}`)).status).toBe(404);
      expect((await as.rep2.post(`/api/quotes/${quote.id}/submit`)).status).toBe(404);
      expect((await ok(as.rep2.get(`/api/quotes?opportunity=${opportunityId}`))).items).toEqual([]);
      expect((await ok(as.approver.get(`/api/quotes/${quote.id}`))).id).toBe(quote.id);
      expect(
        (await as.approver.post('/api/quotes', { opportunityId, name: 'x', lines: lines() })).status,
      ).toBe(403);

      const onForeignDeal = await as.rep2.post('/api/quotes', {
        opportunityId,
        name: 'Poach',
        lines: lines(),
      });
      expect(onForeignDeal.status).toBe(400);
      expect(onForeignDeal.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'opportunityId' },
      });

      const mine = await walk(as.rep1, '/api/quotes?sort=-total&owner=me', 4);
      expect(mine.every((q) => q.owner.name === 'Riley Rep')).toBe(true);
      const totals = mine.map((q) => Number(q.total));
      expect(totals).toEqual([...totals].sort((a, b) => b - a));

      await ok(del(as.rep1, `/api/quotes/${quote.id}`));
      expect((await ok(as.rep1.get(`/api/quotes?q=private`))).items).toEqual([]);
      expect((await ok(as.rep1.get(`/api/quotes?q=private&archived=true`))).items).toHaveLength(1);
    });
  });

  describe('bad input', () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    // [what, endpoint, body, the field the error must name ('' for the body as a whole)]
    const cases: Array<[string, string, unknown, string]> = [
      ['an unknown field', '/api/accounts', { name: 'Bad Extra', color: 'red' }, ''],
      ['a name of the wrong type', '/api/accounts', { name: 42 }, 'name'],
      ['a 1 MB name', '/api/accounts', { name: megabyte }, 'name'],
      ['a bad domain', '/api/accounts', { name: 'Bad Domain', domain: 'not a domain' }, 'domain'],
      ['a bad email', '/api/contacts', { name: 'Bad Mail', email: 'nope' }, 'email'],
      ['a duplicated account link', '/api/contacts', { name: 'Bad Dup', accounts: [] }, 'accounts'],
      [
        'a numeric amount',
        '/api/opportunities',
        { accountId: 'ACCOUNT', name: 'Bad Amount', amount: 12.5 },
        'amount',
      ],
      [
        'three decimals',
        '/api/opportunities',
        { accountId: 'ACCOUNT', name: 'Bad Cents', amount: '1.005' },
        'amount',
      ],
      [
        'an unknown stage',
        '/api/opportunities',
        { accountId: 'ACCOUNT', name: 'Bad Stage', stage: 'won' },
        'stage',
      ],
      [
        'an impossible date',
        '/api/opportunities',
        { accountId: 'ACCOUNT', name: 'Bad Date', closeDate: '2026-02-30' },
        'closeDate',
      ],
      [
        'a zero quantity',
        '/api/quotes',
        { opportunityId: 'OPP', name: 'Bad Qty', lines: [{ quantity: 0 }] },
        'lines.0.quantity',
      ],
      [
        'a 101% discount',
        '/api/quotes',
        { opportunityId: 'OPP', name: 'Bad Disc', lines: [{ discountPercent: 101 }] },
        'lines.0.discountPercent',
      ],
      [
        'a client-computed total',
        '/api/quotes',
        { opportunityId: 'OPP', name: 'Bad Total', lines: [{}], total: '1.00' },
        '',
      ],
      ['no lines', '/api/quotes', { opportunityId: 'OPP', name: 'Bad Empty', lines: [] }, 'lines'],
      ['an array body', '/api/accounts', [{ name: 'Bad Array' }], ''],
    ];
    let ids: Record<string, string>;

    beforeAll(async () => {
      const account = await ok(as.rep1.post('/api/accounts', { name: 'Input Account' }), 201);
      const opp = await ok(
        as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Input Deal' }),
        201,
      );
      const prod = (await ok(as.rep1.get('/api/products?limit=1&active=true'))).items[0];
      ids = { ACCOUNT: account.id, OPP: opp.id, PRODUCT: prod.id };
    });

    function fill(body: unknown): unknown {
      if (Array.isArray(body)) return body;
      const filled = JSON.parse(JSON.stringify(body), (_, v) =>
        typeof v === 'string' && ids[v] ? ids[v] : v,
      );
      if (filled.name === 'Bad Dup')
        filled.accounts = [{ accountId: ids.ACCOUNT }, { accountId: ids.ACCOUNT }];
      for (const line of filled.lines ?? [])
        Object.assign(line, { productId: ids.PRODUCT, quantity: 1, ...line });
      return filled;
    }

    it.each(cases)(
      'rejects %s with 400 VALIDATION_FAILED and stores nothing',
      async (_, path, body, field) => {
        const before = await db.query(`select count(*)::int as n from outbox_events`);
        const res = await as.rep1.post(path, fill(body));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(typeof res.body.message).toBe('string');
        expect(res.body.details.issues.map((i: Row) => i.path)).toContain(field);
        const after = await db.query(`select count(*)::int as n from outbox_events`);
        expect(after.rows[0].n).toBe(before.rows[0].n);
        expect((await ok(as.admin.get(`${path}?q=bad&archived=true`))).items).toEqual([]);
      },
    );

    it('stores SQL and HTML in names verbatim; only JSON escapes them', async () => {
      const name = `Robert'); DROP TABLE accounts;-- <script>alert("x")</script> 100% _ \\`;
      const created = await ok(as.rep1.post('/api/accounts', { name }), 201);
      expect(created.name).toBe(name);
      expect((await ok(as.rep1.get(`/api/accounts/${created.id}`))).name).toBe(name);
      const raw = await fetch(`${product.baseUrl}/api/accounts/${created.id}`, {
        headers: { authorization: `Bearer ${as.rep1.token}` },
      });
      expect(raw.headers.get('content-type')).toMatch(/application\/json/);
      expect(await raw.text()).toContain('<script>alert(\\"x\\")</script>');
      // `%`, `_` and `\` in a search are literal characters, not wildcards.
      const found = await ok(as.rep1.get(`/api/accounts?q=${encodeURIComponent('100% _ \\')}`));
      expect(found.items.map((a: Row) => a.id)).toEqual([created.id]);
      expect((await ok(as.rep1.get(`/api/accounts?q=${encodeURIComponent('0%_')}`))).items).toEqual([]);
    });

    it('rejects malformed ids and malformed JSON', async () => {
      expect((await as.rep1.get('/api/quotes/not-a-uuid')).body.code).toBe('VALIDATION_FAILED');
      const res = await as.rep1.request('POST', '/api/accounts', undefined, { rawBody: '{"name": "Broken"' });
      expect(res.body.code).toBe('MALFORMED_JSON');
    });
  });
});
