import { FakeCrm, FakeOutbound, messageIdFor, runActivityType } from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';
import { sendEmail } from './send-email.activity';

const lead = { type: 'lead', id: 'lead-1' };
const MANAGER_ID = '6f1c2a52-9d6e-4d8e-8f55-0d3c9b1e7a10';

function crmWithLead(fields: Record<string, unknown> = {}) {
  const crm = new FakeCrm();
  crm.addUser({ id: 'rep', email: 'rep@x.test', role: 'sales_rep', managerId: MANAGER_ID });
  crm.addUser({ id: MANAGER_ID, email: 'Boss@x.test', role: 'manager' });
  crm.addRecord({
    ...lead,
    ownerId: 'rep',
    fields: { name: 'Ada Lovelace', email: 'ada@engines.test', company: 'Engines', ...fields },
  });
  return crm;
}

describe(sendEmail.type, () => {
  it('renders subject and body and writes to the owner, the manager and the lead, once each', async () => {
    const outbound = new FakeOutbound();
    const out = await runActivityType(sendEmail, {
      config: {
        to: [
          { kind: 'record_owner' },
          { kind: 'manager_of_owner' },
          { kind: 'user', userId: MANAGER_ID },
          { kind: 'email', address: '{{lead.email}}' },
          { kind: 'email', address: 'boss@X.test' },
        ],
        subject: 'Welcome {{lead.name}}',
        body: 'Hello {{lead.name}} of {{lead.company}}, your rep answered {{steps.call.body.ok}}.',
      },
      record: lead,
      crm: crmWithLead(),
      outbound,
      steps: { call: { body: { ok: 'yes' } } },
    });
    expect(outbound.mails).toHaveLength(1);
    expect(outbound.mails[0]).toMatchObject({
      to: ['rep@x.test', 'Boss@x.test', 'ada@engines.test'],
      subject: 'Welcome Ada Lovelace',
      text: 'Hello Ada Lovelace of Engines, your rep answered yes.',
    });
    expect(out).toEqual({
      sent: ['rep@x.test', 'Boss@x.test', 'ada@engines.test'],
      messageId: messageIdFor('run-1:step:1', 'baton.test'),
    });
  });

  it('sends under the step idempotency key, so a redelivered step sends nothing new', async () => {
    const outbound = new FakeOutbound();
    const crm = crmWithLead();
    const config = { to: [{ kind: 'record_owner' }], subject: 'Hi', body: 'Hi' };
    const first = await runActivityType(sendEmail, { config, record: lead, crm, outbound });
    const again = await runActivityType(sendEmail, { config, record: lead, crm, outbound });
    expect(outbound.mails.map((m) => m.idempotencyKey)).toEqual(['run-1:step:1']);
    expect(again).toEqual(first);
  });

  it('keeps a subject on one line whatever the record holds', async () => {
    const outbound = new FakeOutbound();
    await runActivityType(sendEmail, {
      config: { subject: 'New: {{lead.name}}', body: 'x' },
      record: lead,
      crm: crmWithLead({ name: 'Ada\r\nBcc: everyone@x.test' }),
      outbound,
    });
    expect(outbound.mails[0]!.subject).toBe('New: Ada Bcc: everyone@x.test');
  });

  it('skips a lead without an email and fails with NO_ASSIGNEE_AVAILABLE when nobody is left', async () => {
    await expect(
      runActivityType(sendEmail, {
        config: { to: [{ kind: 'email', address: '{{lead.email}}' }], subject: 'Hi', body: 'Hi' },
        record: lead,
        crm: crmWithLead({ email: null }),
      }),
    ).rejects.toMatchObject({ code: 'NO_ASSIGNEE_AVAILABLE' });
  });

  it('fails with VALIDATION_FAILED when a placeholder renders as something that is not an address', async () => {
    await expect(
      runActivityType(sendEmail, {
        config: { to: [{ kind: 'email', address: '{{lead.company}}' }], subject: 'Hi', body: 'Hi' },
        record: lead,
        crm: crmWithLead(),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { value: 'Engines' } });
  });

  it('fails with EMAIL_NOT_CONFIGURED, a code that stops retries, when the server has no SMTP relay', async () => {
    const failure = await runActivityType(sendEmail, {
      config: { subject: 'Hi', body: 'Hi' },
      record: lead,
      crm: crmWithLead(),
      outbound: new FakeOutbound({ mailConfigured: false }),
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BatonError);
    expect((failure as BatonError).code).toBe('EMAIL_NOT_CONFIGURED');
    expect((failure as BatonError).isUserError).toBe(true);
  });

  it('rejects a literal recipient that is not an email address in its config', () => {
    const parse = (address: string) =>
      sendEmail.configSchema.safeParse({ to: [{ kind: 'email', address }], subject: 's', body: 'b' }).success;
    expect(parse('not-an-address')).toBe(false);
    expect(parse('ops@example.com')).toBe(true);
    expect(parse('{{lead.email}}')).toBe(true);
  });
});
