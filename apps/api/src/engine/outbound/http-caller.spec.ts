import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESPONSE_BODY_LIMIT, type OutboundRequest } from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';
import { HttpCaller } from './http-caller';
import type { Resolve } from './guarded-lookup';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

describe(HttpCaller.name, () => {
  let server: Server;
  let port: number;
  let handler: Handler;
  const received: Array<{
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: string;
  }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        handler(req, body, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    received.length = 0;
    handler = (_req, _body, res) => res.end('ok');
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const request = (overrides: Partial<OutboundRequest> = {}): OutboundRequest => ({
    method: 'POST',
    url: `http://127.0.0.1:${port}/hook`,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
    body: '{"a":1}',
    timeoutMs: 5_000,
    idempotencyKey: 'k-1',
    ...overrides,
  });
  const open = new HttpCaller({ allowPrivateTargets: true });

  it('sends the request as given, with its length, and returns status, headers and body', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":7}');
    };
    const response = await open.call(request());
    expect(response).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
      body: '{"id":7}',
      truncated: false,
    });
    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/hook',
        body: '{"a":1}',
        headers: expect.objectContaining({ 'idempotency-key': 'k-1', 'content-length': '7' }),
      }),
    ]);
  });

  it('does not follow a redirect', async () => {
    handler = (_req, _body, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/' });
      res.end();
    };
    expect((await open.call(request())).status).toBe(302);
    expect(received).toHaveLength(1);
  });

  it('keeps the first 64 KiB of a longer answer', async () => {
    handler = (_req, _body, res) => res.end('x'.repeat(RESPONSE_BODY_LIMIT * 3));
    const response = await open.call(request());
    expect(response.truncated).toBe(true);
    expect(response.body).toHaveLength(RESPONSE_BODY_LIMIT);
  });

  it('gives up after the timeout with a plain (retried) error', async () => {
    handler = () => undefined;
    const failure = await open.call(request({ timeoutMs: 300 })).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(BatonError);
    expect((failure as Error).message).toBe(`POST 127.0.0.1:${port} did not answer within 0.3 s`);
  });

  it('reports a refused connection as a plain (retried) error', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const failure = await open
      .call(request({ url: `http://127.0.0.1:${closed}/` }))
      .catch((err: unknown) => err);
    expect(failure).not.toBeInstanceOf(BatonError);
    expect((failure as Error).message).toContain('ECONNREFUSED');
  });

  describe('unless private targets are allowed', () => {
    // hooks.test stands for a public name whose DNS answer points inside the network.
    const resolve: Resolve = (hostname, _options, callback) =>
      hostname === 'hooks.test'
        ? callback(null, [{ address: '127.0.0.1', family: 4 }])
        : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    const guarded = new HttpCaller({ allowPrivateTargets: false, resolve });

    it.each([
      ['an IP literal', () => `http://127.0.0.1:${port}/hook`],
      ['a localhost name', () => `http://localhost:${port}/hook`],
      ['a name that resolves to loopback', () => `http://hooks.test:${port}/hook`],
    ])('refuses %s with HTTP_TARGET_FORBIDDEN and sends nothing', async (_what, url) => {
      const failure = await guarded.call(request({ url: url() })).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(BatonError);
      expect(failure).toMatchObject({ code: 'HTTP_TARGET_FORBIDDEN' });
      expect(received).toEqual([]);
    });

    it('reports a name that does not resolve as a plain (retried) error', async () => {
      const failure = await guarded
        .call(request({ url: 'http://nowhere.test/' }))
        .catch((err: unknown) => err);
      expect(failure).not.toBeInstanceOf(BatonError);
      expect((failure as Error).message).toContain('ENOTFOUND');
    });
  });
});
