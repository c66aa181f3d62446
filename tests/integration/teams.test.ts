import { ApiClient, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/** Teams and reporting lines: the management chain that approvals and escalations climb. */
describe('teams and reporting lines', () => {
  let product: Product;
  let admin: ApiClient;
  let manager: ApiClient;
  const people: Record<string, Row> = {};

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    for (const u of (await ok(admin.get('/api/users'))).items as Row[]) people[u.name] = u;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  const byEmail = async (email: string): Promise<string> =>
    (await ok((await ApiClient.login(product.baseUrl, email)).get('/api/auth/me'))).id;

  it('creates a team, names its manager and lists its members', async () => {
    const managerId = await byEmail('manager@demo.baton');
    const rep2Id = await byEmail('rep2@demo.baton');
    const team = await ok(admin.post('/api/teams', { name: 'Northern Sales', managerId }), 201);
    expect(team).toMatchObject({ name: 'Northern Sales', managerId, members: [] });

    const moved = await ok(admin.request('PATCH', `/api/users/${rep2Id}`, { teamId: team.id }));
    expect(moved).toMatchObject({ id: rep2Id, teamId: team.id });
    expect(moved.passwordHash).toBeUndefined();

    const listed = ((await ok(manager.get('/api/teams'))).items as Row[]).find((t) => t.id === team.id)!;
    expect(listed.members.map((m: Row) => m.id)).toEqual([rep2Id]);

    const duplicate = await admin.post('/api/teams', { name: 'Northern Sales' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'CONFLICT']);
    const renamed = await ok(admin.request('PATCH', `/api/teams/${team.id}`, { name: 'Nordic Sales' }));
    expect(renamed.name).toBe('Nordic Sales');

    const audit = (await ok(admin.get(`/api/audit?entityType=user&entityId=${rep2Id}`))).items as Row[];
    expect(audit.map((e) => e.action)).toContain('user.updated');
  });

  it('refuses a reporting line that would loop, and nobody reports to themself', async () => {
    const managerId = await byEmail('manager@demo.baton');
    const adminId = await byEmail('admin@demo.baton');
    const rep1Id = await byEmail('rep1@demo.baton');
    // The demo chain: rep1 → manager → admin. Admin reporting to rep1 would close the loop.
    const loop = await admin.request('PATCH', `/api/users/${adminId}`, { managerId: rep1Id });
    expect([loop.status, loop.body.code]).toEqual([409, 'CONFLICT']);
    const self = await admin.request('PATCH', `/api/users/${managerId}`, { managerId });
    expect([self.status, self.body.code]).toEqual([409, 'CONFLICT']);
    // Nothing changed: the manager still reports to the admin.
    const chain = (await ok(admin.get('/api/users'))).items as Row[];
    expect(chain.find((u) => u.id === managerId)!.managerId).toBe(adminId);

    const unknown = await admin.request('PATCH', `/api/users/${rep1Id}`, {
      managerId: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await admin.request('PATCH', `/api/users/${rep1Id}`, {});
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets only admins change teams and reporting lines', async () => {
    const rep1Id = await byEmail('rep1@demo.baton');
    expect((await manager.request('PATCH', `/api/users/${rep1Id}`, { managerId: null })).status).toBe(403);
    expect((await manager.post('/api/teams', { name: 'Shadow team' })).status).toBe(403);
    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.get('/api/teams')).status).toBe(403);
  });
});
