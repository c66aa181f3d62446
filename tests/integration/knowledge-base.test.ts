import { Client } from 'pg';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;
const HOUR = 3_600_000;

/**
 * The support knowledge base over HTTP: articles found by full-text search (a title match above a
 * body match), drafts kept from the public FAQ and from readers, the two public routes open and
 * every other closed, canned answers filled in from a case, replies and linked articles on the
 * case, and a priority change moving the SLA the shipped escalation process waits on.
 */
describe('knowledge base', () => {
  let product: Product;
  let db: Client;
  const as = {} as Record<'admin' | 'manager' | 'rep1' | 'rep2' | 'engineer', ApiClient>;
  let anonymous: ApiClient;
  let rep1Id: string;
  let managerId: string;
  let accountId: string;
  let categoryId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const refused = async (res: Promise<ApiResponse>, status: number, code: string) => {
    const r = await res;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    return r.body as Row;
  };
  const titles = (items: Row[]) => items.map((i) => i.title as string);
  const matched = (parts: Row[]) => parts.filter((p) => p.match).map((p) => (p.text as string).toLowerCase());

  async function article(fields: Row): Promise<Row> {
    return ok(as.manager.post('/api/kb/articles', { categoryId, status: 'published', ...fields }), 201);
  }

  async function newCase(fields: Row = {}): Promise<Row> {
    return ok(as.rep1.post('/api/cases', { accountId, subject: 'Zeppelin gateway offline', ...fields }), 201);
  }

  beforeAll(async () => {
    product = await startProduct();
    db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    anonymous = new ApiClient(product.baseUrl);
    for (const who of ['admin', 'manager', 'rep1', 'rep2', 'engineer'] as const)
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
    rep1Id = (await ok(as.rep1.get('/api/auth/me'))).id;
    managerId = (await ok(as.manager.get('/api/auth/me'))).id;
    accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Airship Logistics' }), 201)).id;
    categoryId = (await ok(as.manager.post('/api/kb/categories', { name: 'Airships' }), 201)).id;
  });

  afterAll(async () => {
    await db?.end();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('serves the published FAQ and its search without a token, and nothing else of the knowledge base', async () => {
    const faq = await ok(anonymous.get('/api/public/faq'));
    const published = (faq.sections as Row[]).flatMap((s) => titles(s.articles));
    // Seeded demo content: published articles are there, the draft one is not.
    expect(published).toEqual(
      expect.arrayContaining(['Reset your password', 'Gateway drops offline at night']),
    );
    expect(published).not.toContain('API rate limits');
    expect((faq.sections as Row[]).map((s) => s.category?.name)).toEqual(
      expect.arrayContaining(['Getting started', 'Gateways and sensors']),
    );
    const found = await ok(anonymous.get('/api/public/faq/search?q=password'));
    expect(titles(found.items)[0]).toBe('Reset your password');

    const signedInOnly: Array<[string, string]> = [
      ['GET', '/api/kb/articles'],
      ['POST', '/api/kb/articles'],
      ['GET', '/api/kb/search?q=password'],
      ['GET', '/api/kb/categories'],
      ['POST', '/api/kb/categories'],
      ['GET', '/api/kb/canned-answers'],
      ['GET', `/api/kb/articles/${categoryId}`],
      ['POST', `/api/cases/${categoryId}/replies`],
      ['GET', `/api/cases/${categoryId}/articles`],
    ];
    for (const [method, path] of signedInOnly) {
      const res = await anonymous.request(method, path, method === 'POST' ? {} : undefined);
      expect([method, path, res.status, res.body?.code]).toEqual([method, path, 401, 'UNAUTHENTICATED']);
    }
    // Readers read; only editors write.
    await ok(as.rep1.get('/api/kb/articles'));
    await refused(as.rep1.post('/api/kb/articles', { title: 'Nope', body: 'Nope' }), 403, 'FORBIDDEN');
    await refused(as.engineer.post('/api/kb/categories', { name: 'Nope' }), 403, 'FORBIDDEN');
    await refused(as.rep1.post('/api/kb/canned-answers', { title: 'Nope', body: 'Nope' }), 403, 'FORBIDDEN');
  });

  it('ranks an article whose title matches above one that only mentions the words in its body', async () => {
    const inBody = await article({
      title: 'Mooring mast checklist',
      body: 'Before docking a zeppelin, check the mast. A zeppelin needs a clear mast; every zeppelin crew knows it.',
    });
    const inTitle = await article({
      title: 'Zeppelin docking procedure',
      body: 'Approach slowly into the wind and signal the ground crew.',
    });
    for (const client of [anonymous, as.rep1]) {
      const path = client === anonymous ? '/api/public/faq/search' : '/api/kb/search';
      const result = await ok(client.get(`${path}?q=${encodeURIComponent('zeppelin docking')}`));
      expect(result.items.map((i: Row) => i.id)).toEqual([inTitle.id, inBody.id]);
      const [best, next] = result.items as Row[];
      expect(best!.rank).toBeGreaterThan(next!.rank);
      expect(matched(best!.titleParts)).toEqual(['zeppelin', 'docking']);
      expect(best!.titleParts.map((p: Row) => p.text).join('')).toBe('Zeppelin docking procedure');
      expect(matched(next!.snippet)).toEqual(expect.arrayContaining(['zeppelin', 'docking']));
      expect(next!.category).toMatchObject({ id: categoryId, name: 'Airships' });
    }
    // Web-search syntax: a quoted phrase must appear as written, a minus word must not appear.
    const phrase = await ok(as.rep1.get(`/api/kb/search?q=${encodeURIComponent('"clear mast"')}`));
    expect(titles(phrase.items)).toEqual(['Mooring mast checklist']);
    const without = await ok(as.rep1.get(`/api/kb/search?q=${encodeURIComponent('zeppelin -mast')}`));
    expect(titles(without.items)).toEqual(['Zeppelin docking procedure']);
  });

  it('keeps drafts out of the public FAQ and from readers until published, and archived ones from everyone', async () => {
    const draft = await ok(
      as.manager.post('/api/kb/articles', {
        categoryId,
        title: 'Blimp refuelling',
        body: 'Helium refills are booked through the hangar desk.',
        tags: ['Hangar', 'hangar', 'fuel'],
      }),
      201,
    );
    expect(draft).toMatchObject({
      status: 'draft',
      slug: 'blimp-refuelling',
      tags: ['hangar', 'fuel'],
      version: 1,
    });
    const publicTitles = async () =>
      ((await ok(anonymous.get('/api/public/faq'))).sections as Row[]).flatMap((s) => titles(s.articles));
    const publicHits = async () => titles((await ok(anonymous.get('/api/public/faq/search?q=helium'))).items);

    expect(await publicTitles()).not.toContain('Blimp refuelling');
    expect(await publicHits()).toEqual([]);
    expect(titles((await ok(as.rep1.get('/api/kb/search?q=helium'))).items)).toEqual([]);
    await refused(as.rep1.get(`/api/kb/articles/${draft.id}`), 404, 'NOT_FOUND');
    expect((await ok(as.rep1.get('/api/kb/articles?status=draft'))).items).toEqual([]);
    const editorHits = (await ok(as.manager.get('/api/kb/search?q=helium'))).items as Row[];
    expect(editorHits.map((h) => [h.title, h.status])).toEqual([['Blimp refuelling', 'draft']]);

    // Two editors at once: the one who read an older version is refused.
    const published = await ok(
      as.manager.request('PATCH', `/api/kb/articles/${draft.id}`, { version: 1, status: 'published' }),
    );
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(published.publishedAt).not.toBeNull();
    await refused(
      as.admin.request('PATCH', `/api/kb/articles/${draft.id}`, { version: 1, title: 'Stale' }),
      409,
      'CONFLICT',
    );
    await refused(
      as.manager.post('/api/kb/articles', { title: 'Another', slug: 'blimp-refuelling', body: 'x' }),
      409,
      'CONFLICT',
    );
    expect(await publicTitles()).toContain('Blimp refuelling');
    expect(await publicHits()).toEqual(['Blimp refuelling']);
    expect((await ok(as.rep1.get(`/api/kb/articles/${draft.id}`))).body).toContain('Helium');
    expect(titles((await ok(as.rep1.get('/api/kb/articles?tag=fuel'))).items)).toEqual(['Blimp refuelling']);

    await ok(as.manager.request('DELETE', `/api/kb/articles/${draft.id}`));
    expect(await publicTitles()).not.toContain('Blimp refuelling');
    expect(await publicHits()).toEqual([]);
    await refused(as.rep1.get(`/api/kb/articles/${draft.id}`), 404, 'NOT_FOUND');
    expect((await ok(as.manager.get(`/api/kb/articles/${draft.id}`))).archivedAt).not.toBeNull();
    const audit = (await ok(as.admin.get(`/api/audit?entityType=kb_article&entityId=${draft.id}`)))
      .items as Row[];
    expect(audit.map((e) => e.action).sort()).toEqual([
      'kb_article.archived',
      'kb_article.created',
      'kb_article.updated',
    ]);
  });

  it("renders a canned answer with the case's fields, and refuses unknown merge fields", async () => {
    const contact = await ok(
      as.rep1.post('/api/contacts', { name: 'Grace Hopper', accounts: [{ accountId }] }),
      201,
    );
    const withContact = await newCase({
      contactId: contact.id,
      subject: 'Envelope leaking',
      priority: 'high',
    });
    const answer = await ok(
      as.manager.post('/api/kb/canned-answers', {
        title: 'On it',
        body: 'Hi {{contact.firstName}}, about "{{ case.subject }}" ({{case.priority}}) at {{account.name}}: {{owner.name}} owns it. — {{agent.name}}',
      }),
      201,
    );
    const rendered = await ok(
      as.rep1.post(`/api/cases/${withContact.id}/render-answer`, { cannedAnswerId: answer.id }),
    );
    expect(rendered).toEqual({
      cannedAnswerId: answer.id,
      text: 'Hi Grace, about "Envelope leaking" (high) at Airship Logistics: Riley Rep owns it. — Riley Rep',
      blanks: [],
    });
    // Another agent renders the same answer: the agent is whoever sends it.
    const byManager = await ok(
      as.manager.post(`/api/cases/${withContact.id}/render-answer`, { cannedAnswerId: answer.id }),
    );
    expect(byManager.text).toMatch(/Riley Rep owns it\. — Morgan Manager$/);

    const noContact = await newCase({ subject: 'Gas bag torn' });
    const blank = await ok(
      as.rep1.post(`/api/cases/${noContact.id}/render-answer`, { cannedAnswerId: answer.id }),
    );
    expect(blank.text.startsWith('Hi , about "Gas bag torn"')).toBe(true);
    expect(blank.blanks).toEqual(['contact.firstName']);

    await refused(
      as.rep2.post(`/api/cases/${withContact.id}/render-answer`, { cannedAnswerId: answer.id }),
      404,
      'NOT_FOUND',
    );
    const typo = await refused(
      as.manager.post('/api/kb/canned-answers', { title: 'Typo', body: 'Hi {{contact.first_name}}' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(typo.details.unknown).toEqual(['contact.first_name']);
    expect(titles((await ok(as.rep1.get('/api/kb/canned-answers?q=on%20it'))).items)).toEqual(['On it']);
  });

  it('records a reply with articles on the case timeline and lists the linked articles', async () => {
    const supportCase = await newCase({ subject: 'Ballast valve stuck' });
    const guide = await article({
      title: 'Free a stuck ballast valve',
      body: 'Cycle the valve twice, then reset it.',
    });
    const faq = await article({ title: 'Ballast basics', body: 'What ballast is for.' });
    const draft = await ok(
      as.manager.post('/api/kb/articles', { title: 'Ballast secrets', body: 'Not yet.' }),
      201,
    );

    await refused(
      as.rep1.post(`/api/cases/${supportCase.id}/replies`, { body: 'See this', articleIds: [draft.id] }),
      400,
      'VALIDATION_FAILED',
    );
    const reply = await ok(
      as.rep1.post(`/api/cases/${supportCase.id}/replies`, {
        body: 'Hi, please try the steps in this article.',
        articleIds: [guide.id],
      }),
      201,
    );
    expect(reply.activity).toMatchObject({
      kind: 'email',
      subject: 'Re: Ballast valve stuck',
      body: 'Hi, please try the steps in this article.\n\nRelated articles:\n• Free a stuck ballast valve',
      record: { type: 'case', id: supportCase.id },
      author: { id: rep1Id },
    });
    expect(reply.articles.map((l: Row) => l.article.id)).toEqual([guide.id]);

    const timeline = (await ok(as.rep1.get(`/api/cases/${supportCase.id}/timeline`))).items as Row[];
    expect(timeline.find((i) => i.kind === 'activity')).toMatchObject({
      summary: 'Email: Re: Ballast valve stuck',
      actor: { id: rep1Id },
    });

    const linked = await ok(as.rep1.post(`/api/cases/${supportCase.id}/articles/${faq.id}`), 201);
    expect(linked.map((l: Row) => l.article.title)).toEqual(['Free a stuck ballast valve', 'Ballast basics']);
    // Linking again changes nothing.
    await ok(as.rep1.post(`/api/cases/${supportCase.id}/articles/${faq.id}`), 201);
    await refused(as.rep1.post(`/api/cases/${supportCase.id}/articles/${draft.id}`), 404, 'NOT_FOUND');
    const listed = await ok(as.engineer.get(`/api/cases/${supportCase.id}/articles`));
    expect(listed.map((l: Row) => [l.article.title, l.linkedBy.id])).toEqual([
      ['Free a stuck ballast valve', rep1Id],
      ['Ballast basics', rep1Id],
    ]);

    expect(
      (await as.rep1.request('DELETE', `/api/cases/${supportCase.id}/articles/${guide.id}`)).status,
    ).toBe(204);
    await refused(
      as.rep1.request('DELETE', `/api/cases/${supportCase.id}/articles/${guide.id}`),
      404,
      'NOT_FOUND',
    );
    expect(
      (await ok(as.rep1.get(`/api/cases/${supportCase.id}/articles`))).map((l: Row) => l.article.id),
    ).toEqual([faq.id]);

    // Only the people who may change the case work on it.
    await refused(as.engineer.post(`/api/cases/${supportCase.id}/replies`, { body: 'Hi' }), 403, 'FORBIDDEN');
    await refused(as.rep2.post(`/api/cases/${supportCase.id}/replies`, { body: 'Hi' }), 404, 'NOT_FOUND');
    await refused(as.rep2.get(`/api/cases/${supportCase.id}/articles`), 404, 'NOT_FOUND');
  });

  it('moves the SLA when the priority changes, and the shipped escalation waits for the new deadline', async () => {
    const opened = await newCase({ subject: 'Mooring line frayed', priority: 'low' });
    expect(Date.parse(opened.slaDueAt) - Date.parse(opened.createdAt)).toBeGreaterThan(4 * 24 * HOUR);
    await eventually(
      async () => {
        const [run] = (await ok(as.admin.get(`/api/runs?recordId=${opened.id}`))).items as Row[];
        const detail = run && (await ok(as.admin.get(`/api/runs/${run.id}`)));
        return detail?.trail?.some((t: Row) => t.stepId === 'within_sla' && t.status === 'running')
          ? true
          : undefined;
      },
      30_000,
      'the escalation run to wait on the SLA',
    );

    // As if the case had been opened almost four hours ago: an urgent SLA (four hours from
    // opening) then falls due in a few seconds, where the low one was days away.
    await db.query(
      `update cases set created_at = now() - interval '4 hours' + interval '4 seconds' where id = $1`,
      [opened.id],
    );
    const { createdAt } = await ok(as.rep1.get(`/api/cases/${opened.id}`));
    const urgent = await ok(
      as.rep1.request('PATCH', `/api/cases/${opened.id}`, { version: opened.version, priority: 'urgent' }),
    );
    expect(urgent.priority).toBe('urgent');
    expect(Date.parse(urgent.slaDueAt)).toBe(Date.parse(createdAt) + 4 * HOUR);
    const timeline = (await ok(as.rep1.get(`/api/cases/${opened.id}/timeline`))).items as Row[];
    expect(timeline.find((i) => i.kind === 'change' && i.data.changes?.priority)?.data.changes).toMatchObject(
      {
        priority: { from: 'low', to: 'urgent' },
        slaDueAt: expect.anything(),
      },
    );

    // The waiting run re-reads slaDueAt on the change and escalates to rep1's manager when it passes.
    await eventually(
      async () =>
        (await ok(as.admin.get(`/api/cases/${opened.id}`))).owner?.id === managerId ? true : undefined,
      30_000,
      'the case to be escalated to the manager',
    );
    const after = await ok(as.admin.get(`/api/cases/${opened.id}`));
    expect(after.breached).toBe(true);
    await ok(
      as.admin.request('PATCH', `/api/cases/${opened.id}`, { version: after.version, status: 'resolved' }),
    );

    // The same priority again leaves the SLA where it is.
    const same = await ok(as.admin.get(`/api/cases/${opened.id}`));
    const unchanged = await ok(
      as.admin.request('PATCH', `/api/cases/${opened.id}`, { version: same.version, priority: 'urgent' }),
    );
    expect(unchanged.slaDueAt).toBe(urgent.slaDueAt);
  });
});
