import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

const PASSWORD = 'baton-demo';
const WRONG = 'not-the-password-7f3a';

describe('security: tokens, passwords, logs, headers, login throttling and the audit log', () => {
  let product: Product;
  let db: Client;
  const tokens: string[] = [];

  const anonymous = () => new ApiClient(product.baseUrl);
  async function login(email: string): Promise<ApiClient> {
    const client = await ApiClient.login(product.baseUrl, email);
    tokens.push(client.token!);
    return client;
  }
  const attempt = (email: string, password: string) =>
    anonymous().post('/api/auth/login', { email, password });

  beforeAll(async () => {
    // Debug logging, so the log check below covers as much output as the product can produce.
    product = await startProduct({ env: { BATON_LOG_LEVEL: 'debug' } });
    db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  describe('tokens', () => {
    it('refuses an expired token with TOKEN_EXPIRED and a forged one with UNAUTHENTICATED', async () => {
      const manager = await login('manager@demo.baton');
      expect((await manager.get('/api/auth/me')).status).toBe(200);
      const hash = createHash('sha256').update(manager.token!).digest('hex');
      const updated = await db.query(
        `update sessions set expires_at = now() - interval '1 minute' where token_hash = $1`,
        [hash],
      );
      expect(updated.rowCount).toBe(1);
      const expired = await manager.get('/api/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('TOKEN_EXPIRED');
      const forged = await new ApiClient(product.baseUrl, 'x'.repeat(43)).get('/api/auth/me');
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('UNAUTHENTICATED');
    });

    it('ends the session on logout', async () => {
      const engineer = await login('engineer@demo.baton');
      expect((await engineer.post('/api/auth/logout')).status).toBe(204);
      expect((await engineer.get('/api/auth/me')).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('stored secrets', () => {
    it('stores passwords as bcrypt hashes and neither passwords nor tokens in plain text', async () => {
      await login('admin@demo.baton');
      const users = await db.query(`select email, password_hash from users`);
      expect(users.rows.length).toBeGreaterThan(0);
      for (const row of users.rows) expect(row.password_hash).toMatch(/^\$2[aby]\$\d{2}\$/);
      const tables = await db.query(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      for (const { table_name: table } of tables.rows) {
        const dump = await db.query(`select t::text as row from "${table}" t`);
        const text = dump.rows.map((r) => r.row as string).join('\n');
        expect(text).not.toContain(PASSWORD);
        for (const token of tokens) expect(text).not.toContain(token);
      }
    });
  });

  describe('secure headers', () => {
    const expectSecure = (headers: Headers) => {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('x-powered-by')).toBeNull();
    };

    it.each(['/api/health', '/api/openapi.json', '/api/no-such-route', '/', '/leads'])(
      'sends them, with a strict CSP, on %s',
      async (path) => {
        const res = await anonymous().get(path);
        expect(res.status).toBeLessThan(500);
        expectSecure(res.headers);
        const csp = res.headers.get('content-security-policy')!;
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
      },
    );

    it('relaxes the CSP only for Swagger UI under /api/docs', async () => {
      const res = await fetch(`${product.baseUrl}/api/docs`);
      expect(res.status).toBe(200);
      expectSecure(res.headers);
      expect(res.headers.get('content-security-policy')).toContain("'unsafe-inline'");
    });
  });

  describe('audit log', () => {
    it('records workflow drafts and publishes and quote decisions, with the signed-in actor', async () => {
      const admin = await login('admin@demo.baton');
      const engineer = await login('engineer@demo.baton');
      const approver = await login('approver@demo.baton');
      const ids: Record<string, string> = {};
      for (const client of [admin, engineer, approver]) {
        const me = (await client.get('/api/auth/me')).body;
        ids[me.role] = me.id;
      }

      const [workflow] = (await admin.get('/api/workflows')).body.items;
      const definition = (await admin.get(`/api/workflows/${workflow.id}/versions/1`)).body.definition;
      const drafted = await engineer.post(`/api/workflows/${workflow.id}/versions`, {
        definition,
        note: 'Tweak',
      });
      expect(drafted.status).toBe(201);
      const draft = Math.max(...drafted.body.versions.map((v: { version: number }) => v.version));
      const published = await admin.post(`/api/workflows/${workflow.id}/versions/${draft}/publish`, {
        note: 'Ship it',
      });
      expect(published.status).toBe(200);
      // A refused change leaves no entry behind: it shares the change's transaction.
      expect(
        (await admin.post(`/api/workflows/${workflow.id}/versions/${draft}/publish`, { note: 'Again' }))
          .status,
      ).toBe(409);

      const entries = (await admin.get(`/api/audit?entityType=workflow&entityId=${workflow.id}`)).body.items;
      expect(entries.map((e: any) => [e.action, e.actor.id])).toEqual([
        ['workflow.version_published', ids.admin],
        ['workflow.version_added', ids.engineer],
      ]);
      expect(entries[0].after).toMatchObject({ version: draft, note: 'Ship it' });

      const submitted = (await approver.get('/api/quotes?status=submitted&limit=2')).body.items;
      expect(submitted.length).toBe(2);
      expect((await approver.post(`/api/quotes/${submitted[0].id}/approve`, { comment: 'OK' })).status).toBe(
        200,
      );
      expect(
        (await approver.post(`/api/quotes/${submitted[1].id}/reject`, { comment: 'Too deep' })).status,
      ).toBe(200);
      const decisions = (await admin.get(`/api/audit?entityType=quote&actorId=${ids.approver}`)).body.items;
      expect(decisions.map((e: any) => [e.action, e.entityId])).toEqual([
        ['quote.rejected', submitted[1].id],
        ['quote.approved', submitted[0].id],
      ]);
      expect(decisions[0]).toMatchObject({
        before: { status: 'submitted' },
        after: { status: 'rejected', decisionComment: 'Too deep' },
      });
    });

    it('pages newest first and is for admins only', async () => {
      const admin = await login('admin@demo.baton');
      const first = await admin.get('/api/audit?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      const second = await admin.get(
        `/api/audit?limit=10&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.length).toBeGreaterThanOrEqual(3);
      const ats = [first.body.items[0], ...second.body.items].map((e: any) => Date.parse(e.at));
      expect([...ats].sort((a, b) => b - a)).toEqual(ats);
      expect(second.body.items.map((e: any) => e.id)).not.toContain(first.body.items[0].id);
      for (const who of ['manager', 'engineer', 'approver', 'rep1']) {
        const res = await (await login(`${who}@demo.baton`)).get('/api/audit');
        expect(res.status).toBe(403);
      }
      expect((await anonymous().get('/api/audit')).status).toBe(401);
      expect((await admin.get('/api/audit?cursor=garbage')).status).toBe(400);
    });
  });

  // Runs last: it uses up the IP's budget, after which nobody can sign in from here.
  describe('login throttling', () => {
    it('answers 429 TOO_MANY_ATTEMPTS with Retry-After after 5 failures for one email', async () => {
      for (let i = 0; i < 5; i += 1) {
        expect((await attempt('rep2@demo.baton', WRONG)).body.code).toBe('INVALID_CREDENTIALS');
      }
      for (const password of [WRONG, PASSWORD]) {
        const res = await attempt('rep2@demo.baton', password);
        expect(res.status).toBe(429);
        expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      }
      // Kept in PostgreSQL, so every replica and a restarted API count the same failures.
      const rows = await db.query(`select count(*)::int as n from login_attempts where email = $1`, [
        'rep2@demo.baton',
      ]);
      expect(rows.rows[0].n).toBe(5);
      // Other accounts are unaffected.
      expect((await attempt('manager@demo.baton', PASSWORD)).status).toBe(200);
      // Once the failures age out of the window, the right password works again.
      await db.query(`update login_attempts set at = at - interval '16 minutes' where email = $1`, [
        'rep2@demo.baton',
      ]);
      expect((await attempt('rep2@demo.baton', PASSWORD)).status).toBe(200);
    });

    it('clears an email’s failures on a successful sign-in', async () => {
      for (let i = 0; i < 4; i += 1) await attempt('approver@demo.baton', WRONG);
      expect((await attempt('approver@demo.baton', PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i += 1) {
        expect((await attempt('approver@demo.baton', WRONG)).status).toBe(401);
      }
      expect((await attempt('approver@demo.baton', PASSWORD)).status).toBe(200);
    });

    it('limits one IP to 30 failures in the window, whatever the emails', async () => {
      await db.query(`delete from login_attempts`);
      for (let i = 0; i < 30; i += 1) {
        expect((await attempt(`nobody${i}@demo.baton`, WRONG)).status).toBe(401);
      }
      const blocked = await attempt('admin@demo.baton', PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  // Last of all, once every password and token above has passed through the product.
  it('writes no password or token to its logs', () => {
    // The start-up banner names the published demo password on purpose; nothing else may.
    const output = product
      .output()
      .split('\n')
      .filter((line) => !/Demo logins \(password/.test(line))
      .join('\n');
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, WRONG, ...tokens]) expect(output).not.toContain(secret);
  });
});
