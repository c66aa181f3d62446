import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';
import { checkHostileCsv } from './support/csv-checks';
import { reportFigures } from './support/figures';
import { checkGraphs } from './support/graph-checks';
import { operationsOf, type OpenApiDocument } from './support/openapi';
import { PathValues } from './support/path-values';
import { pool, send } from './support/send';
import { Tally } from './support/tally';
import { variantsFor, type Variant } from './support/variants';
import { checkHostileWebhooks } from './support/webhook-checks';

jest.setTimeout(900_000);

/**
 * Hostile input against the whole product: every operation of the OpenAPI document with wrong
 * types, missing and extra fields, boundary numbers, huge strings and arrays, unicode, SQL and HTML,
 * bad cursors and bad tokens; hostile workflow graphs and rules; CSV files with broken encodings.
 * Invariant: no 5xx, no crash or hang, every 4xx a `{ code, message }` with a domain code.
 */
describe('hostile input', () => {
  let product: Product;
  let admin: ApiClient;
  let doc: OpenApiDocument;
  const tally = new Tally();
  const extraAuth: Record<string, string> = {};
  let operations = 0;

  const fail = (problems: string[]) =>
    problems.length === 0 ? '' : `${problems.length} broken:\n${problems.slice(0, 40).join('\n')}`;

  beforeAll(async () => {
    // The hostile logins would otherwise lock the admin out for the rest of the run.
    product = await startProduct({ env: { BATON_LOGIN_MAX_FAILURES: '1000' } });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    doc = (await admin.get('/api/openapi.json')).body as OpenApiDocument;

    const expired = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    const hash = createHash('sha256').update(expired.token!).digest('hex');
    await db.query(`update sessions set expires_at = now() - interval '1 minute' where token_hash = $1`, [
      hash,
    ]);
    await db.end();
    extraAuth.expired = `Bearer ${expired.token}`;
    const gone = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    await gone.post('/api/auth/logout');
    extraAuth['logged out'] = `Bearer ${gone.token}`;
  });

  afterAll(async () => {
    if (tally.groups.size > 0)
      reportFigures('hostile', `${operations} operations in /api/openapi.json\n\n${tally.table()}`);
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function run(group: string, variant: Variant, token?: string): Promise<void> {
    const headers = { ...variant.req.headers };
    if (token && !variant.ownAuth) headers.authorization = `Bearer ${token}`;
    const req = { ...variant.req, headers };
    tally.record(group, variant.label, req, await send(product.baseUrl, req));
  }

  it('answers every hostile variant of every OpenAPI operation with a 2xx or a coded 4xx, never a 5xx', async () => {
    const ops = operationsOf(doc);
    operations = ops.length;
    expect(ops.length).toBeGreaterThan(50);
    const paths = new PathValues(admin);
    for (const op of ops) {
      const variants = variantsFor(op, await paths.for(op));
      for (const [name, header] of Object.entries(extraAuth)) {
        const base = variants[0]!;
        variants.push({
          label: `auth ${name}`,
          ownAuth: true,
          req: { ...base.req, headers: { ...base.req.headers, authorization: header } },
        });
      }
      await pool(variants, 4, (v) => run('OpenAPI operations, as admin', v, admin.token));
      // Without a token a secured route answers from its guard, before parameters and body are
      // read (the JSON parser and routing come first): those variants are the ones worth sending.
      const anonymous = variants.filter((v) =>
        op.secured ? /^(as documented|path |body )/.test(v.label) : !v.ownAuth,
      );
      await pool(anonymous, 4, (v) => run('OpenAPI operations, no token', v));
      // Logout is one of the operations: sign in again when it ended the session.
      if ((await admin.get('/api/auth/me')).status === 401)
        admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    }
    expect(fail(tally.problemsIn('OpenAPI'))).toBe('');
  });

  it('answers hostile payloads delivered with the right webhook secret with a 2xx or a coded 4xx', async () => {
    const wrong = await checkHostileWebhooks(product.baseUrl, admin, tally, product);
    expect(fail([...tally.problemsIn('webhook'), ...wrong])).toBe('');
  });

  it('refuses hostile workflow graphs and rules with codes, in time, and is not polluted by them', async () => {
    const disagreements = await checkGraphs(product.baseUrl, admin, tally);
    expect(fail([...tally.problemsIn('workflow'), ...tally.problemsIn('rules'), ...disagreements])).toBe('');
  });

  it('reads CSV files with broken encodings into a report or a 4xx, and refuses an oversized one with 413', async () => {
    const unhandled = await checkHostileCsv(product.baseUrl, admin, tally);
    expect(fail([...tally.problemsIn('CSV'), ...unhandled])).toBe('');
  });

  it('is still up and healthy afterwards', async () => {
    expect(product.process.exitCode).toBeNull();
    const health = await send(product.baseUrl, { method: 'GET', path: '/api/health' });
    expect(health.kind === 'response' && health.status).toBe(200);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    const total = tally.total();
    expect(total.tried).toBeGreaterThan(5000);
    expect([total.server5xx, total.crashes, total.badErrorBodies]).toEqual([0, 0, 0]);
  });
});
