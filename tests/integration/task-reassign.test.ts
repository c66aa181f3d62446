import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;
type Who = 'admin' | 'rep1' | 'rep2' | 'manager' | 'approver';

/** A rep asks for a task to go to someone else; their manager (or the admins) decide and hand it on. */
describe('task reassignment requests', () => {
  let product: Product;
  const as = {} as Record<Who, ApiClient>;
  const ids = {} as Record<Who, string>;
  let accountId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function fails(res: Promise<ApiResponse>, status: number, code: string): Promise<Row> {
    const r = await res;
    expect([r.status, r.body?.code]).toEqual([status, code]);
    expect(typeof r.body.message).toBe('string');
    return r.body;
  }

  const newTask = (who: Who, title: string): Promise<Row> =>
    ok(
      as[who].post('/api/tasks', {
        title,
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
        recordType: 'account',
        recordId: accountId,
      }),
      201,
    );

  const notificationFor = (who: Who, title: string): Promise<Row> =>
    eventually(
      async () =>
        ((await ok(as[who].get('/api/notifications'))).items as Row[]).find((n) => n.title === title),
      10_000,
      `${who}'s notification "${title}"`,
    );

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'rep2', 'manager', 'approver'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      ids[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
    accountId = (await ok(as.rep1.post('/api/accounts', { name: 'Harbour Cold Storage' }), 201)).id;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('tells the manager, refuses a second request, and hands the task on when the manager decides', async () => {
    const task = await newTask('rep1', 'Chase the cold-room survey');
    const path = `/api/tasks/${task.id}`;
    expect(task.reassignRequest).toBeNull();

    await fails(as.rep2.post(`${path}/reassign-request`, { reason: 'Mine now' }), 403, 'FORBIDDEN');
    await fails(as.rep1.post(`${path}/reassign-request`, { reason: '  ' }), 400, 'VALIDATION_FAILED');
    await fails(
      as.rep1.post(`${path}/reassign-request`, { reason: 'x'.repeat(501) }),
      400,
      'VALIDATION_FAILED',
    );
    await fails(
      as.rep1.post(`${path}/reassign-request`, { reason: 'Busy', suggestedAssigneeId: ids.rep1 }),
      400,
      'VALIDATION_FAILED',
    );
    await fails(
      as.rep1.post('/api/tasks/00000000-0000-4000-8000-000000000000/reassign-request', { reason: 'Busy' }),
      404,
      'NOT_FOUND',
    );

    const reason = 'On leave until the 3rd; Sam covers this account.';
    const asked = await ok(
      as.rep1.post(`${path}/reassign-request`, { reason, suggestedAssigneeId: ids.rep2 }),
    );
    expect(asked).toMatchObject({
      id: task.id,
      assignee: { id: ids.rep1 },
      reassignRequest: { reason, suggestedAssignee: { id: ids.rep2, name: 'Sam Seller' } },
    });
    expect(Date.parse(asked.reassignRequest.requestedAt)).toBeGreaterThan(Date.now() - 60_000);

    // rep1 reports to the manager: the manager is told, with the reason and a link to the account.
    const notice = await notificationFor('manager', 'Reassignment requested: Chase the cold-room survey');
    expect(notice.body).toContain(reason);
    expect(notice.body).toContain('Riley Rep');
    expect(notice.record).toEqual({ type: 'account', id: accountId });
    expect(
      ((await ok(as.admin.get('/api/notifications'))).items as Row[]).some((n) =>
        String(n.title).startsWith('Reassignment requested: Chase'),
      ),
    ).toBe(false);

    const again = await fails(
      as.rep1.post(`${path}/reassign-request`, { reason: 'Please?' }),
      409,
      'REASSIGN_ALREADY_REQUESTED',
    );
    expect(again.details.requestedAt).toBe(asked.reassignRequest.requestedAt);

    // The rep's own list carries the pending request, and so does the account's timeline.
    const mine = (await ok(as.rep1.get('/api/tasks?assignee=me&status=open'))).items as Row[];
    expect(mine.find((t) => t.id === task.id)?.reassignRequest?.reason).toBe(reason);
    const timeline = (await ok(as.rep1.get(`/api/accounts/${accountId}/timeline?limit=100`))).items as Row[];
    const change = timeline.find((i) => i.kind === 'change' && i.data.taskId === task.id);
    expect(change).toMatchObject({
      actor: { id: ids.rep1 },
      data: {
        type: 'task.updated',
        taskTitle: 'Chase the cold-room survey',
        changes: { reassignReason: { from: null, to: reason } },
      },
    });

    // Only managers above the assignee (and admins) hand tasks on.
    await fails(as.rep1.post(`${path}/reassign`, { assigneeId: ids.rep2 }), 403, 'FORBIDDEN');
    await fails(as.approver.post(`${path}/reassign`, { assigneeId: ids.rep2 }), 403, 'FORBIDDEN');
    await fails(
      as.manager.post(`${path}/reassign`, { assigneeId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'VALIDATION_FAILED',
    );
    await fails(as.manager.post(`${path}/reassign`, { assigneeId: ids.rep1 }), 400, 'VALIDATION_FAILED');

    const moved = await ok(as.manager.post(`${path}/reassign`, { assigneeId: ids.rep2 }));
    expect(moved).toMatchObject({ assignee: { id: ids.rep2, name: 'Sam Seller' }, reassignRequest: null });
    const rep2Open = (await ok(as.rep2.get('/api/tasks?assignee=me&status=open'))).items as Row[];
    expect(rep2Open.find((t) => t.id === task.id)).toMatchObject({ reassignRequest: null });
    const rep1Open = (await ok(as.rep1.get('/api/tasks?assignee=me&status=open'))).items as Row[];
    expect(rep1Open.some((t) => t.id === task.id)).toBe(false);
    const assigned = await notificationFor('rep2', 'Task assigned to you: Chase the cold-room survey');
    expect(assigned.body).toContain('Morgan Manager');
    expect(assigned.record).toEqual({ type: 'account', id: accountId });
    await notificationFor('rep1', 'Task reassigned: Chase the cold-room survey');

    // Answered: the new assignee may ask in turn.
    await ok(as.rep2.post(`${path}/reassign-request`, { reason: 'Not my region' }));
  });

  it('refuses a manager outside the assignee’s chain', async () => {
    // The admin reports to nobody, so the manager is not above them.
    const task = await newTask('admin', 'Renew the storage contract');
    await fails(
      as.manager.post(`/api/tasks/${task.id}/reassign`, { assigneeId: ids.rep1 }),
      403,
      'FORBIDDEN',
    );
    const moved = await ok(as.admin.post(`/api/tasks/${task.id}/reassign`, { assigneeId: ids.rep1 }));
    expect(moved.assignee.id).toBe(ids.rep1);
  });

  it('refuses done tasks and clears a pending request when the task is completed', async () => {
    const done = await newTask('rep1', 'Send the survey summary');
    await ok(as.rep1.post(`/api/tasks/${done.id}/complete`));
    await fails(
      as.rep1.post(`/api/tasks/${done.id}/reassign-request`, { reason: 'Too late?' }),
      409,
      'INVALID_TRANSITION',
    );

    const pending = await newTask('rep1', 'Book the site visit');
    await ok(as.rep1.post(`/api/tasks/${pending.id}/reassign-request`, { reason: 'Travelling' }));
    const completed = await ok(as.rep1.post(`/api/tasks/${pending.id}/complete`));
    expect(completed).toMatchObject({ status: 'done', reassignRequest: null });
    const listed = (await ok(as.rep1.get('/api/tasks?assignee=me&status=done'))).items as Row[];
    expect(listed.find((t) => t.id === pending.id)?.reassignRequest).toBeNull();
    await fails(
      as.manager.post(`/api/tasks/${pending.id}/reassign`, { assigneeId: ids.rep2 }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('asks every active admin when the assignee has no manager', async () => {
    await ok(as.admin.request('PATCH', `/api/users/${ids.rep2}`, { managerId: null }));
    const task = await newTask('rep2', 'Call the facilities lead');
    await ok(as.rep2.post(`/api/tasks/${task.id}/reassign-request`, { reason: 'Wrong territory' }));
    const notice = await notificationFor('admin', 'Reassignment requested: Call the facilities lead');
    expect(notice.body).toContain('Wrong territory');
    const managerSees = ((await ok(as.manager.get('/api/notifications'))).items as Row[]).some(
      (n) => n.title === 'Reassignment requested: Call the facilities lead',
    );
    expect(managerSees).toBe(false);
  });

  it('documents both endpoints with examples', async () => {
    const doc = (await new ApiClient(product.baseUrl).get('/api/openapi.json')).body;
    const request = doc.paths['/api/tasks/{id}/reassign-request'].post;
    expect(request.requestBody.content['application/json'].schema.example.reason).toEqual(expect.any(String));
    expect(request.responses['200']).toBeDefined();
    expect(doc.paths['/api/tasks/{id}/reassign'].post.requestBody).toBeDefined();
  });
});
