import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from './sql-rows';

/** Why a contact of a campaign's segment gets no mail. */
export type SkipReason = 'NO_EMAIL' | 'NO_CONSENT' | 'UNSUBSCRIBED';

export interface Addressee {
  id: string;
  email: string | null;
}

const normal = (email: string) => email.trim().toLowerCase();

// How erasure keeps an unsubscribed address (personal-data-registry `hash`): still honoured, never readable.
const erased = (email: string) => `sha256:${createHash('sha256').update(normal(email)).digest('hex')}`;

/**
 * Who of `people` may not be written to for `purpose`, and why: no address, unsubscribed (by
 * contact or address, from this purpose or from everything, after their latest consent), or no live
 * consent. A consent given after an unsubscribe wins: the person asked to hear from us again.
 */
export async function reasonsNotToSend(
  em: EntityManager,
  purpose: string,
  people: readonly Addressee[],
): Promise<Map<string, SkipReason>> {
  const reasons = new Map<string, SkipReason>();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return reasons;
  const emails = people.flatMap((p) => (p.email ? [normal(p.email), erased(p.email)] : []));
  const consents = await sqlRows<{ contact_id: string; given_at: Date }>(
    em,
    `select contact_id, max(given_at) as given_at from consents
      where contact_id = any(?::uuid[]) and purpose = ? and withdrawn_at is null group by contact_id`,
    [ids, purpose],
  );
  const unsubscribes = await sqlRows<{ contact_id: string | null; email: string | null; at: Date }>(
    em,
    `select contact_id, lower(email) as email, created_at as at from unsubscribes
      where (contact_id = any(?::uuid[]) or lower(email) = any(?::text[])) and (purpose is null or purpose = ?)`,
    [ids, emails, purpose],
  );
  const consentedAt = new Map(consents.map((c) => [c.contact_id, new Date(c.given_at).getTime()]));
  for (const person of people) {
    const email = normal(person.email ?? '');
    if (email === '') {
      reasons.set(person.id, 'NO_EMAIL');
      continue;
    }
    const since = consentedAt.get(person.id);
    const unsubscribed = unsubscribes.some(
      (u) =>
        (u.contact_id === person.id || u.email === email || u.email === erased(email)) &&
        (since === undefined || new Date(u.at).getTime() >= since),
    );
    if (unsubscribed) reasons.set(person.id, 'UNSUBSCRIBED');
    else if (since === undefined) reasons.set(person.id, 'NO_CONSENT');
  }
  return reasons;
}
