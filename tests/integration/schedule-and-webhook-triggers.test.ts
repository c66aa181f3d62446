import { createHmac, randomUUID } from 'node:crypto';
import { Client, Connection, ScheduleNotFoundError, type ScheduleDescription } from '@temporalio/client';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/**
 * Schedule triggers run on real Temporal Schedules (checked in Temporal itself), and webhook
 * triggers answer signed or bearer deliveries on /api/hooks; both start runs through the same path
 * as record events, re-enrollment included.
 */
describe('schedule and webhook triggers', () => {
  let product: Product;
  let admin: ApiClient;
  let temporal: Client;
  let connection: Connection;
  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function publish(definition: Row): Promise<string> {
    const { id } = await ok(admin.post('/api/workflows', { definition }), 201);
    await ok(admin.post(`/api/workflows/${id}/versions/1/publish`, { note: 'Test' }));
    return id;
  }

  async function publishNext(id: string, version: number, definition: Row): Promise<void> {
    await ok(admin.post(`/api/workflows/${id}/versions`, { definition }), 201);
    await ok(admin.post(`/api/workflows/${id}/versions/${version}/publish`, { note: 'Next' }));
  }

  const runs = async (workflowId: string): Promise<Row[]> =>
    (await ok(admin.get(`/api/runs?workflowId=${workflowId}&limit=100`))).items;

  /** The Temporal Schedule, or null when Temporal has none with this id. */
  async function schedule(id: string): Promise<ScheduleDescription | null> {
    try {
      return await temporal.schedule.getHandle(id).describe();
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) return null;
      throw err;
    }
  }

  /** The result of the sweep workflow the schedule started as its `n`th action (1-based). */
  async function tick(scheduleId: string, n: number): Promise<Row> {
    const action = await eventually(
      async () => (await schedule(scheduleId))?.info.recentActions[n - 1]?.action,
      30_000,
      `tick ${n} of ${scheduleId}`,
    );
    return temporal.workflow.getHandle(action.workflow.workflowId).result();
  }

  function deliver(path: string, body: string, headers: Record<string, string> = {}) {
    return fetch(`${product.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Row, headers: res.headers }));
  }

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    connection = await Connection.connect({ address: product.temporalAddress });
    temporal = new Client({ connection, namespace: 'baton' });
  });

  afterAll(async () => {
    await connection?.close();
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  describe('a schedule trigger', () => {
    const stamp = randomUUID().slice(0, 8);
    const region = `Sweep ${stamp}`;
    const scheduled = (extra: Row = {}): Row => ({
      schemaVersion: 1,
      key: `sweep-${stamp}`,
      name: 'Nightly sweep',
      triggers: [
        {
          id: 'nightly',
          kind: 'schedule',
          entity: 'lead',
          // Once a year, at a time no test runs into: ticks here come from "run now".
          cron: '0 3 1 1 *',
          timezone: 'Europe/Berlin',
          condition: { '==': [{ var: 'lead.region' }, region] },
          reenroll: { mode: 'once' },
          ...extra,
        },
      ],
      steps: [{ id: 'mark', type: 'update_record', config: { set: { score: 42 } } }],
      transitions: [{ id: 'go', from: 'nightly', to: 'mark' }],
    });
    let workflowId: string;
    let scheduleId: string;
    const leads: Record<string, string> = {};

    beforeAll(async () => {
      for (const [name, leadRegion] of [
        ['north-1', region],
        ['north-2', region],
        ['elsewhere', `${region} (not)`],
      ] as const) {
        leads[name] = (
          await ok(admin.post('/api/leads', { name: `${name} ${stamp}`, region: leadRegion }), 201)
        ).id;
      }
      workflowId = await publish(scheduled());
      scheduleId = `baton-schedule:${workflowId}:nightly`;
    });

    it('is a Temporal Schedule once published, with its cron, time zone and overlap policy', async () => {
      const described = await eventually(
        async () => (await schedule(scheduleId)) ?? undefined,
        20_000,
        'the schedule',
      );
      expect(described.spec.timezone).toBe('Europe/Berlin');
      expect(described.spec.calendars).toEqual([
        expect.objectContaining({
          minute: [{ start: 0, end: 0, step: 1 }],
          hour: [{ start: 3, end: 3, step: 1 }],
        }),
      ]);
      expect(described.policies.overlap).toBe('SKIP');
      expect(described.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: 'scheduledSweepWorkflow',
        args: [{ workflowId, triggerId: 'nightly' }],
      });
    });

    it('enrols exactly the matching records on a tick, and none again on the next ("once")', async () => {
      await ok(admin.post(`/api/workflows/${workflowId}/triggers/nightly/run-now`), 202);
      expect(await tick(scheduleId, 1)).toEqual({ matched: 2, started: 2, refused: 0 });
      const first = await eventually(
        async () => {
          const list = await runs(workflowId);
          return list.length === 2 && list.every((r) => r.status === 'completed') ? list : undefined;
        },
        30_000,
        'two completed runs',
      );
      expect(first.map((r) => r.record.id).sort()).toEqual([leads['north-1'], leads['north-2']].sort());
      for (const name of ['north-1', 'north-2'])
        expect((await ok(admin.get(`/api/leads/${leads[name]}`))).score).toBe(42);
      expect((await ok(admin.get(`/api/leads/${leads.elsewhere}`))).score).not.toBe(42);

      await ok(admin.post(`/api/workflows/${workflowId}/triggers/nightly/run-now`), 202);
      expect(await tick(scheduleId, 2)).toEqual({ matched: 0, started: 0, refused: 0 });
      expect(await runs(workflowId)).toHaveLength(2);
    });

    it('answers 404 for run-now on a trigger that is not a schedule of the published version', async () => {
      const res = await admin.post(`/api/workflows/${workflowId}/triggers/nope/run-now`);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('goes when the workflow is archived, comes back on restore, and goes with a version without it', async () => {
      await ok(admin.post(`/api/workflows/${workflowId}/archive`));
      expect(await schedule(scheduleId)).toBeNull();
      await ok(admin.post(`/api/workflows/${workflowId}/restore`));
      expect(await schedule(scheduleId)).not.toBeNull();

      const manual = {
        ...scheduled(),
        triggers: [{ id: 'nightly', kind: 'record', entity: 'lead', event: 'manual' }],
      };
      await publishNext(workflowId, 2, manual);
      expect(await schedule(scheduleId)).toBeNull();
    });

    it('is put back after a restart when it was lost in Temporal meanwhile', async () => {
      const weekly = scheduled({ id: 'weekly', cron: '0 4 * * SUN' });
      const id = await publish({
        ...weekly,
        key: `lost-${stamp}`,
        transitions: [{ id: 'go', from: 'weekly', to: 'mark' }],
      });
      const lost = `baton-schedule:${id}:weekly`;
      await temporal.schedule.getHandle(lost).delete();
      expect(await schedule(lost)).toBeNull();

      await connection.close();
      await product.stop();
      product = await startProduct({ dataDir: product.dataDir });
      admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
      connection = await Connection.connect({ address: product.temporalAddress });
      temporal = new Client({ connection, namespace: 'baton' });

      const back = await eventually(
        async () => (await schedule(lost)) ?? undefined,
        30_000,
        'the schedule back',
      );
      expect(back.action).toMatchObject({ args: [{ workflowId: id, triggerId: 'weekly' }] });
      // The archived-then-replaced workflow's schedule stays gone.
      expect(await schedule(scheduleId)).toBeNull();
    });
  });

  describe('a webhook trigger', () => {
    const stamp = randomUUID().slice(0, 8);
    const email = `hooked-${stamp}@example.com`;
    let workflowId: string;
    let path: string;
    let secret: string;
    let leadId: string;
    const payload = (score: number, to = email) => JSON.stringify({ contact: { email: to }, score });
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    beforeAll(async () => {
      leadId = (await ok(admin.post('/api/leads', { name: `Hooked ${stamp}`, email }), 201)).id;
      workflowId = await publish({
        schemaVersion: 1,
        key: `hook-${stamp}`,
        name: 'Score from a webhook',
        triggers: [
          {
            id: 'scored',
            kind: 'webhook',
            entity: 'lead',
            match: { by: 'field', field: 'email', from: 'contact.email' },
            condition: { '>=': [{ var: 'trigger.payload.score' }, 0] },
          },
        ],
        steps: [
          {
            id: 'set_score',
            type: 'update_record',
            config: { set: { score: { var: 'trigger.payload.score' } } },
          },
        ],
        transitions: [{ id: 'go', from: 'scored', to: 'set_score' }],
      });
      path = `/api/hooks/${workflowId}/scored`;
    });

    it('shows its hook URL in the workflow, and refuses deliveries until a secret is issued', async () => {
      const view = await ok(admin.get(`/api/workflows/${workflowId}`));
      expect(view.webhooks).toEqual({
        secretSet: false,
        secretCreatedAt: null,
        hooks: [{ triggerId: 'scored', url: path }],
      });
      const res = await deliver(path, payload(1), bearer('whsec_guess'));
      expect([res.status, res.body.code]).toEqual([401, 'WEBHOOK_UNAUTHORIZED']);
    });

    it('issues a secret once, and the workflow view then says one is set without showing it', async () => {
      const issued = await ok(admin.post(`/api/workflows/${workflowId}/webhook-secret`));
      secret = issued.secret;
      expect(secret).toMatch(/^whsec_/);
      const view = await ok(admin.get(`/api/workflows/${workflowId}`));
      expect(view.webhooks).toMatchObject({ secretSet: true, hooks: [{ triggerId: 'scored', url: path }] });
      expect(JSON.stringify(view)).not.toContain(secret);
      const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
      expect((await rep.post(`/api/workflows/${workflowId}/webhook-secret`)).status).toBe(403);
    });

    it('answers a wrong secret and an unknown workflow alike: 401', async () => {
      const wrong = await deliver(path, payload(5), bearer(`${secret}x`));
      const unknown = await deliver(`/api/hooks/${randomUUID()}/scored`, payload(5), bearer(secret));
      const badSignature = await deliver(path, payload(5), {
        'x-baton-signature': `sha256=${'0'.repeat(64)}`,
      });
      for (const res of [wrong, unknown, badSignature]) {
        expect([res.status, res.body.code]).toEqual([401, 'WEBHOOK_UNAUTHORIZED']);
        expect(res.body.message).toBe(wrong.body.message);
      }
    });

    it('starts a run on the matched record with a bearer secret; the step reads trigger.payload', async () => {
      const res = await deliver(path, payload(73), bearer(secret));
      expect(res.status).toBe(202);
      expect(res.body.runId).toMatch(new RegExp(`^run-${workflowId}-`));
      await eventually(
        async () => ((await ok(admin.get(`/api/leads/${leadId}`))).score === 73 ? true : undefined),
        30_000,
        'the score from the payload',
      );
      const [run] = await runs(workflowId);
      expect(run).toMatchObject({ id: res.body.runId, record: { type: 'lead', id: leadId } });
    });

    it('accepts an HMAC-SHA256 signature of the raw body instead of the bearer secret', async () => {
      const body = payload(88);
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const res = await deliver(path, body, { 'x-baton-signature': signature });
      expect(res.status).toBe(202);
      await eventually(
        async () => ((await ok(admin.get(`/api/leads/${leadId}`))).score === 88 ? true : undefined),
        30_000,
        'the score from the signed payload',
      );
      // A signature over other bytes is refused even though the JSON means the same.
      const spaced = await deliver(path, ` ${body}`, { 'x-baton-signature': signature });
      expect(spaced.status).toBe(401);
    });

    it('starts one run for a delivery retried with the same Idempotency-Key', async () => {
      const headers = { ...bearer(secret), 'idempotency-key': `delivery-${stamp}` };
      const first = await deliver(path, payload(61), headers);
      const again = await deliver(path, payload(61), headers);
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.body.runId).toBe(first.body.runId);
    });

    it('says 422 RECORD_NOT_FOUND when the payload names no record, 404 for an unknown trigger', async () => {
      const missing = await deliver(path, payload(10, `nobody-${stamp}@example.com`), bearer(secret));
      expect([missing.status, missing.body.code]).toEqual([422, 'RECORD_NOT_FOUND']);
      const noEmail = await deliver(path, JSON.stringify({ score: 10 }), bearer(secret));
      expect([noEmail.status, noEmail.body.code]).toEqual([422, 'RECORD_NOT_FOUND']);
      const trigger = await deliver(`/api/hooks/${workflowId}/other`, payload(10), bearer(secret));
      expect([trigger.status, trigger.body.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('starts nothing when the condition does not hold', async () => {
      const before = (await runs(workflowId)).length;
      const res = await deliver(path, payload(-1), bearer(secret));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ runId: null, reason: 'condition' });
      expect(await runs(workflowId)).toHaveLength(before);
    });

    it('refuses bodies over 256 KiB with 413 and malformed JSON with 400', async () => {
      const huge = JSON.stringify({ contact: { email }, score: 1, filler: 'x'.repeat(260 * 1024) });
      const big = await deliver(path, huge, bearer(secret));
      expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const bad = await deliver(path, '{"contact":', bearer(secret));
      expect([bad.status, bad.body.code]).toEqual([400, 'MALFORMED_JSON']);
    });

    it('stops accepting the old secret once a new one is issued', async () => {
      const old = secret;
      secret = (await ok(admin.post(`/api/workflows/${workflowId}/webhook-secret`))).secret;
      expect((await deliver(path, payload(3), bearer(old))).status).toBe(401);
      expect((await deliver(path, payload(3), bearer(secret))).status).toBe(202);
    });

    it('answers 429 RATE_LIMITED past 60 deliveries a minute to one workflow', async () => {
      const id = await publish({
        schemaVersion: 1,
        key: `rate-${stamp}`,
        name: 'Rate limited hook',
        triggers: [{ id: 'byid', kind: 'webhook', entity: 'lead', match: { by: 'id' } }],
        steps: [{ id: 'done', type: 'end', config: {} }],
        transitions: [{ id: 'go', from: 'byid', to: 'done' }],
      });
      const key = (await ok(admin.post(`/api/workflows/${id}/webhook-secret`))).secret as string;
      const body = JSON.stringify({ recordId: randomUUID() });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++)
        statuses.push((await deliver(`/api/hooks/${id}/byid`, body, bearer(key))).status);
      expect(new Set(statuses)).toEqual(new Set([422]));
      const limited = await deliver(`/api/hooks/${id}/byid`, body, bearer(key));
      expect([limited.status, limited.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Strangers do not count against (nor get past) the allowance.
      expect((await deliver(`/api/hooks/${id}/byid`, body, bearer('whsec_nope'))).status).toBe(401);
    });
  });
});
