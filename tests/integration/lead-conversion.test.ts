import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;
type Who = 'admin' | 'manager' | 'rep1' | 'rep2';

/**
 * Converting a lead into an account, a contact and an opportunity in one transaction, against the
 * real product: what each record carries, the events (timelines, a workflow on "opportunity
 * created"), reusing existing records, and the refusals that must write nothing.
 */
describe('lead conversion', () => {
  let product: Product;
  const as = {} as Record<Who, ApiClient>;
  const ids = {} as Record<Who, string>;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const convert = (client: ApiClient, leadId: string, body: unknown) =>
    client.post(`/api/leads/${leadId}/convert`, body);

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'manager', 'rep1', 'rep2'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      ids[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  /**
   * A lead the hand-off workflow has finished with (so its version no longer moves under the test),
   * then given to `owner` by the manager.
   */
  async function settledLead(body: Row, owner: 'rep1' | 'rep2'): Promise<Row> {
    const created = await ok(as.manager.post('/api/leads', body), 201);
    await eventually(
      async () => {
        const runs = (await ok(as.admin.get(`/api/runs?recordId=${created.id}`))).items as Row[];
        return runs.some((r) => r.status === 'completed') ? true : undefined;
      },
      30_000,
      'the hand-off to finish',
    );
    const current = await ok(as.manager.get(`/api/leads/${created.id}`));
    if (current.owner?.id === ids[owner]) return current;
    return ok(
      patch(as.manager, `/api/leads/${created.id}`, { version: current.version, ownerId: ids[owner] }),
    );
  }

  async function all(path: string): Promise<Row[]> {
    const items: Row[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await ok(
        as.admin.get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      items.push(...(page.items as Row[]));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  const counts = async () => ({
    accounts: (await all('/api/accounts?archived=true')).length,
    contacts: (await all('/api/contacts?archived=true')).length,
    opportunities: (await all('/api/opportunities?archived=true')).length,
  });

  const changeTypes = async (path: string): Promise<string[]> =>
    (await all(`${path}/timeline`)).filter((i) => i.kind === 'change').map((i) => i.data.type);

  it('converts into a new account, contact and opportunity, and each creation starts its workflows', async () => {
    const definition = {
      schemaVersion: 1,
      key: 'qualify-new-deal',
      name: 'Qualify a new deal',
      triggers: [{ id: 'deal_opened', kind: 'record', entity: 'opportunity', event: 'created' }],
      steps: [
        {
          id: 'qualify',
          type: 'create_task',
          config: {
            title: 'Qualify the new deal',
            assignee: { kind: 'user', userId: ids.rep1 },
            dueInBusinessDays: 1,
          },
        },
      ],
      transitions: [{ id: 'go', from: 'deal_opened', to: 'qualify' }],
    };
    const workflow = await ok(as.admin.post('/api/workflows', { definition }), 201);
    await ok(as.admin.post(`/api/workflows/${workflow.id}/versions/1/publish`, { note: 'Deals' }));

    const lead = await settledLead(
      {
        name: 'Charles Babbage',
        email: 'charles@difference.example',
        phone: '+44 20 7946 0101',
        company: 'Difference Engines',
        region: 'EMEA',
      },
      'rep1',
    );
    const result = await ok(
      convert(as.rep1, lead.id, {
        version: lead.version,
        opportunity: { amount: '12000.00', closeDate: '2026-12-31' },
      }),
    );
    const { account, contact, opportunity } = result;
    const rep1 = { id: ids.rep1, name: expect.any(String) };
    expect(account).toMatchObject({ name: 'Difference Engines', region: 'EMEA', owner: rep1, version: 1 });
    expect(contact).toMatchObject({
      name: 'Charles Babbage',
      email: 'charles@difference.example',
      phone: '+44 20 7946 0101',
      owner: rep1,
      accounts: [{ id: account.id, name: 'Difference Engines', role: null }],
    });
    expect(opportunity).toMatchObject({
      name: 'New business: Difference Engines',
      account: { id: account.id, name: 'Difference Engines' },
      contacts: [{ id: contact.id, name: 'Charles Babbage' }],
      amount: '12000.00',
      closeDate: '2026-12-31',
      stage: 'prospecting',
      owner: rep1,
    });
    expect(result.duplicates).toEqual([]);
    const convertedTo = {
      accountId: account.id,
      contactId: contact.id,
      opportunityId: opportunity.id,
      at: expect.any(String),
    };
    expect(result.lead).toMatchObject({ status: 'converted', convertedTo, version: lead.version + 1 });
    expect(await ok(as.rep1.get(`/api/leads/${lead.id}`))).toMatchObject({
      status: 'converted',
      convertedTo: result.lead.convertedTo,
    });
    expect(await ok(as.rep1.get(`/api/opportunities/${opportunity.id}`))).toMatchObject({
      contacts: [{ id: contact.id }],
    });

    expect(await changeTypes(`/api/accounts/${account.id}`)).toEqual(['account.created']);
    expect(await changeTypes(`/api/contacts/${contact.id}`)).toEqual(['contact.created']);
    expect(await changeTypes(`/api/opportunities/${opportunity.id}`)).toEqual(['opportunity.created']);
    const leadChanges = (await all(`/api/leads/${lead.id}/timeline`)).filter(
      (i) => i.kind === 'change' && i.data.type === 'lead.updated',
    );
    expect(leadChanges[0]!.data.changes).toEqual({ status: { from: 'new', to: 'converted' } });

    const run = await eventually(
      async () => {
        const runs = (await ok(as.admin.get(`/api/runs?workflowId=${workflow.id}`))).items as Row[];
        return runs.find((r) => r.record.id === opportunity.id && r.status === 'completed');
      },
      30_000,
      'the "opportunity created" workflow to run on the new opportunity',
    );
    expect(run.record).toEqual({ type: 'opportunity', id: opportunity.id });
    const tasks = (await ok(as.rep1.get('/api/tasks?assignee=me&status=open'))).items as Row[];
    expect(
      tasks.filter((t) => t.title === 'Qualify the new deal' && t.record?.id === opportunity.id),
    ).toHaveLength(1);
  });

  it('converts into an existing account and contact, linking the person with a role, without an opportunity', async () => {
    const account = await ok(as.rep1.post('/api/accounts', { name: 'Jacquard Looms' }), 201);
    const person = await ok(as.rep1.post('/api/contacts', { name: 'Joseph Jacquard' }), 201);
    const lead = await settledLead({ name: 'J. Jacquard', company: 'Jacquard Looms Ltd' }, 'rep1');
    const before = await counts();

    const result = await ok(
      convert(as.rep1, lead.id, {
        version: lead.version,
        account: { existingId: account.id },
        contact: { existingId: person.id, role: 'Champion' },
        opportunity: null,
      }),
    );
    expect(result.account).toMatchObject({ id: account.id, name: 'Jacquard Looms', version: 1 });
    expect(result.contact).toMatchObject({
      id: person.id,
      name: 'Joseph Jacquard',
      accounts: [{ id: account.id, name: 'Jacquard Looms', role: 'Champion' }],
      version: person.version + 1,
    });
    expect(result.opportunity).toBeNull();
    expect(result.duplicates).toEqual([]);
    expect(result.lead.convertedTo).toMatchObject({
      accountId: account.id,
      contactId: person.id,
      opportunityId: null,
    });
    expect(await counts()).toEqual(before);
    expect((await ok(as.rep1.get(`/api/opportunities?account=${account.id}`))).items).toEqual([]);
    expect(await changeTypes(`/api/contacts/${person.id}`)).toEqual(['contact.updated', 'contact.created']);
    expect(await changeTypes(`/api/accounts/${account.id}`)).toEqual(['account.created']);
  });

  it('creates the contact even when it may duplicate one, and says which', async () => {
    const existing = await ok(
      as.rep1.post('/api/contacts', { name: 'Ada Byron', email: 'ada@engines.example' }),
      201,
    );
    const lead = await settledLead(
      { name: 'Ada Lovelace', email: 'ADA@engines.example', company: 'Analytical Engines' },
      'rep1',
    );
    const result = await ok(convert(as.rep1, lead.id, { version: lead.version, contact: { create: true } }));
    expect(result.contact.id).not.toBe(existing.id);
    expect(result.contact.email).toBe('ada@engines.example');
    expect(result.duplicates).toEqual([
      expect.objectContaining({ id: existing.id, name: 'Ada Byron', reasons: ['email'], score: 100 }),
    ]);
  });

  it('converts once, even when asked twice at a time; refuses stale versions and unusable records, writing nothing', async () => {
    const lead = await settledLead({ name: 'Ned Ludd', company: 'Frame Breakers' }, 'rep1');
    const start = await counts();
    // Two at once: the lead's row is locked, so the second finds it converted.
    const race = await Promise.all([1, 2].map(() => convert(as.rep1, lead.id, { version: lead.version })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('INVALID_TRANSITION');
    const first = race.find((r) => r.status === 200)!.body as Row;
    const before = await counts();
    expect(before).toEqual({
      accounts: start.accounts + 1,
      contacts: start.contacts + 1,
      opportunities: start.opportunities + 1,
    });
    for (const version of [lead.version, first.lead.version]) {
      const again = await convert(as.rep1, lead.id, { version });
      expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    }
    // Converted is the convert action's to give and to keep: a status edit can do neither.
    const reopen = await patch(as.rep1, `/api/leads/${lead.id}`, {
      version: first.lead.version,
      status: 'working',
    });
    expect([reopen.status, reopen.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    const other = await settledLead({ name: 'Shortcut Sam', company: 'Shortcuts Inc' }, 'rep1');
    const shortcut = await patch(as.rep1, `/api/leads/${other.id}`, {
      version: other.version,
      status: 'converted',
    });
    expect([shortcut.status, shortcut.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await ok(as.rep1.get(`/api/leads/${other.id}`))).toMatchObject({
      status: 'new',
      version: other.version,
    });

    const stale = await settledLead({ name: 'Stale Reader', company: 'Stale Reads Ltd' }, 'rep1');
    await ok(patch(as.rep1, `/api/leads/${stale.id}`, { version: stale.version, score: 40 }));
    const refused = await convert(as.rep1, stale.id, { version: stale.version });
    expect([refused.status, refused.body.code]).toEqual([409, 'CONFLICT']);
    expect(refused.body.details).toEqual({ currentVersion: stale.version + 1 });

    const archived = await ok(as.rep1.post('/api/accounts', { name: 'Gone Ltd' }), 201);
    await ok(as.rep1.request('DELETE', `/api/accounts/${archived.id}`));
    const after = await counts();
    expect(after).toEqual({ ...before, accounts: before.accounts + 1 });
    const badAccount = await convert(as.rep1, stale.id, {
      version: stale.version + 1,
      account: { existingId: archived.id },
    });
    expect([badAccount.status, badAccount.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(badAccount.body.details).toMatchObject({ field: 'account.existingId', id: archived.id });
    // Fails after the new account is written in the transaction: that account must go too.
    const badContact = await convert(as.rep1, stale.id, {
      version: stale.version + 1,
      contact: { existingId: '00000000-0000-4000-8000-000000000000' },
    });
    expect([badContact.status, badContact.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(badContact.body.details).toMatchObject({ field: 'contact.existingId' });

    expect(await counts()).toEqual(after);
    expect((await ok(as.admin.get('/api/accounts?q=Stale%20Reads'))).items).toEqual([]);
    expect(await ok(as.rep1.get(`/api/leads/${stale.id}`))).toMatchObject({
      status: 'new',
      convertedTo: null,
      version: stale.version + 1,
    });
  });

  it("refuses a rep another rep's lead; a manager converts it for its owner", async () => {
    const lead = await settledLead({ name: 'Theirs Truly', company: 'Other Rep Co' }, 'rep2');
    const before = await counts();
    const refused = await convert(as.rep1, lead.id, { version: lead.version });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await counts()).toEqual(before);

    const result = await ok(convert(as.manager, lead.id, { version: lead.version, opportunity: null }));
    expect(result.account.owner.id).toBe(ids.rep2);
    expect(result.contact.owner.id).toBe(ids.rep2);
    expect(await counts()).toEqual({
      ...before,
      accounts: before.accounts + 1,
      contacts: before.contacts + 1,
    });
  });

  it('refuses a lead merged into another', async () => {
    const survivor = await settledLead({ name: 'Mary Somerville', email: 'mary@orbit.example' }, 'rep1');
    const duplicate = await settledLead({ name: 'Mary Sommerville', email: 'mary@orbit.example' }, 'rep1');
    await ok(
      as.rep1.post(`/api/leads/${survivor.id}/merge`, {
        duplicateId: duplicate.id,
        version: survivor.version,
        duplicateVersion: duplicate.version,
      }),
    );
    const merged = await ok(as.rep1.get(`/api/leads/${duplicate.id}`));
    const refused = await convert(as.rep1, duplicate.id, { version: merged.version });
    expect([refused.status, refused.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(refused.body.details).toMatchObject({ mergedInto: survivor.id });
  });
});
