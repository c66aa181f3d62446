import { smtpOutcome } from './smtp-outcome';

const failure = (fields: Record<string, unknown>) =>
  Object.assign(new Error(typeof fields.message === 'string' ? fields.message : 'x'), fields);

describe(smtpOutcome.name, () => {
  it.each([
    [
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user' },
      { kind: 'rejected', reason: '550 5.1.1 No such user' },
    ],
    [
      { code: 'EMESSAGE', responseCode: 552, message: 'Message failed' },
      { kind: 'rejected', reason: 'Message failed' },
    ],
    [{ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }, { kind: 'not_sent' }],
    [{ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, { kind: 'not_sent' }],
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND mail.example' }, { kind: 'not_sent' }],
    [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, { kind: 'not_sent' }],
    [{ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, { kind: 'unknown' }],
    [{ code: 'ETIMEDOUT', message: 'Timeout' }, { kind: 'unknown' }],
  ])('%j → %j', (fields, expected) => {
    expect(smtpOutcome(failure(fields))).toEqual(expected);
  });

  it('takes anything unrecognisable as possibly sent', () => {
    expect(smtpOutcome('boom')).toEqual({ kind: 'unknown' });
    expect(smtpOutcome(null)).toEqual({ kind: 'unknown' });
  });
});
