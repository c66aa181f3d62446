import { createHmac } from 'node:crypto';
import { isAuthentic, newWebhookSecret, signBody } from './signature';

const secret = 'whsec_test-secret';
const body = Buffer.from('{"recordId":"x","score":7}');
const hmac = (b: Buffer, key: string) => createHmac('sha256', key).update(b).digest('hex');

describe(isAuthentic.name, () => {
  it('accepts the secret as a bearer token, in any case of "Bearer"', () => {
    expect(isAuthentic({ authorization: `Bearer ${secret}` }, body, secret)).toBe(true);
    expect(isAuthentic({ authorization: `bearer ${secret}` }, body, secret)).toBe(true);
  });

  it('accepts an HMAC-SHA256 signature of the exact body, hex in either case', () => {
    expect(isAuthentic({ signature: `sha256=${hmac(body, secret)}` }, body, secret)).toBe(true);
    expect(isAuthentic({ signature: `sha256=${hmac(body, secret).toUpperCase()}` }, body, secret)).toBe(true);
  });

  it('refuses a wrong secret, a signature of other bytes, and a signature without its prefix', () => {
    expect(isAuthentic({ authorization: 'Bearer whsec_other' }, body, secret)).toBe(false);
    expect(
      isAuthentic({ signature: `sha256=${hmac(Buffer.from(`${body.toString()} `), secret)}` }, body, secret),
    ).toBe(false);
    expect(isAuthentic({ signature: hmac(body, secret) }, body, secret)).toBe(false);
    expect(isAuthentic({ signature: `sha256=${hmac(body, 'whsec_other')}` }, body, secret)).toBe(false);
  });

  it('refuses a delivery with no credentials, or to a workflow without a secret', () => {
    expect(isAuthentic({}, body, secret)).toBe(false);
    expect(isAuthentic({ authorization: 'Bearer ' }, body, secret)).toBe(false);
    // Even a delivery that signs with an empty key gets nothing when no secret was issued.
    expect(isAuthentic({ signature: `sha256=${hmac(body, '')}` }, body, undefined)).toBe(false);
  });

  it('signs bodies the way it checks them', () => {
    expect(signBody(body, secret)).toBe(`sha256=${hmac(body, secret)}`);
    expect(isAuthentic({ signature: signBody(body, secret) }, body, secret)).toBe(true);
  });
});

describe(newWebhookSecret.name, () => {
  it('makes distinct, prefixed, 256-bit secrets', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
