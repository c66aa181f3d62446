import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { Segment } from './segment.entity';
import { matchingIds } from './segment-matching';
import { param, queryRows, sql } from './sql-fragment';

/** A contact of a contact segment, as campaigns and exports address it. */
export interface SegmentMember {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  accountId: string | null;
  ownerId: string | null;
}

interface MemberRow {
  id: string;
  name: string;
  email: string | null;
  owner_id: string | null;
  account_id: string | null;
}

/**
 * One page of the contacts a contact segment matches right now, ordered by id. Pass the last id of
 * a page as `afterId` for the next; an empty page is the end. Throws NOT_FOUND for an unknown or
 * archived segment and SEGMENT_NOT_CONTACTS for a lead segment.
 */
export async function segmentMembers(
  em: EntityManager,
  segmentId: string,
  page: { afterId?: string; limit: number },
): Promise<SegmentMember[]> {
  const segment = await em.findOne(Segment, { id: segmentId, archivedAt: null });
  if (!segment) throw new BatonError('NOT_FOUND', 'No such segment', { segmentId });
  if (segment.entity !== 'contact') {
    throw new BatonError('SEGMENT_NOT_CONTACTS', 'This segment selects leads, not contacts', {
      segmentId,
      entity: segment.entity,
    });
  }
  const ids = await matchingIds(em, 'contact', segment.rule, page);
  if (ids.length === 0) return [];
  // A contact may work at several accounts; the one linked first is the one a campaign addresses.
  const rows = await queryRows<MemberRow>(
    em,
    sql`select c.id, c.name, c.email, c.owner_id,
          (select ac.account_id from account_contacts ac where ac.contact_id = c.id
            order by ac.created_at, ac.id limit 1) as account_id
        from contacts c where c.id = any(${param(ids)}::uuid[]) order by c.id`,
  );
  return rows.map(memberOf);
}

function memberOf(row: MemberRow): SegmentMember {
  const { firstName, lastName } = splitName(row.name);
  return {
    id: row.id,
    email: row.email,
    firstName,
    lastName,
    accountId: row.account_id,
    ownerId: row.owner_id,
  };
}

// Contacts keep one name; a greeting needs the first word of it, the rest is the family name.
export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0] ?? null, lastName: words.length > 1 ? words.slice(1).join(' ') : null };
}
