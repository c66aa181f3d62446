import type { EntityManager } from '@mikro-orm/postgresql';
import type { OutboundMail, OutboundRequest, OutboundResponse } from '@baton/activity-sdk';
import type { HttpCaller } from './http-caller';
import { MikroOutboundGateway } from './outbound-gateway';
import type { SmtpMailer } from './smtp-mailer';

// The table as a map: what matters here is which calls reach the relay or the receiver.
function effectsTable() {
  const rows = new Map<string, { result: Record<string, unknown> }>();
  const em = {
    findOne: async (_entity: unknown, where: { key: string }) => rows.get(where.key) ?? null,
    upsert: async (_entity: unknown, row: { key: string; result: Record<string, unknown> }) => {
      if (!rows.has(row.key)) rows.set(row.key, row);
    },
  };
  return { rows, em: em as unknown as EntityManager };
}

const mail: OutboundMail = { to: ['a@x.test'], subject: 'Hi', text: 'Hi', idempotencyKey: 'run-1:mail:1' };
const request: OutboundRequest = {
  method: 'POST',
  url: 'https://hooks.example.com/',
  headers: {},
  body: '{}',
  timeoutMs: 1000,
  idempotencyKey: 'run-1:call:2',
};

describe(MikroOutboundGateway.name, () => {
  const step = { runId: 'run-1', stepId: 'mail' };

  it('sends a mail once per key: a later delivery of the step gets the remembered result', async () => {
    const { em, rows } = effectsTable();
    const send = jest.fn(async () => ({ messageId: '<m@x>', accepted: ['a@x.test'] }));
    const mailer = { send } as unknown as SmtpMailer;
    const first = await new MikroOutboundGateway(em, step, mailer, {} as HttpCaller).sendMail(mail);
    const again = await new MikroOutboundGateway(em, step, mailer, {} as HttpCaller).sendMail(mail);
    expect(send).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect([...rows.keys()]).toEqual(['mail:run-1:mail:1']);
  });

  it('remembers a 2xx answer but calls again after a 503', async () => {
    const { em } = effectsTable();
    const answers: OutboundResponse[] = [
      { status: 503, headers: {}, body: 'busy', truncated: false },
      { status: 200, headers: {}, body: '{"ok":true}', truncated: false },
    ];
    const call = jest.fn(async () => answers.shift()!);
    const http = { call } as unknown as HttpCaller;
    const gateway = () => new MikroOutboundGateway(em, step, {} as SmtpMailer, http);
    expect((await gateway().fetch(request)).status).toBe(503);
    expect((await gateway().fetch(request)).status).toBe(200);
    expect((await gateway().fetch(request)).body).toBe('{"ok":true}');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('remembers nothing when the send fails, so the retried step sends', async () => {
    const { em, rows } = effectsTable();
    const mailer = {
      send: jest.fn().mockRejectedValueOnce(new Error('connection reset')),
    } as unknown as SmtpMailer;
    await expect(new MikroOutboundGateway(em, step, mailer, {} as HttpCaller).sendMail(mail)).rejects.toThrow(
      'connection reset',
    );
    expect(rows.size).toBe(0);
  });
});
