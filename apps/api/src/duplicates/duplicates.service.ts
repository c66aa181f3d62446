import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { Contact } from '../contacts/contact.entity';
import { Lead } from '../leads/lead.entity';
import { leadsVisibleTo } from '../leads/leads.service';
import type { User } from '../users/user.entity';
import type { DuplicateCandidate, DuplicateReason } from './duplicate.dto';
import { normalizeEmail, normalizeName, PHONE_MATCH_DIGITS, phoneMatchKey } from './normalize';

export type DuplicateEntity = 'lead' | 'contact';

/** What a record looks like for duplicate checks; `accountIds` stand in for a contact's company. */
export interface DuplicateProbe {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  accountIds?: string[];
}

/** Trigram similarity (0–1) two normalised names need, with the same company, to count as duplicates. */
export const NAME_SIMILARITY = 0.6;
export const MAX_CANDIDATES = 10;

interface Check {
  reason: DuplicateReason;
  sql: string;
  params: unknown[];
}

interface Row {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  score: number | string;
  email_match: boolean;
  phone_match: boolean;
  name_company_match: boolean;
}

const D = PHONE_MATCH_DIGITS;

@Injectable()
export class DuplicatesService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Live records that look like `fields`, best first: same normalised email (score 100) or phone
   * (90), or a similar name (trigram similarity ≥ 0.6) at the same company (up to 80). One SQL
   * query; leads are limited to those `viewer` may see.
   */
  async candidates(
    entity: DuplicateEntity,
    fields: DuplicateProbe,
    viewer: User,
    excludeId?: string,
  ): Promise<DuplicateCandidate[]> {
    const t = entity === 'lead' ? 'l' : 'c';
    const email = normalizeEmail(fields.email);
    const phone = phoneMatchKey(fields.phone);
    const name = normalizeName(fields.name);
    const checks: Check[] = [];
    if (email) checks.push({ reason: 'email', sql: `${t}.email_norm = ?`, params: [email] });
    if (phone) {
      checks.push({
        reason: 'phone',
        sql: `(length(${t}.phone_norm) >= ${D} and right(${t}.phone_norm, ${D}) = ?)`,
        params: [phone],
      });
    }
    const similarName = `(${t}.name_norm % baton_name_norm(?) and similarity(${t}.name_norm, baton_name_norm(?)) >= ${NAME_SIMILARITY})`;
    if (name && entity === 'lead' && normalizeName(fields.company)) {
      checks.push({
        reason: 'name_company',
        sql: `(l.company_norm = baton_name_norm(?) and ${similarName})`,
        params: [fields.company, fields.name, fields.name],
      });
    }
    const accountIds = [...new Set(fields.accountIds ?? [])];
    if (name && entity === 'contact' && accountIds.length > 0) {
      checks.push({
        reason: 'name_company',
        sql: `(exists (select 1 from account_contacts ac where ac.contact_id = c.id and ac.account_id = any(?::uuid[])) and ${similarName})`,
        params: [`{${accountIds.join(',')}}`, fields.name, fields.name],
      });
    }
    if (checks.length === 0) return [];

    const knex = this.em.getKnex();
    const flag = (reason: DuplicateReason) => checks.find((c) => c.reason === reason);
    const matched = (reason: DuplicateReason, alias: string) => {
      const check = flag(reason);
      return check
        ? knex.raw(`coalesce(${check.sql}, false) as ${alias}`, check.params)
        : knex.raw(`false as ${alias}`);
    };
    // 100 for the email, 90 for the phone, else 80 × name similarity; +5 for each further reason.
    const scoreParts = [
      ['email', '100'],
      ['phone', '90'],
      ['name_company', `floor(80 * similarity(${t}.name_norm, baton_name_norm(?)))`],
    ] as const;
    const scoreSql: string[] = [];
    const scoreParams: unknown[] = [];
    const countSql: string[] = [];
    const countParams: unknown[] = [];
    for (const [reason, points] of scoreParts) {
      const check = flag(reason);
      if (!check) continue;
      scoreSql.push(`case when ${check.sql} then ${points} else 0 end`);
      scoreParams.push(...check.params, ...(reason === 'name_company' ? [fields.name] : []));
      countSql.push(`(case when ${check.sql} then 1 else 0 end)`);
      countParams.push(...check.params);
    }
    const score = knex.raw(
      `least(100, greatest(${scoreSql.join(', ')}, 0) + 5 * greatest(${countSql.join(' + ')} - 1, 0))::int as score`,
      [...scoreParams, ...countParams],
    );

    // Merged (archived) records are never candidates; leads follow the leads visibility rule.
    const live: Record<string, unknown>[] = [{ archivedAt: null }];
    if (excludeId) live.push({ id: { $ne: excludeId } });
    const qb =
      entity === 'lead'
        ? this.em
            .createQueryBuilder(Lead, 'l')
            .select(['id', 'name', 'email', 'company'])
            .where({ $and: [leadsVisibleTo(viewer), ...live] })
        : this.em.createQueryBuilder(Contact, 'c').select(['id', 'name', 'email']).where({ $and: live });
    const query = qb
      .getKnexQuery()
      .select(
        score,
        matched('email', 'email_match'),
        matched('phone', 'phone_match'),
        matched('name_company', 'name_company_match'),
      )
      .whereRaw(
        `(${checks.map((c) => c.sql).join(' or ')})`,
        checks.flatMap((c) => c.params),
      )
      .orderByRaw(`score desc, ${t}.created_at desc, ${t}.id desc`)
      .limit(MAX_CANDIDATES);
    if (entity === 'contact') {
      query.select(
        knex.raw(
          `(select min(a.name) from account_contacts ac join accounts a on a.id = ac.account_id where ac.contact_id = c.id) as company`,
        ),
      );
    }
    const rows = await this.em.execute<Row[]>(query, [], 'all');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      company: r.company,
      score: Number(r.score),
      reasons: [
        ...(r.email_match ? (['email'] as const) : []),
        ...(r.phone_match ? (['phone'] as const) : []),
        ...(r.name_company_match ? (['name_company'] as const) : []),
      ],
    }));
  }

  /** Duplicates of a lead the viewer may see (404 otherwise). */
  async forLead(id: string, viewer: User): Promise<DuplicateCandidate[]> {
    const lead = await this.em.findOne(Lead, { $and: [{ id }, leadsVisibleTo(viewer)] });
    if (!lead) throw new BatonError('NOT_FOUND', 'No lead with this id', { id });
    return this.candidates('lead', lead, viewer, id);
  }

  /** Duplicates of a contact (everyone reads contacts). */
  async forContact(id: string, viewer: User): Promise<DuplicateCandidate[]> {
    const contact = await this.em.findOne(Contact, { id }, { populate: ['accountLinks'] });
    if (!contact) throw new BatonError('NOT_FOUND', 'No contact with this id', { id });
    const accountIds = contact.accountLinks.getItems().map((l) => l.account.id);
    return this.candidates('contact', { ...contact, accountIds }, viewer, id);
  }
}
