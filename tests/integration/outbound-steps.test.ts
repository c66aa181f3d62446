import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

jest.setTimeout(300_000);

type Row = Record<string, any>;

const SECRET = 'webhook-signing-secret-0123456789';

interface Hook {
  headers: IncomingHttpHeaders;
  method: string;
  path: string;
  raw: string;
  body: Row;
}

/**
 * A webhook receiver with a script keyed on the lead's name: "Rejected" leads get a 400, "Flaky"
 * leads a 503 on their first call; everyone else a 200 naming a region for a later step to use.
 */
async function startReceiver(): Promise<{ url: string; hooks: Hook[]; server: Server }> {
  const hooks: Hook[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Row;
      const hook = { headers: req.headers, method: req.method!, path: req.url!, raw, body };
      hooks.push(hook);
      const name = String(body.lead?.name ?? '');
      const calls = hooks.filter((h) => h.headers['idempotency-key'] === req.headers['idempotency-key']);
      const answer = (status: number, json: Row) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (name.includes('Rejected')) return answer(400, { error: 'unknown lead' });
      if (name.includes('Flaky') && calls.length === 1) return answer(503, { error: 'busy' });
      return answer(200, { accepted: true, region: name.includes('Flaky') ? 'EMEA-retried' : 'EMEA' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/leads`, hooks, server };
}

describe('outbound steps: email over SMTP and webhook calls', () => {
  let product: Product;
  let sink: SmtpSink;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: ApiClient;
  let engineer: ApiClient;
  let managerId: string;
  let workflowId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);

  async function newLead(name: string): Promise<Row> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@engines.test`;
    return ok(admin.post('/api/leads', { name, company: 'Engines', email, source: 'event' }), 201);
  }

  async function finishedRun(leadId: string): Promise<Row> {
    const runs = async () =>
      (await ok(admin.get(`/api/runs?recordId=${leadId}&workflowId=${workflowId}`))).items as Row[];
    try {
      return await eventually(
        async () => {
          const [run] = await runs();
          return run && run.status !== 'running' ? run : undefined;
        },
        90_000,
        `the outbound run on lead ${leadId} to finish`,
      );
    } catch (err) {
      // Say where it stood: the runs so far and the end of the product's log.
      const where = JSON.stringify(await runs(), null, 1);
      throw new Error(`${(err as Error).message}\nruns: ${where}\n${product.output().slice(-3000)}`);
    }
  }

  const hooksFor = (leadId: string) => receiver.hooks.filter((h) => h.body.record?.id === leadId);

  beforeAll(async () => {
    [sink, receiver] = await Promise.all([startSmtpSink(), startReceiver()]);
    product = await startProduct({
      env: {
        BATON_SMTP_URL: sink.url,
        BATON_MAIL_FROM: 'Baton Test <baton@baton.test>',
        // The receiver listens on loopback, which steps may not call by default.
        BATON_HTTP_ALLOW_PRIVATE: '1',
      },
    });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    managerId = (await ok(manager.get('/api/auth/me'))).id;

    const definition = {
      schemaVersion: 1,
      key: 'welcome-and-sync',
      name: 'Welcome and sync',
      triggers: [
        {
          id: 'created',
          kind: 'record',
          entity: 'lead',
          event: 'created',
          condition: { '==': [{ var: 'lead.source' }, 'event'] },
        },
      ],
      steps: [
        {
          id: 'mail',
          type: 'send_email',
          config: {
            to: [
              { kind: 'email', address: '{{lead.email}}' },
              { kind: 'user', userId: managerId },
            ],
            subject: 'Welcome, {{lead.name}}',
            body: 'Hello {{lead.name}} of {{lead.company}}.',
          },
        },
        { id: 'call', type: 'http_request', config: { url: receiver.url, secret: SECRET } },
        {
          id: 'keep',
          type: 'update_record',
          config: { set: { region: { var: 'steps.call.body.region' } } },
        },
      ],
      transitions: [
        { id: 't1', from: 'created', to: 'mail' },
        { id: 't2', from: 'mail', to: 'call' },
        { id: 't3', from: 'call', to: 'keep' },
      ],
    };
    const created = await ok(admin.post('/api/workflows', { definition }), 201);
    workflowId = created.id;
    await ok(admin.post(`/api/workflows/${workflowId}/versions/1/publish`, { note: 'Outbound' }));
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
    await sink?.stop();
    receiver?.server.closeAllConnections();
    await new Promise((r) => receiver?.server.close(r));
  });

  it('emails the lead and the manager, calls the webhook signed, and a later step uses its answer', async () => {
    const lead = await newLead('Ada Outbound');
    const run = await finishedRun(lead.id);
    expect(run.status).toBe('completed');

    const mails = sink.mails.filter((m) => m.to.includes('ada.outbound@engines.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'baton@baton.test',
      subject: 'Welcome, Ada Outbound',
      text: 'Hello Ada Outbound of Engines.',
      messageId: expect.stringMatching(/^<baton\.[0-9a-f]{40}@baton\.test>$/),
    });
    expect([...mails[0]!.to].sort()).toEqual(['ada.outbound@engines.test', 'manager@demo.baton']);

    const [hook, ...more] = hooksFor(lead.id);
    expect(more).toEqual([]);
    expect(hook).toMatchObject({ method: 'POST', path: '/leads' });
    // The step's key: run id + step id + which visit of the run this was.
    expect(hook!.headers['idempotency-key']).toBe(`${run.id}:call:2`);
    const signature = createHmac('sha256', SECRET).update(hook!.raw).digest('hex');
    expect(hook!.headers['x-baton-signature']).toBe(`sha256=${signature}`);
    expect(hook!.body).toMatchObject({
      record: { type: 'lead', id: lead.id },
      lead: { name: 'Ada Outbound', company: 'Engines', email: 'ada.outbound@engines.test' },
      origin: { workflowId, runId: run.id, version: 1 },
    });

    expect((await ok(admin.get(`/api/leads/${lead.id}`))).region).toBe('EMEA');
    const detail = await ok(admin.get(`/api/runs/${run.id}`));
    expect((detail.trail as Row[]).map((v) => [v.stepId, v.status])).toEqual([
      ['mail', 'completed'],
      ['call', 'completed'],
      ['keep', 'completed'],
    ]);
  });

  it('fails the run with HTTP_REJECTED when the receiver answers 400, without retrying', async () => {
    const lead = await newLead('Rejected Lead');
    const run = await finishedRun(lead.id);
    const detail = await ok(admin.get(`/api/runs/${run.id}`));
    expect(detail).toMatchObject({
      status: 'failed',
      error: { code: 'HTTP_REJECTED', stepId: 'call', message: expect.stringContaining('answered 400') },
    });
    expect(hooksFor(lead.id)).toHaveLength(1);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).region).toBeNull();
  });

  it('retries a 503 with the same Idempotency-Key and goes on once the receiver answers 200', async () => {
    const lead = await newLead('Flaky Lead');
    const run = await finishedRun(lead.id);
    expect(run.status).toBe('completed');
    const hooks = hooksFor(lead.id);
    expect(hooks).toHaveLength(2);
    expect(hooks.map((h) => h.headers['idempotency-key'])).toEqual([`${run.id}:call:2`, `${run.id}:call:2`]);
    expect((await ok(admin.get(`/api/leads/${lead.id}`))).region).toBe('EMEA-retried');
    // The email step before it ran once: a retried step does not repeat the steps before it.
    expect(sink.mails.filter((m) => m.to.includes('flaky.lead@engines.test'))).toHaveLength(1);
  });

  it('sends nothing in a dry run, and reports the email and the call it would make', async () => {
    const lead = await newLead('Dry Outbound');
    await finishedRun(lead.id);
    const mailsBefore = sink.mails.length;
    const hooksBefore = receiver.hooks.length;

    const result = await ok(
      engineer.post(`/api/workflows/${workflowId}/versions/1/dry-run`, { recordId: lead.id }),
    );
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['mail', 'call', 'keep']);
    const [mail, call] = result.steps as Row[];
    expect(mail!.intentions).toEqual([
      {
        kind: 'send_email',
        summary: expect.stringContaining('Email "Welcome, Dry Outbound" to'),
        details: expect.objectContaining({
          to: expect.arrayContaining(['dry.outbound@engines.test', 'manager@demo.baton']),
          subject: 'Welcome, Dry Outbound',
        }),
      },
    ]);
    expect(call!.intentions).toEqual([
      {
        kind: 'http_request',
        summary: `POST ${receiver.url}`,
        details: expect.objectContaining({
          method: 'POST',
          url: receiver.url,
          body: expect.objectContaining({ record: { type: 'lead', id: lead.id } }),
        }),
      },
    ]);
    expect(sink.mails).toHaveLength(mailsBefore);
    expect(receiver.hooks).toHaveLength(hooksBefore);
  });
});
