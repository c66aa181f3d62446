import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new webhook secret: 256 random bits, recognisable by its prefix in logs and secret scanners. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The `X-Baton-Signature` value a sender computes: `sha256=` + hex HMAC-SHA256 of the raw body. */
export function signBody(body: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

// Compared as digests, so neither the time taken nor an early length mismatch tells how much matched.
function sameText(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface HookCredentials {
  authorization?: string | undefined;
  signature?: string | undefined;
}

/**
 * Whether a delivery proves it knows the workflow's secret: `Authorization: Bearer <secret>`, or
 * `X-Baton-Signature: sha256=<hmac of the raw body>`. Without a secret (none issued, or unknown
 * workflow) the same comparisons run against a throwaway value, so the answer takes as long.
 */
export function isAuthentic(credentials: HookCredentials, body: Buffer, secret: string | undefined): boolean {
  const key = secret ?? newWebhookSecret();
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
  const bearerOk = sameText(bearer ?? '', key);
  const signatureOk = sameText((credentials.signature ?? '').trim().toLowerCase(), signBody(body, key));
  return secret !== undefined && (bearerOk || signatureOk);
}
