import { createHmac } from 'node:crypto';
import {
  ActivityRegistry,
  FakeCrm,
  FakeOutbound,
  RESPONSE_BODY_LIMIT,
  runActivityType,
} from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';
import { httpRequest } from './http-request.activity';

const lead = { type: 'lead', id: 'lead-1' };
const HOOK = 'https://hooks.example.com/baton';

function crmWithLead() {
  const crm = new FakeCrm();
  crm.addRecord({ ...lead, fields: { name: 'Ada "the Countess" Lovelace', score: 70 } });
  return crm;
}

async function call(config: Record<string, unknown>, outbound = new FakeOutbound()) {
  const output = await runActivityType(httpRequest, {
    config: { url: HOOK, ...config },
    record: lead,
    crm: crmWithLead(),
    outbound,
    idempotencyKey: 'run-1:call:1',
  });
  return { output, request: outbound.requests[0]! };
}

const failureOf = (config: Record<string, unknown>, outbound: FakeOutbound) =>
  call(config, outbound).then(
    () => undefined,
    (err: unknown) => err as Error,
  );

describe(httpRequest.type, () => {
  it('POSTs the record, its fields and the run by default, with the step idempotency key', async () => {
    const { request } = await call({});
    expect(request).toMatchObject({ method: 'POST', url: HOOK, timeoutMs: 10_000 });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'run-1:call:1',
    });
    expect(request.headers['x-baton-signature']).toBeUndefined();
    expect(JSON.parse(request.body!)).toEqual({
      record: lead,
      lead: { name: 'Ada "the Countess" Lovelace', score: 70 },
      origin: expect.objectContaining({ runId: 'run-1', workflowName: 'Test workflow' }),
    });
  });

  it('signs the exact body with HMAC-SHA256 of the secret', async () => {
    const secret = 'a-shared-secret-of-some-length';
    const { request } = await call({ secret, body: { who: '{{lead.name}}' } });
    const expected = createHmac('sha256', secret).update(request.body!).digest('hex');
    expect(request.headers['x-baton-signature']).toBe(`sha256=${expected}`);
    expect(request.body).toBe('{"who":"Ada \\"the Countess\\" Lovelace"}');
  });

  it('fills placeholders in a body template, keeping the type of a value given alone, and URL-encodes them in the URL', async () => {
    const { request } = await call({
      method: 'PUT',
      url: 'https://hooks.example.com/leads/{{lead.name}}?score={{lead.score}}',
      headers: { Authorization: 'Bearer t0ken' },
      body: { text: '{{lead.name}} scored {{lead.score}}', score: '{{lead.score}}', tags: ['{{lead.nope}}'] },
    });
    expect(request.url).toBe(
      'https://hooks.example.com/leads/Ada%20%22the%20Countess%22%20Lovelace?score=70',
    );
    expect(request.headers.authorization).toBe('Bearer t0ken');
    expect(JSON.parse(request.body!)).toEqual({
      text: 'Ada "the Countess" Lovelace scored 70',
      score: 70,
      tags: [null],
    });
  });

  it('sends a GET without a body', async () => {
    const { request } = await call({ method: 'GET' });
    expect(request.body).toBeUndefined();
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('returns a JSON answer parsed, for later steps to read as steps.<id>.body', async () => {
    const outbound = new FakeOutbound().answer({ status: 201, body: '{"id":"c-9","tier":"gold"}' });
    const { output } = await call({}, outbound);
    expect(output).toEqual({ status: 201, body: { id: 'c-9', tier: 'gold' }, truncated: false });
  });

  it('returns other answers as text, and a cut-off JSON answer as the text it has', async () => {
    const text = new FakeOutbound().answer({ headers: { 'content-type': 'text/plain' }, body: 'thanks' });
    expect((await call({}, text)).output.body).toBe('thanks');
    const cut = '{"items":[' + '1,'.repeat(RESPONSE_BODY_LIMIT / 2);
    const long = new FakeOutbound().answer({ body: cut.slice(0, RESPONSE_BODY_LIMIT), truncated: true });
    const { output } = await call({}, long);
    expect(output).toMatchObject({ truncated: true, body: cut.slice(0, RESPONSE_BODY_LIMIT) });
  });

  it.each([408, 429, 500, 503])(
    'retries an answer of %i: a plain error, not a BatonError',
    async (status) => {
      const failure = await failureOf({}, new FakeOutbound().answer({ status }));
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(BatonError);
      expect(failure!.message).toContain(`answered ${status}`);
    },
  );

  it.each([400, 404, 410, 302])(
    'fails with HTTP_REJECTED on %i, with the status in details',
    async (status) => {
      const failure = await failureOf({}, new FakeOutbound().answer({ status, body: 'no such hook' }));
      expect(failure).toBeInstanceOf(BatonError);
      expect(failure).toMatchObject({ code: 'HTTP_REJECTED', details: { status, body: 'no such hook' } });
    },
  );

  it('lets a network failure through to be retried', async () => {
    const failure = await failureOf({}, new FakeOutbound().answer(new Error('ECONNREFUSED')));
    expect(failure).not.toBeInstanceOf(BatonError);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:8080/admin',
    'http://localhost/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.1.2.3/',
    'http://2130706433/',
  ])('refuses to call %s with HTTP_TARGET_FORBIDDEN', async (url) => {
    const outbound = new FakeOutbound();
    const failure = await failureOf({ url }, outbound);
    expect(failure).toMatchObject({ code: 'HTTP_TARGET_FORBIDDEN' });
    expect(outbound.requests).toEqual([]);
  });

  it('calls a private address when the server allows it', async () => {
    const outbound = new FakeOutbound({ allowPrivateTargets: true });
    await call({ url: 'http://127.0.0.1:8080/hook' }, outbound);
    expect(outbound.requests).toHaveLength(1);
  });

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://hooks.example.com/x' }],
    ['a Host header', { headers: { Host: 'internal' } }],
    ['its own Idempotency-Key', { headers: { 'idempotency-key': 'x' } }],
    ['a header value over two lines', { headers: { 'X-A': 'a\r\nX-B: b' } }],
    ['a GET with a body', { method: 'GET', body: { a: 1 } }],
    ['a timeout over 60 s', { timeoutSeconds: 61 }],
    ['a short secret', { secret: 'short' }],
  ])('rejects %s in its config', (_what, config) => {
    expect(httpRequest.configSchema.safeParse({ url: HOOK, ...config }).success).toBe(false);
  });

  it('describes its config for the editor, method as a choice with POST first', () => {
    const [described] = new ActivityRegistry([httpRequest]).describe();
    expect(described).toMatchObject({ category: 'Integrations', title: 'Call a webhook' });
    expect(described!.configSchema).toMatchObject({
      required: ['url'],
      properties: { method: { enum: ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'], default: 'POST' } },
    });
  });

  it('gives its steps longer than the longest request to finish', () => {
    expect(httpRequest.timeoutSeconds).toBeGreaterThan(60);
  });
});
