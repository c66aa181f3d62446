import { randomUUID } from 'node:crypto';
import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Role = 'admin' | 'sales_rep' | 'approver' | 'manager' | 'engineer' | 'anonymous';
const SIGNED_IN: Role[] = ['admin', 'sales_rep', 'approver', 'manager', 'engineer'];
const LOGINS: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin@demo.baton',
  sales_rep: 'rep1@demo.baton',
  approver: 'approver@demo.baton',
  manager: 'manager@demo.baton',
  engineer: 'engineer@demo.baton',
};

// Who may call each operation, from the role rules: reps work their own leads, tasks and deals;
// managers everything sales; approvers read quotes and decide on them; engineers draft and
// validate workflows and read technical data but change no customer data; only admins publish.
// Records are rep1's, so a rep's "own" rights are what is checked here.
const PUBLIC: Role[] = [...SIGNED_IN, 'anonymous'];
const ALL = SIGNED_IN;
const SALES: Role[] = ['admin', 'sales_rep', 'manager'];
const DECIDERS: Role[] = ['admin', 'approver', 'manager'];
const TECH_READERS: Role[] = ['admin', 'engineer', 'manager'];
const AUTHORS: Role[] = ['admin', 'engineer'];
const ADMIN: Role[] = ['admin'];
const PRICE_BOOK: Role[] = ['admin', 'manager'];
const CUSTOMER_WRITERS: Role[] = ['admin', 'sales_rep', 'manager', 'approver'];

const BY_WEBHOOK_SECRET = new Set(['POST /api/hooks/{workflowId}/{triggerId}']);

const crud = (base: string, writers: Role[]): Record<string, Role[]> => ({
  [`GET ${base}`]: ALL,
  [`POST ${base}`]: writers,
  [`GET ${base}/{id}`]: ALL,
  [`PATCH ${base}/{id}`]: writers,
  [`DELETE ${base}/{id}`]: writers,
});

const EXPECTED: Record<string, Role[]> = {
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': ALL,
  'POST /api/auth/logout': ALL,
  'GET /api/health': PUBLIC,
  'GET /api/health/live': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  // Also the scraper's BATON_METRICS_TOKEN; of the users, admins only.
  'GET /api/metrics': ADMIN,
  'GET /api/audit': ADMIN,
  // Personal-data rights: export, erasure and retention are admins' alone.
  'GET /api/privacy/registry': ADMIN,
  'GET /api/privacy/contacts/{id}/export': ADMIN,
  'POST /api/privacy/contacts/{id}/erase': ADMIN,
  'GET /api/privacy/leads/{id}/export': ADMIN,
  'POST /api/privacy/leads/{id}/erase': ADMIN,
  'GET /api/privacy/retention': ADMIN,
  'PUT /api/privacy/retention': ADMIN,
  'POST /api/privacy/retention/run': ADMIN,

  'GET /api/leads': ALL,
  'POST /api/leads': SALES,
  'GET /api/leads/{id}': ALL,
  'PATCH /api/leads/{id}': SALES,
  'GET /api/leads/{id}/duplicates': ALL,
  'POST /api/leads/{id}/merge': SALES,
  'POST /api/leads/{id}/convert': SALES,
  // The task is rep1's: other reps, approvers and engineers may not close it.
  'GET /api/tasks': ALL,
  'POST /api/tasks/{id}/complete': SALES,
  // CSV imports create customer records: the roles that may create them.
  'POST /api/imports': SALES,
  'GET /api/imports/{id}': SALES,
  'GET /api/imports/{id}/errors': SALES,

  ...crud('/api/accounts', SALES),
  ...crud('/api/contacts', SALES),
  'GET /api/contacts/{id}/duplicates': ALL,
  'POST /api/contacts/{id}/merge': SALES,
  // Consents are recorded by whoever may change the contact; campaigns are run by managers.
  'GET /api/contacts/{id}/consents': ALL,
  'POST /api/contacts/{id}/consents': SALES,
  'POST /api/contacts/{id}/consents/{purpose}/withdraw': SALES,
  'GET /api/campaigns': TECH_READERS,
  'POST /api/campaigns': ['admin', 'manager'],
  'GET /api/campaigns/merge-fields': TECH_READERS,
  'POST /api/campaigns/bounces': ['admin', 'manager'],
  'GET /api/campaigns/{id}': TECH_READERS,
  'PATCH /api/campaigns/{id}': ['admin', 'manager'],
  'DELETE /api/campaigns/{id}': ['admin', 'manager'],
  'POST /api/campaigns/{id}/schedule': ['admin', 'manager'],
  'POST /api/campaigns/{id}/cancel': ['admin', 'manager'],
  'GET /api/campaigns/{id}/results': TECH_READERS,
  'GET /api/campaigns/{id}/recipients': TECH_READERS,
  ...crud('/api/segments', ['admin', 'manager']),
  'POST /api/segments/preview': ['admin', 'manager'],
  'GET /api/segments/{id}/members': ALL,
  ...crud('/api/opportunities', SALES),
  ...crud('/api/products', PRICE_BOOK),
  ...crud('/api/quotes', SALES),
  'POST /api/quotes/{id}/submit': SALES,
  'POST /api/quotes/{id}/approve': DECIDERS,
  'POST /api/quotes/{id}/reject': DECIDERS,
  'POST /api/quotes/{id}/send': SALES,
  'POST /api/quotes/{id}/accept': SALES,
  'POST /api/quotes/{id}/reopen': SALES,
  'POST /api/quotes/{id}/recall': SALES,
  // Whether someone may decide a request is the run's to say (NOT_AN_APPROVER); listing is for all.
  'GET /api/approvals': ALL,
  'GET /api/approvals/{id}': ALL,
  'POST /api/approvals/{id}/actions': ALL,
  'GET /api/notifications': ALL,
  'POST /api/notifications/read-all': ALL,
  'POST /api/notifications/{id}/read': ALL,
  // The matrix sends plain requests: the stream answers them 400 (no Accept: text/event-stream)
  // instead of holding them open, so the role check is still what decides 401/403.
  'GET /api/notifications/stream': ALL,
  // Names and roles of active users, for picking a delegate and seeing one's team.
  'GET /api/users': ALL,

  'GET /api/activity-types': ALL,
  'GET /api/rules/operators': ALL,
  'GET /api/rules/fields': ALL,
  // On given data for everyone; on a stored record only for TECH_READERS (FORBIDDEN otherwise,
  // checked by the service and covered in e2e/condition-builder.test.ts: the matrix sends an empty body).
  'POST /api/rules/evaluate': ALL,
  'POST /api/workflows/validate': AUTHORS,
  'GET /api/workflows': TECH_READERS,
  'POST /api/workflows': AUTHORS,
  'GET /api/workflows/{id}': TECH_READERS,
  'GET /api/workflows/{id}/versions/{version}': TECH_READERS,
  'GET /api/workflows/{id}/versions': TECH_READERS,
  'GET /api/workflows/{id}/versions/{from}/diff/{to}': TECH_READERS,
  // Restoring makes a draft; publishing it in the same request is checked as a publish.
  'POST /api/workflows/{id}/versions/{version}/restore': AUTHORS,
  'POST /api/workflows/{id}/versions': AUTHORS,
  'POST /api/workflows/{id}/versions/{version}/publish': ADMIN,
  'POST /api/workflows/{id}/archive': ADMIN,
  'POST /api/workflows/{id}/triggers/{triggerId}/run-now': ADMIN,
  'POST /api/workflows/{id}/webhook-secret': ADMIN,
  // Senders of inbound webhooks prove the workflow's secret, not a role: without it, everyone gets 401.
  'POST /api/hooks/{workflowId}/{triggerId}': [],
  'POST /api/workflows/{id}/runs': ['admin', 'manager'],
  'POST /api/workflows/{id}/versions/{version}/dry-run': TECH_READERS,
  'POST /api/workflows/{id}/versions/{version}/backtest': TECH_READERS,
  'GET /api/backtests/{id}': TECH_READERS,
  'POST /api/workflows/{id}/restore': ADMIN,
  'GET /api/runs': TECH_READERS,
  'GET /api/runs/{id}': TECH_READERS,
  'POST /api/runs/{id}/cancel': ['admin', 'manager'],
  'POST /api/runs/{id}/resume': ['admin', 'manager'],
  'GET /api/teams': ['admin', 'manager'],
  'POST /api/teams': ['admin'],
  'PATCH /api/teams/{id}': ['admin'],
  'PATCH /api/users/{id}': ['admin'],

  // Everyone who works with customers may log activities, write notes and keep their own tasks;
  // whose record or note it is is checked by the services.
  ...crud('/api/activities', CUSTOMER_WRITERS),
  'GET /api/activity-kinds': ALL,
  'POST /api/activity-kinds': ADMIN,
  'PATCH /api/activity-kinds/{key}': ADMIN,
  ...crud('/api/cases', SALES),
  ...crud('/api/notes', CUSTOMER_WRITERS),
  ...crud('/api/subscriptions', SALES),
  'POST /api/tasks': CUSTOMER_WRITERS,
  'POST /api/tasks/{id}/snooze': CUSTOMER_WRITERS,
  // The assignee asks; someone above them in the chain (or an admin) hands the task on.
  'POST /api/tasks/{id}/reassign-request': CUSTOMER_WRITERS,
  'POST /api/tasks/{id}/reassign': ['admin', 'manager'],
  'GET /api/{records}/{id}/timeline': ALL,
  // Sales numbers: reps get their own, managers their team's, admins everyone's.
  'GET /api/dashboard': SALES,

  // The support knowledge base: everyone signed in reads what is published, admins and managers
  // write it; the published FAQ needs no sign-in. Agents who may change a case work on it.
  'GET /api/public/faq': PUBLIC,
  'GET /api/public/faq/search': PUBLIC,
  'GET /api/kb/search': ALL,
  ...crud('/api/kb/articles', ['admin', 'manager']),
  'GET /api/kb/categories': ALL,
  'POST /api/kb/categories': ['admin', 'manager'],
  ...crud('/api/kb/canned-answers', ['admin', 'manager']),
  'POST /api/cases/{id}/replies': SALES,
  'POST /api/cases/{id}/render-answer': SALES,
  'GET /api/cases/{id}/articles': ALL,
  'POST /api/cases/{id}/articles/{articleId}': SALES,
  'DELETE /api/cases/{id}/articles/{articleId}': SALES,
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('authorization matrix: every operation × every role', () => {
  let product: Product;
  let document: { paths: Record<string, Record<string, unknown>> };
  const clients = {} as Record<Exclude<Role, 'anonymous'>, ApiClient>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    product = await startProduct();
    for (const role of SIGNED_IN as Array<Exclude<Role, 'anonymous'>>) {
      clients[role] = await ApiClient.login(product.baseUrl, LOGINS[role]);
    }
    document = (await new ApiClient(product.baseUrl).get('/api/openapi.json')).body;
    const rep1 = (await clients.sales_rep.get('/api/auth/me')).body.id as string;

    // New leads start the seeded hand-off workflow, round-robin over the reps: one lands with rep1.
    await clients.admin.post('/api/leads', { name: 'Matrix lead 1' });
    await clients.admin.post('/api/leads', { name: 'Matrix lead 2' });
    ids.tasks = await eventually(
      async () => (await clients.sales_rep.get('/api/tasks')).body.items?.[0]?.id as string | undefined,
      30_000,
      'a task for rep1',
    );

    // One real record per resource, rep1's own where the resource has an owner or assignee.
    const resources = new Set(Object.keys(document.paths).map((p) => p.split('/')[2]!));
    for (const resource of resources) {
      if (ids[resource] || resource.startsWith('{')) continue;
      const mine = (await clients.sales_rep.get(`/api/${resource}`)).body?.items as any[] | undefined;
      const own = mine?.find((r) => (r.owner?.id ?? r.assignee?.id) === rep1);
      const any = (await clients.admin.get(`/api/${resource}`)).body?.items as any[] | undefined;
      ids[resource] = (own?.id ?? any?.[0]?.id ?? any?.[0]?.key ?? randomUUID()) as string;
    }
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  function operations(): string[] {
    const ops: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) if (item[method]) ops.push(`${method.toUpperCase()} ${path}`);
    }
    return ops.sort();
  }

  // `/api/{records}/{id}/…` routes get one of rep1's leads.
  function concrete(path: string): string {
    const first = path.split('/')[2]!;
    const resource = first === '{records}' ? 'leads' : first;
    const known: Record<string, string> = {
      records: 'leads',
      version: '1',
      id: ids[resource]!,
      key: ids[resource]!,
    };
    return path.replace(/\{(\w+)\}/g, (_, name: string) => known[name] ?? randomUUID());
  }

  it('has an expectation for every operation in the OpenAPI document, and none for missing ones', () => {
    const ops = operations();
    expect(ops.filter((op) => !(op in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((op) => !ops.includes(op))).toEqual([]);
  });

  it('answers every operation for every role as the table says, never with a 5xx', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const op of operations()) {
      const allowed = EXPECTED[op];
      if (!allowed) continue;
      const [method, template] = op.split(' ') as [string, string];
      const path = concrete(template);
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
      for (const role of [...SIGNED_IN, 'anonymous'] as Role[]) {
        let client = role === 'anonymous' ? new ApiClient(product.baseUrl) : clients[role];
        // Logging out ends the session, so it gets one of its own.
        if (op === 'POST /api/auth/logout' && role !== 'anonymous')
          client = await ApiClient.login(product.baseUrl, LOGINS[role]);
        const res = await client.request(method, path, body);
        checked += 1;
        const may = allowed.includes(role);
        const bySecret = BY_WEBHOOK_SECRET.has(op);
        const ok = bySecret
          ? res.status === 401 && res.body?.code === 'WEBHOOK_UNAUTHORIZED'
          : res.status < 500 &&
            (may
              ? res.status !== 401 && res.status !== 403
              : res.status === (role === 'anonymous' ? 401 : 403));
        if (!ok) {
          const want = may ? 'allowed' : role === 'anonymous' ? '401' : '403';
          mismatches.push(`${op} as ${role}: got ${res.status} ${JSON.stringify(res.body)} (want ${want})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(operations().length * 6);
  });

  it('serves the OpenAPI document and Swagger UI without a token', async () => {
    const anonymous = new ApiClient(product.baseUrl);
    expect((await anonymous.get('/api/openapi.json')).status).toBe(200);
    expect((await anonymous.get('/api/docs')).status).toBeLessThan(400);
  });
});
