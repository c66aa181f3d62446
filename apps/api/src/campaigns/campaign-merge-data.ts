import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../consents/sql-rows';
import type { SegmentMember } from '../segments/segment-members';
import type { MergeData } from './campaign-template';

type Fields = Record<string, string | null>;

// Contact, account and user columns are text; anything else is shown as JSON rather than "[object Object]".
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function byId(rows: Array<Record<string, unknown>>): Map<string, Fields> {
  return new Map(
    rows.map((row) => [
      String(row.id),
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)])),
    ]),
  );
}

/** The merge fields of a page of recipients: their contact, account and owner, read in three queries. */
export async function mergeDataOf(
  em: EntityManager,
  members: readonly SegmentMember[],
  campaignName: string,
): Promise<Map<string, MergeData>> {
  const ids = members.map((m) => m.id);
  const accountIds = [...new Set(members.flatMap((m) => (m.accountId ? [m.accountId] : [])))];
  const ownerIds = [...new Set(members.flatMap((m) => (m.ownerId ? [m.ownerId] : [])))];
  // One after another: in a worker, every query in flight holds one of the process's connections.
  const contacts = await sqlRows<Record<string, unknown>>(
    em,
    `select id, name, email, phone, title from contacts where id = any(?::uuid[])`,
    [ids],
  );
  const accounts = await sqlRows<Record<string, unknown>>(
    em,
    `select id, name, domain, industry, region from accounts where id = any(?::uuid[])`,
    [accountIds],
  );
  const owners = await sqlRows<Record<string, unknown>>(
    em,
    `select id, name, email from users where id = any(?::uuid[])`,
    [ownerIds],
  );
  const contactById = byId(contacts);
  const accountById = byId(accounts);
  const ownerById = byId(owners);
  return new Map(
    members.map((m) => [
      m.id,
      {
        contact: { ...contactById.get(m.id), firstName: m.firstName, lastName: m.lastName, email: m.email },
        account: (m.accountId && accountById.get(m.accountId)) || null,
        owner: (m.ownerId && ownerById.get(m.ownerId)) || null,
        campaign: { name: campaignName },
      },
    ]),
  );
}
