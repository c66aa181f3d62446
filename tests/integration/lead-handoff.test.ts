import { Client } from 'pg';
import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(240_000);

describe('lead handoff through the real runtime', () => {
  let product: Product;
  let admin: ApiClient;

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function openTasksOf(client: ApiClient) {
    const res = await client.get('/api/tasks?assignee=me&status=open');
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  }

  it('reports the database and Temporal as up', async () => {
    const res = await new ApiClient(product.baseUrl).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('publishes an OpenAPI document describing leads, tasks and login', async () => {
    const res = await new ApiClient(product.baseUrl).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/leads', '/api/tasks', '/api/auth/login', '/api/health']),
    );
    const createLead = res.body.paths['/api/leads'].post;
    expect(createLead.requestBody.content['application/json'].schema.required).toContain('name');
  });

  it("creates a lead, assigns it round-robin and puts a task in the owner's inbox", async () => {
    const reps = {
      rep1: await ApiClient.login(product.baseUrl, 'rep1@demo.baton'),
      rep2: await ApiClient.login(product.baseUrl, 'rep2@demo.baton'),
    };
    const created = await admin.post('/api/leads', {
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      source: 'web',
    });
    expect(created.status).toBe(201);
    const leadId = created.body.id as string;

    const owned = await eventually(
      async () => {
        const lead = await admin.get(`/api/leads/${leadId}`);
        return lead.body.owner ?? undefined;
      },
      20_000,
      'the lead to get an owner',
    );
    const ownerClient = owned.name === 'Riley Rep' ? reps.rep1 : reps.rep2;
    const otherClient = ownerClient === reps.rep1 ? reps.rep2 : reps.rep1;

    const task = await eventually(
      async () => (await openTasksOf(ownerClient)).find((t) => t.record?.id === leadId),
      20_000,
      'the task',
    );
    expect(task).toMatchObject({
      title: 'Contact new lead',
      status: 'open',
      priority: 'high',
      assignee: { id: owned.id },
      record: { type: 'lead', id: leadId, label: 'Ada Lovelace (Analytical Engines)' },
      origin: { kind: 'workflow', workflowName: 'Lead handoff', version: 1, stepId: 'contact_task' },
    });
    // Due one business day out.
    const dueInHours = (Date.parse(task.dueAt) - Date.now()) / 3_600_000;
    expect(dueInHours).toBeGreaterThan(20);
    expect(dueInHours).toBeLessThan(24 * 4);
    expect((await openTasksOf(otherClient)).some((t) => t.record?.id === leadId)).toBe(false);

    // The next lead goes to the other rep, and still exactly one task per lead.
    const second = await admin.post('/api/leads', { name: 'Grace Hopper' });
    const secondTask = await eventually(
      async () => (await openTasksOf(otherClient)).find((t) => t.record?.id === second.body.id),
      20_000,
      'the second task',
    );
    expect(secondTask.assignee.id).not.toBe(owned.id);
    expect((await openTasksOf(ownerClient)).filter((t) => t.record?.id === leadId)).toHaveLength(1);
  });

  describe('territories', () => {
    /** Creates a lead and waits for the handoff to give it an owner and that owner its task. */
    async function handOff(name: string, region?: string) {
      const created = await admin.post('/api/leads', { name, ...(region ? { region } : {}) });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const owner = await eventually(
        async () => (await admin.get(`/api/leads/${id}`)).body.owner ?? undefined,
        20_000,
        `an owner for ${name}`,
      );
      const inbox = await ApiClient.login(
        product.baseUrl,
        owner.name === 'Riley Rep' ? 'rep1@demo.baton' : 'rep2@demo.baton',
      );
      await eventually(
        async () => (await openTasksOf(inbox)).find((t) => t.record?.id === id),
        20_000,
        `the task for ${name}`,
      );
      return { id, owner: owner.name as string };
    }

    async function dryRunOutput(leadId: string) {
      const engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
      const workflows = (await admin.get('/api/workflows')).body.items as Array<Record<string, any>>;
      const handoff = workflows.find((w) => w.key === 'lead-handoff')!;
      const result = await engineer.post(`/api/workflows/${handoff.id}/versions/1/dry-run`, {
        recordId: leadId,
      });
      expect(result.status).toBe(200);
      return (result.body.steps as Array<Record<string, any>>).find((s) => s.stepId === 'assign_owner')!
        .output;
    }

    it('refuses a territory condition on a field leads do not have, naming where it is', async () => {
      const workflows = (await admin.get('/api/workflows')).body.items as Array<Record<string, any>>;
      const handoff = workflows.find((w) => w.key === 'lead-handoff')!;
      const { definition } = (await admin.get(`/api/workflows/${handoff.id}/versions/1`)).body;
      definition.steps[0].config.territories[0].when = { in: [{ var: 'lead.regoin' }, ['EMEA']] };
      const res = await admin.post('/api/workflows/validate', { definition });
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          code: 'UNKNOWN_FIELD',
          nodeId: 'assign_owner',
          path: expect.stringMatching(/^\/steps\/0\/config\/territories\/0\/when/),
        }),
      ]);
    });

    it("gives leads of a territory's region to its rep, every time", async () => {
      const emea = [await handOff('Emmy Noether', 'EMEA'), await handOff('Lise Meitner', 'EMEA')];
      expect(emea.map((l) => l.owner)).toEqual(['Riley Rep', 'Riley Rep']);
      const americas = [await handOff('Mary Jackson', 'NA'), await handOff('Ruth Teitelboim', 'LATAM')];
      expect(americas.map((l) => l.owner)).toEqual(['Sam Seller', 'Sam Seller']);
      expect(await dryRunOutput(emea[0]!.id)).toMatchObject({ territory: 'EMEA', ownerName: 'Riley Rep' });
    });

    it('takes turns over the sales reps for a region no territory covers', async () => {
      const first = await handOff('Ida Rhodes', 'Atlantis');
      const second = await handOff('Jean Bartik', 'Atlantis');
      expect(new Set([first.owner, second.owner])).toEqual(new Set(['Riley Rep', 'Sam Seller']));
      expect(await dryRunOutput(first.id)).toMatchObject({ territory: null, strategy: 'round_robin' });
    });

    it("passes a territory's lead to the rotation while its rep is inactive", async () => {
      const db = new Client({ connectionString: product.databaseUrl });
      await db.connect();
      try {
        await db.query(`update users set active = false where email = 'rep1@demo.baton'`);
        const lead = await handOff('Hedy Lamarr', 'EMEA');
        expect(lead.owner).toBe('Sam Seller');
        expect(await dryRunOutput(lead.id)).toMatchObject({ territory: null, skippedTerritory: 'EMEA' });
      } finally {
        await db.query(`update users set active = true where email = 'rep1@demo.baton'`);
        await db.end();
      }
    });
  });

  it('lets the assignee complete a task and refuses other reps', async () => {
    await admin.post('/api/leads', { name: 'Alan Turing' });
    const rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const rep2 = await ApiClient.login(product.baseUrl, 'rep2@demo.baton');
    const [mine] = await eventually(
      async () => {
        const all = [...(await openTasksOf(rep1)), ...(await openTasksOf(rep2))].filter(
          (t) => t.record?.label === 'Alan Turing',
        );
        return all.length ? all : undefined;
      },
      20_000,
      'a task for Alan Turing',
    );
    const owner = mine!.assignee.name === 'Riley Rep' ? rep1 : rep2;
    const stranger = owner === rep1 ? rep2 : rep1;

    const refused = await stranger.post(`/api/tasks/${mine!.id}/complete`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const peek = await stranger.get(`/api/tasks?assignee=${mine!.assignee.id}`);
    expect(peek.status).toBe(403);

    const done = await owner.post(`/api/tasks/${mine!.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect((await openTasksOf(owner)).some((t) => t.id === mine!.id)).toBe(false);
  });

  it('refuses wrong credentials, missing and bogus tokens with stable codes', async () => {
    const anonymous = new ApiClient(product.baseUrl);
    const wrong = await anonymous.post('/api/auth/login', { email: 'rep1@demo.baton', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const unknown = await anonymous.post('/api/auth/login', {
      email: 'nobody@demo.baton',
      password: 'baton-demo',
    });
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect((await anonymous.get('/api/tasks')).body.code).toBe('UNAUTHENTICATED');
    expect((await new ApiClient(product.baseUrl, 'forged').get('/api/tasks')).status).toBe(401);
    const me = await (await ApiClient.login(product.baseUrl, 'approver@demo.baton')).get('/api/auth/me');
    expect(me.body).toMatchObject({ email: 'approver@demo.baton', role: 'approver' });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('updates a lead with optimistic locking and lets reps edit only their own leads', async () => {
    const id = (await admin.post('/api/leads', { name: 'Dennis Ritchie' })).body.id as string;
    const lead = await eventually(
      async () => {
        const l = (await admin.get(`/api/leads/${id}`)).body;
        return l.owner ? l : undefined;
      },
      20_000,
      'an owner',
    );
    const owner = await ApiClient.login(
      product.baseUrl,
      lead.owner.name === 'Riley Rep' ? 'rep1@demo.baton' : 'rep2@demo.baton',
    );
    const other = await ApiClient.login(
      product.baseUrl,
      lead.owner.name === 'Riley Rep' ? 'rep2@demo.baton' : 'rep1@demo.baton',
    );

    const changed = await owner.request('PATCH', `/api/leads/${id}`, {
      version: lead.version,
      status: 'working',
      score: 61,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'working', score: 61, version: lead.version + 1 });

    const stale = await owner.request('PATCH', `/api/leads/${id}`, {
      version: lead.version,
      status: 'qualified',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const foreign = await other.request('PATCH', `/api/leads/${id}`, {
      version: lead.version + 1,
      status: 'qualified',
    });
    expect(foreign.status).toBe(403);
    expect((await admin.get(`/api/leads/${id}`)).body).toMatchObject({
      status: 'working',
      version: lead.version + 1,
    });
  });

  it('does not let an approver create leads', async () => {
    const approver = await ApiClient.login(product.baseUrl, 'approver@demo.baton');
    const res = await approver.post('/api/leads', { name: 'Not allowed' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  describe('bad input to POST /api/leads', () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const cases: Array<[string, unknown, string]> = [
      ['a missing name', { company: 'Acme' }, 'VALIDATION_FAILED'],
      ['an empty name', { name: '   ' }, 'VALIDATION_FAILED'],
      ['a name of the wrong type', { name: 42 }, 'VALIDATION_FAILED'],
      ['a score of the wrong type', { name: 'Typed', score: 'high' }, 'VALIDATION_FAILED'],
      ['a score out of range', { name: 'Ranged', score: 101 }, 'VALIDATION_FAILED'],
      ['an unknown field', { name: 'Extra', ownerId: 'someone' }, 'VALIDATION_FAILED'],
      ['a 1 MB name', { name: megabyte }, 'VALIDATION_FAILED'],
      ['a bad email', { name: 'Mail', email: 'not-an-email' }, 'VALIDATION_FAILED'],
      ['an array body', [{ name: 'Array' }], 'VALIDATION_FAILED'],
    ];

    it.each(cases)('rejects %s with 400 and stores nothing', async (_, body, code) => {
      const before = await admin.get('/api/leads?limit=1');
      const res = await admin.post('/api/leads', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(typeof res.body.message).toBe('string');
      const after = await admin.get('/api/leads?limit=1');
      expect(after.body.items[0].id).toBe(before.body.items[0].id);
    });

    it('rejects malformed JSON with MALFORMED_JSON', async () => {
      const res = await admin.request('POST', '/api/leads', undefined, { rawBody: '{"name": "Broken"' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
    });
  });
});
