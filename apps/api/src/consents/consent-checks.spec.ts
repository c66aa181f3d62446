import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { reasonsNotToSend } from './consent-checks';

const at = (iso: string) => new Date(iso);

/** An EntityManager whose queries answer from fixed consent and unsubscribe rows. */
function fakeEm(
  consents: Array<{ contact_id: string; given_at: Date }>,
  unsubscribes: Array<{ contact_id: string | null; email: string | null; at: Date }>,
): EntityManager {
  const raw = async (sql: string) => ({ rows: sql.includes('from consents') ? consents : unsubscribes });
  return { getTransactionContext: () => undefined, getKnex: () => ({ raw }) } as unknown as EntityManager;
}

describe(reasonsNotToSend.name, () => {
  const people = [
    { id: 'a', email: 'Ada@Example.com ' },
    { id: 'b', email: null },
    { id: 'c', email: 'carol@example.com' },
    { id: 'd', email: 'dan@example.com' },
    { id: 'e', email: 'erin@example.com' },
  ];

  it('says who gets nothing and why: no address, no consent, unsubscribed', async () => {
    const em = fakeEm(
      [
        { contact_id: 'a', given_at: at('2026-11-01T00:00:00Z') },
        { contact_id: 'b', given_at: at('2026-11-01T00:00:00Z') },
        { contact_id: 'd', given_at: at('2026-11-01T00:00:00Z') },
        { contact_id: 'e', given_at: at('2026-11-20T00:00:00Z') },
      ],
      [
        // Dan unsubscribed after consenting; Erin before consenting again.
        { contact_id: 'd', email: null, at: at('2026-11-10T00:00:00Z') },
        { contact_id: null, email: 'erin@example.com', at: at('2026-11-10T00:00:00Z') },
      ],
    );
    const reasons = await reasonsNotToSend(em, 'marketing', people);
    expect(Object.fromEntries(reasons)).toEqual({ b: 'NO_EMAIL', c: 'NO_CONSENT', d: 'UNSUBSCRIBED' });
  });

  it('honours an unsubscribe whose address erasure replaced by its hash', async () => {
    const hashed = `sha256:${createHash('sha256').update('ada@example.com').digest('hex')}`;
    const em = fakeEm(
      [{ contact_id: 'a', given_at: at('2026-11-01T00:00:00Z') }],
      [{ contact_id: null, email: hashed, at: at('2026-11-02T00:00:00Z') }],
    );
    const reasons = await reasonsNotToSend(em, 'marketing', [people[0]!]);
    expect(reasons.get('a')).toBe('UNSUBSCRIBED');
  });
});
