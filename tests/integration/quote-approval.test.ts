import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * The shipped quote-approval process, end to end on the real Temporal server: routing by discount,
 * decisions through the API (as Temporal Updates), races, delegation, recall and escalation.
 */
describe('quote approval', () => {
  let product: Product;
  const as = {} as Record<'admin' | 'rep1' | 'manager' | 'approver', ApiClient>;
  const me = {} as Record<keyof typeof as, string>;
  let opportunityId: string;
  let productId: string;
  let workflowId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function submitQuote(name: string, discountPercent: number): Promise<Row> {
    const quote = await ok(
      as.rep1.post('/api/quotes', {
        opportunityId,
        name,
        lines: [{ productId, quantity: 4, discountPercent }],
      }),
      201,
    );
    await ok(as.rep1.post(`/api/quotes/${quote.id}/submit`));
    return quote;
  }

  /** The pending request on a quote, once the run has opened it. */
  async function pendingApproval(quoteId: string, stage = 0): Promise<Row> {
    return eventually(
      async () => {
        const page = await ok(as.admin.get(`/api/approvals?recordId=${quoteId}&status=pending`));
        return (page.items as Row[]).find((a) => a.stage === stage);
      },
      30_000,
      `a pending approval (stage ${stage}) on quote ${quoteId}`,
    );
  }

  async function quoteWhen(id: string, status: string): Promise<Row> {
    return eventually(
      async () => {
        const quote = await ok(as.rep1.get(`/api/quotes/${id}`));
        return quote.status === status ? quote : undefined;
      },
      30_000,
      `quote ${id} to be ${status}`,
    );
  }

  async function notificationFor(who: keyof typeof as, title: string): Promise<Row> {
    return eventually(
      async () =>
        ((await ok(as[who].get('/api/notifications'))).items as Row[]).find((n) => n.title.includes(title)),
      30_000,
      `a notification "${title}" for ${who}`,
    );
  }

  /** Publishes a new version of the shipped process with its approval step changed. */
  async function publishVariant(change: (approve: Row) => void, note: string): Promise<void> {
    const workflow = await ok(as.admin.get(`/api/workflows/${workflowId}`));
    const latest = Math.max(...(workflow.versions as Row[]).map((v) => v.version));
    const { definition } = await ok(as.admin.get(`/api/workflows/${workflowId}/versions/${latest}`));
    change(definition.steps.find((s: Row) => s.id === 'approve'));
    const saved = await ok(as.admin.post(`/api/workflows/${workflowId}/versions`, { definition }), 201);
    const version = Math.max(...(saved.versions as Row[]).map((v) => v.version));
    await ok(as.admin.post(`/api/workflows/${workflowId}/versions/${version}/publish`, { note }));
  }

  beforeAll(async () => {
    product = await startProduct();
    for (const who of ['admin', 'rep1', 'manager', 'approver'] as const) {
      as[who] = await ApiClient.login(product.baseUrl, `${who}@demo.baton`);
      me[who] = (await ok(as[who].get('/api/auth/me'))).id;
    }
    const account = await ok(as.rep1.post('/api/accounts', { name: 'Approval Works' }), 201);
    opportunityId = (
      await ok(as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Approval deal' }), 201)
    ).id;
    productId = (
      await ok(as.manager.post('/api/products', { sku: 'APR-1', name: 'Seat', unitPrice: '250.00' }), 201)
    ).id;
    workflowId = ((await ok(as.admin.get('/api/workflows'))).items as Row[]).find(
      (w) => w.key === 'quote-approval',
    )!.id;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it("routes a 15 % discount to the rep's manager, who approves through the quote API; the rep hears of it", async () => {
    const quote = await submitQuote('Fifteen percent', 15);
    const approval = await pendingApproval(quote.id);
    expect(approval).toMatchObject({
      stageName: 'Discount over 10 % needs the sales manager',
      reason: 'Discount over 10 % needs the sales manager',
      record: { type: 'quote', id: quote.id, label: 'Fifteen percent' },
      requestedBy: { id: me.rep1 },
      approvers: [{ users: [{ id: me.manager, name: 'Morgan Manager' }], decision: null }],
    });

    // The manager's inbox has it; the approver's does not; the manager was told.
    const inbox = (await ok(as.manager.get('/api/approvals?approver=me'))).items as Row[];
    expect(inbox.map((a) => a.id)).toContain(approval.id);
    expect(inbox.find((a) => a.id === approval.id)!.canDecide).toBe(true);
    const notMine = (await ok(as.approver.get('/api/approvals?approver=me'))).items as Row[];
    expect(notMine.map((a) => a.id)).not.toContain(approval.id);
    await notificationFor('manager', 'Quote approval: Fifteen percent');

    // The quote is locked while the request is pending, and its rep cannot decide it.
    const { version } = await ok(as.rep1.get(`/api/quotes/${quote.id}`));
    const edit = await as.rep1.request('PATCH', `/api/quotes/${quote.id}`, { version, name: 'x' });
    expect(edit.body.code).toBe('INVALID_TRANSITION');
    const self = await as.rep1.post(`/api/approvals/${encodeURIComponent(approval.id)}/actions`, {
      action: 'approve',
    });
    expect([self.status, self.body.code]).toEqual([403, 'NOT_AN_APPROVER']);

    const approved = await ok(
      as.manager.post(`/api/quotes/${quote.id}/approve`, { comment: 'Fine for three years' }),
    );
    expect(approved).toMatchObject({
      status: 'approved',
      decision: { comment: 'Fine for three years', by: { id: me.manager } },
    });
    const done = await ok(as.manager.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
    expect(done).toMatchObject({
      status: 'approved',
      canDecide: false,
      decisions: [{ user: { id: me.manager }, action: 'approve', comment: 'Fine for three years' }],
    });
    const told = await notificationFor('rep1', 'Quote approved: Fifteen percent');
    expect(told.body).toBe('Fine for three years');

    // Deciding again is refused with a clear code, and nothing changes.
    const again = await as.manager.post(`/api/approvals/${encodeURIComponent(approval.id)}/actions`, {
      action: 'reject',
      comment: 'changed my mind',
    });
    expect([again.status, again.body.code]).toEqual([409, 'APPROVAL_NOT_PENDING']);
    expect((await ok(as.rep1.get(`/api/quotes/${quote.id}`))).status).toBe('approved');
  });

  it('sends a rejected quote back to draft with the comment', async () => {
    const quote = await submitQuote('Rejected one', 12);
    const approval = await pendingApproval(quote.id);
    const noReason = await as.manager.post(`/api/approvals/${encodeURIComponent(approval.id)}/actions`, {
      action: 'reject',
    });
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    await ok(
      as.manager.post(`/api/approvals/${encodeURIComponent(approval.id)}/actions`, {
        action: 'reject',
        comment: 'Twelve percent needs a longer term',
      }),
    );
    const draft = await quoteWhen(quote.id, 'draft');
    expect(draft.decision).toMatchObject({
      comment: 'Twelve percent needs a longer term',
      by: { id: me.manager },
    });
    expect((await notificationFor('rep1', 'Quote sent back: Rejected one')).body).toBe(
      'Twelve percent needs a longer term',
    );
  });

  it('approves a small discount without asking anyone', async () => {
    const quote = await submitQuote('Small discount', 5);
    await quoteWhen(quote.id, 'approved');
    const requests = await ok(as.admin.get(`/api/approvals?recordId=${quote.id}`));
    expect(requests.items).toEqual([]);
  });

  it('asks the manager and then an approver for a 30 % discount', async () => {
    const quote = await submitQuote('Thirty percent', 30);
    const first = await pendingApproval(quote.id, 0);
    await ok(
      as.manager.post(`/api/approvals/${encodeURIComponent(first.id)}/actions`, { action: 'approve' }),
    );
    const second = await pendingApproval(quote.id, 1);
    expect(second).toMatchObject({
      stageName: 'Discount over 25 % also needs a quote approver',
      approvers: [{ users: [{ id: me.approver }] }],
    });
    expect((await ok(as.rep1.get(`/api/quotes/${quote.id}`))).status).toBe('submitted');
    await ok(
      as.approver.post(`/api/approvals/${encodeURIComponent(second.id)}/actions`, {
        action: 'approve',
        comment: 'Strategic account',
      }),
    );
    const approved = await quoteWhen(quote.id, 'approved');
    expect(approved.decision).toMatchObject({ comment: 'Strategic account', by: { id: me.approver } });
  });

  it('lets the manager delegate, and the delegate decide', async () => {
    const quote = await submitQuote('Delegated', 20);
    const approval = await pendingApproval(quote.id);
    const path = `/api/approvals/${encodeURIComponent(approval.id)}/actions`;
    const delegated = await ok(
      as.manager.post(path, { action: 'delegate', delegateTo: me.approver, comment: 'On leave' }),
    );
    expect(delegated.approvers).toEqual([
      { users: [{ id: me.approver, name: 'Avery Approver' }], decision: null, decidedBy: null },
    ]);
    await notificationFor('approver', 'Approval requested: Delegated');
    const former = await as.manager.post(path, { action: 'approve' });
    expect(former.body.code).toBe('NOT_AN_APPROVER');
    await ok(as.approver.post(path, { action: 'approve' }));
    await quoteWhen(quote.id, 'approved');
  });

  it('lets the rep recall a pending quote', async () => {
    const quote = await submitQuote('Recalled', 18);
    const approval = await pendingApproval(quote.id);
    const recalled = await ok(as.rep1.post(`/api/quotes/${quote.id}/recall`));
    expect(recalled.status).toBe('draft');
    const request = await ok(as.rep1.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
    expect(request).toMatchObject({
      status: 'recalled',
      decisions: [{ action: 'recall', user: { id: me.rep1 } }],
    });
  });

  it('of two simultaneous decisions, applies exactly one and refuses the other', async () => {
    // Two approvers, either of whom decides: the manager and the admin.
    await publishVariant((approve) => {
      approve.config.stages[0].approvers = [{ kind: 'manager_of_owner' }, { kind: 'user', userId: me.admin }];
    }, 'Admin may decide too');
    for (const round of [1, 2, 3]) {
      const quote = await submitQuote(`Race ${round}`, 15);
      const approval = await pendingApproval(quote.id);
      expect(approval.approvers).toHaveLength(2);
      const path = `/api/approvals/${encodeURIComponent(approval.id)}/actions`;
      const [byManager, byAdmin] = await Promise.all([
        as.manager.post(path, { action: 'approve', comment: 'manager says yes' }),
        as.admin.post(path, { action: 'reject', comment: 'admin says no' }),
      ]);
      const statuses = [byManager.status, byAdmin.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = byManager.status === 409 ? byManager : byAdmin;
      expect(loser.body.code).toBe('APPROVAL_NOT_PENDING');
      const managerWon = byManager.status === 200;
      const final = await ok(as.admin.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
      expect(final.status).toBe(managerWon ? 'approved' : 'rejected');
      expect(final.decisions).toHaveLength(1);
      await quoteWhen(quote.id, managerWon ? 'approved' : 'draft');
    }
  });

  it('climbs to the manager when nobody answers, then reports that nobody decided', async () => {
    await publishVariant((approve) => {
      approve.config.stages[0].approvers = [{ kind: 'role', role: 'approver' }];
      approve.config.timeout = { amount: 3, unit: 'seconds' };
      approve.config.maxEscalations = 1;
    }, 'Short timeout');
    const quote = await submitQuote('Nobody answers', 15);
    const approval = await pendingApproval(quote.id);
    expect(approval.approvers).toEqual([
      { users: [{ id: me.approver, name: 'Avery Approver' }], decision: null, decidedBy: null },
    ]);
    // The approver reports to the admin: after the timeout the admin may decide too, and is told.
    const escalated = await eventually(
      async () => {
        const a = await ok(as.admin.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
        return a.escalations === 1 ? a : undefined;
      },
      30_000,
      'the request to climb to the admin',
    );
    expect(escalated.approvers[0].users.map((u: Row) => u.id)).toEqual([me.approver, me.admin]);
    await notificationFor('admin', 'Approval requested: Nobody answers');
    const final = await eventually(
      async () => {
        const a = await ok(as.admin.get(`/api/approvals/${encodeURIComponent(approval.id)}`));
        return a.status === 'timed_out' ? a : undefined;
      },
      30_000,
      'the request to time out',
    );
    expect(final.decisions).toEqual([]);
    await notificationFor('rep1', 'No approval decision on Nobody answers');
    await notificationFor('manager', 'No approval decision on Nobody answers');
    expect((await ok(as.rep1.get(`/api/quotes/${quote.id}`))).status).toBe('submitted');
  });
});
