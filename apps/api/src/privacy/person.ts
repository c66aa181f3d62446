import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { identifiersOf, type Identifiers, type KnownValues } from './identifiers';
import { placeholderName, type SubjectType } from './personal-data-registry';
import { anyOf, inList } from './sql';

export interface SubjectRef {
  type: SubjectType;
  id: string;
}

/**
 * One person as Baton holds them: the record asked about plus every record that is the same
 * person — duplicates merged into it (or it into them), the lead it was converted from or into.
 */
export interface Person {
  subject: SubjectRef;
  contacts: string[];
  leads: string[];
  /** When the record asked about was erased; null if it was not. */
  erasedAt: Date | null;
  identifiers: Identifiers;
  /** Their email addresses, lower-cased, for rows that name them only by address. */
  emails: string[];
}

// Merge and conversion chains are short; the bound only stops a corrupt cycle from spinning.
const MAX_HOPS = 20;
const PERSONAL_FIELDS = ['name', 'email', 'phone', 'title'] as const;

async function sameRecords(
  em: EntityManager,
  subject: SubjectRef,
): Promise<{ contacts: string[]; leads: string[] }> {
  const contacts = new Set<string>(subject.type === 'contact' ? [subject.id] : []);
  const leads = new Set<string>(subject.type === 'lead' ? [subject.id] : []);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const before = contacts.size + leads.size;
    const leadWhere = anyOf([
      inList('id', [...leads]),
      inList('merged_into_id', [...leads]),
      inList('converted_contact_id', [...contacts]),
    ]);
    if (leadWhere) {
      const rows = await em.execute<
        Array<{ id: string; merged_into_id: string | null; converted_contact_id: string | null }>
      >(
        `select id, merged_into_id, converted_contact_id from leads where ${leadWhere.sql}`,
        leadWhere.params,
      );
      for (const row of rows) {
        leads.add(row.id);
        if (row.merged_into_id) leads.add(row.merged_into_id);
        if (row.converted_contact_id) contacts.add(row.converted_contact_id);
      }
    }
    const contactWhere = anyOf([inList('id', [...contacts]), inList('merged_into_id', [...contacts])]);
    if (contactWhere) {
      const rows = await em.execute<Array<{ id: string; merged_into_id: string | null }>>(
        `select id, merged_into_id from contacts where ${contactWhere.sql}`,
        contactWhere.params,
      );
      for (const row of rows) {
        contacts.add(row.id);
        if (row.merged_into_id) contacts.add(row.merged_into_id);
      }
    }
    if (contacts.size + leads.size === before) break;
  }
  return { contacts: [...contacts].sort(), leads: [...leads].sort() };
}

/** Every value the records held in a personal field, now or in an earlier version (from their events). */
async function knownValues(
  em: EntityManager,
  records: { contacts: string[]; leads: string[] },
): Promise<KnownValues> {
  const values: KnownValues = { names: [], emails: [], phones: [], titles: [] };
  const add = (field: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    if (field === 'name') values.names.push(value);
    else if (field === 'email') values.emails.push(value);
    else if (field === 'phone') values.phones.push(value);
    else if (field === 'title') values.titles.push(value);
  };
  const current = [
    ...(records.contacts.length
      ? await em.execute(`select name, email, phone, title from contacts where id in (?)`, [records.contacts])
      : []),
    ...(records.leads.length
      ? await em.execute(`select name, email, phone from leads where id in (?)`, [records.leads])
      : []),
  ] as Array<Record<string, unknown>>;
  for (const row of current) for (const field of PERSONAL_FIELDS) add(field, row[field]);
  const events = anyOf([
    records.contacts.length
      ? { sql: `aggregate_type = 'contact' and aggregate_id in (?)`, params: [records.contacts] }
      : null,
    records.leads.length
      ? { sql: `aggregate_type = 'lead' and aggregate_id in (?)`, params: [records.leads] }
      : null,
  ]);
  if (events) {
    const rows = await em.execute<
      Array<{ changes: Record<string, { from?: unknown; to?: unknown }> | null }>
    >(`select payload->'changes' as changes from outbox_events where ${events.sql}`, events.params);
    for (const { changes } of rows) {
      for (const field of PERSONAL_FIELDS) {
        add(field, changes?.[field]?.from);
        add(field, changes?.[field]?.to);
      }
    }
  }
  return values;
}

/** The person behind a contact or lead; NOT_FOUND when there is no such record. */
export async function findPerson(em: EntityManager, subject: SubjectRef): Promise<Person> {
  const table = subject.type === 'contact' ? 'contacts' : 'leads';
  const [row] = await em.execute<Array<{ erased_at: Date | null }>>(
    `select erased_at from ${table} where id = ?`,
    [subject.id],
  );
  if (!row) throw new BatonError('NOT_FOUND', `No ${subject.type} with this id`, { id: subject.id });
  const records = await sameRecords(em, subject);
  const values = await knownValues(em, records);
  return {
    subject,
    ...records,
    erasedAt: row.erased_at ? new Date(row.erased_at) : null,
    identifiers: identifiersOf(values, [placeholderName('contact'), placeholderName('lead')]),
    emails: [...new Set(values.emails.map((e) => e.trim().toLowerCase()))].sort(),
  };
}
