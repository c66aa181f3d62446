import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

type Row = Record<string, any>;
const DOMAIN = '@segtest.example';

describe('Segments over HTTP', () => {
  let product: Product;
  const as: Record<'admin' | 'manager' | 'rep1' | 'engineer', ApiClient> = {} as any;
  const contacts: Record<string, string> = {};

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const del = (client: ApiClient, path: string) => client.request('DELETE', path);

  async function fails(res: Promise<ApiResponse>, status: number, code: string): Promise<Row> {
    const r = await res;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    return r.body;
  }

  async function contact(key: string, title: string | null): Promise<string> {
    const body = { name: `Seg ${key}`, email: `${key}${DOMAIN}`, ...(title === null ? {} : { title }) };
    contacts[key] = (await ok(as.manager.post('/api/contacts', body), 201)).id;
    return contacts[key]!;
  }

  // Only this suite's contacts: the demo data has contacts of its own.
  const leaders = {
    and: [
      { endsWith: [{ var: 'contact.email' }, DOMAIN] },
      { in_list: [{ var: 'contact.title' }, ['CTO', 'Head of IT']] },
    ],
  };

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'manager', 'rep1', 'engineer'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    await contact('ada', 'CTO');
    await contact('grace', 'CTO');
    await contact('linus', 'CFO');
    await contact('ken', null);
    await contact('barbara', 'Head of IT');
    // Archived contacts are members of nothing.
    await ok(del(as.manager, `/api/contacts/${await contact('gone', 'CTO')}`));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const ids = (...keys: string[]) => keys.map((k) => contacts[k]).sort();

  it('previews an unsaved rule: the live count and the first members', async () => {
    const preview = await ok(as.admin.post('/api/segments/preview', { entity: 'contact', rule: leaders }));
    expect(preview.count).toBe(3);
    expect(preview.strategy).toBe('sql');
    expect(preview.sample.map((m: Row) => m.id).sort()).toEqual(ids('ada', 'grace', 'barbara'));
    expect(preview.sample.find((m: Row) => m.id === contacts.ada)).toMatchObject({
      label: 'Seg ada',
      fields: { email: `ada${DOMAIN}`, title: 'CTO' },
    });
  });

  it('answers the same when the rule can only be evaluated record by record', async () => {
    // `if` is outside the compiled subset; wrapped like this the rule means exactly the same.
    const rule = { if: [leaders, true, false] };
    const scanned = await ok(as.admin.post('/api/segments/preview', { entity: 'contact', rule }));
    const compiled = await ok(as.admin.post('/api/segments/preview', { entity: 'contact', rule: leaders }));
    expect(scanned.strategy).toBe('scan');
    expect({ count: scanned.count, sample: scanned.sample }).toEqual({
      count: compiled.count,
      sample: compiled.sample,
    });
  });

  it('saves a segment whose members follow the records live, page by page', async () => {
    const created = await ok(
      as.manager.post('/api/segments', { name: 'Segtest leaders', entity: 'contact', rule: leaders }),
      201,
    );
    expect(created).toMatchObject({ name: 'Segtest leaders', entity: 'contact', memberCount: 3, version: 1 });

    await contact('margaret', 'Head of IT');
    expect((await ok(as.manager.get(`/api/segments/${created.id}`))).memberCount).toBe(4);

    const first = await ok(as.rep1.get(`/api/segments/${created.id}/members?limit=3`));
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2].id);
    const second = await ok(
      as.rep1.get(`/api/segments/${created.id}/members?limit=3&cursor=${first.nextCursor}`),
    );
    expect(second).toMatchObject({ nextCursor: null });
    expect([...first.items, ...second.items].map((m: Row) => m.id)).toEqual(
      ids('ada', 'grace', 'barbara', 'margaret'),
    );

    const listed = await ok(as.rep1.get('/api/segments'));
    expect(listed.items.find((s: Row) => s.id === created.id)).toMatchObject({ memberCount: 4 });
  });

  it('counts leads with a lead segment', async () => {
    for (const [name, score] of [
      ['Hot', 80],
      ['Warm', 50],
      ['Cold', 10],
    ] as const)
      await ok(as.manager.post('/api/leads', { name, company: 'Segtest Leads Ltd', score }), 201);
    const rule = {
      and: [{ '==': [{ var: 'lead.company' }, 'Segtest Leads Ltd'] }, { '>=': [{ var: 'lead.score' }, 50] }],
    };
    const created = await ok(
      as.admin.post('/api/segments', { name: 'Segtest hot leads', entity: 'lead', rule }),
      201,
    );
    expect(created.memberCount).toBe(2);
    const members = await ok(as.admin.get(`/api/segments/${created.id}/members`));
    expect(members.items.map((m: Row) => m.fields.name).sort()).toEqual(['Hot', 'Warm']);
  });

  it('refuses a rule the condition validator rejects, with its diagnostics', async () => {
    const body = await fails(
      as.admin.post('/api/segments', {
        name: 'Segtest broken',
        entity: 'contact',
        rule: { frobnicate: [{ var: 'contact.title' }] },
      }),
      400,
      'RULE_INVALID',
    );
    expect(body.details.errors[0]).toMatchObject({ code: 'RULE_UNKNOWN_OPERATOR', path: '' });
    await fails(
      as.admin.post('/api/segments/preview', {
        entity: 'lead',
        rule: { '==': [{ var: 'lead.nickname' }, 'x'] },
      }),
      400,
      'RULE_INVALID',
    );
  });

  it('refuses a stale version and a name another live segment has', async () => {
    const created = await ok(
      as.admin.post('/api/segments', { name: 'Segtest CFOs', entity: 'contact', rule: true }),
      201,
    );
    const rule = { '==': [{ var: 'contact.title' }, 'CFO'] };
    const updated = await ok(patch(as.manager, `/api/segments/${created.id}`, { version: 1, rule }));
    expect(updated).toMatchObject({ version: 2, rule });
    await fails(
      patch(as.admin, `/api/segments/${created.id}`, { version: 1, name: 'Segtest stale' }),
      409,
      'CONFLICT',
    );
    await fails(
      as.admin.post('/api/segments', { name: 'segtest cfos', entity: 'contact', rule: true }),
      409,
      'NAME_TAKEN',
    );

    // Archived: gone from the list and from member queries, and its name is free again.
    await ok(del(as.admin, `/api/segments/${created.id}`));
    const listed = await ok(as.admin.get('/api/segments'));
    expect(listed.items.map((s: Row) => s.id)).not.toContain(created.id);
    await fails(as.admin.get(`/api/segments/${created.id}/members`), 404, 'NOT_FOUND');
    await ok(as.admin.post('/api/segments', { name: 'Segtest CFOs', entity: 'contact', rule }), 201);
  });

  it('lets reps and engineers read segments but not draw them', async () => {
    for (const who of ['rep1', 'engineer'] as const) {
      await ok(as[who].get('/api/segments'));
      await fails(
        as[who].post('/api/segments', { name: `Segtest by ${who}`, entity: 'contact', rule: true }),
        403,
        'FORBIDDEN',
      );
      await fails(as[who].post('/api/segments/preview', { entity: 'contact', rule: true }), 403, 'FORBIDDEN');
    }
  });
});
