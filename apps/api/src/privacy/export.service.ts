import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuditEntry } from '../audit/audit-entry.entity';
import { User } from '../users/user.entity';
import { AboutScope } from './about-scope';
import { findPerson, type SubjectRef } from './person';
import { PERSONAL_DATA_REGISTRY } from './personal-data-registry';
import type { PersonalDataExport } from './privacy.dto';
import { columnKinds, ident } from './sql';

type Row = Record<string, unknown>;

/**
 * Everything Baton stores about a person (GDPR art. 15 and 20): for every table the registry
 * links to people, the rows about them, as stored. Rows only mentioning them elsewhere are not
 * included (they are about someone or something else); other records appear as ids.
 */
@Injectable()
export class ExportService {
  constructor(private readonly orm: MikroORM) {}

  async export(subject: SubjectRef, actorId: string): Promise<PersonalDataExport> {
    const em = this.orm.em.fork();
    const person = await findPerson(em, subject);
    const scope = new AboutScope(em, person, await columnKinds(em));
    const data: Record<string, Row[]> = {};
    for (const entry of PERSONAL_DATA_REGISTRY) {
      if (entry.holds !== 'personal' && entry.holds !== 'linked') continue;
      if (!scope.columns.has(entry.table)) continue;
      const where = await scope.predicate(entry, 'a');
      if (!where) continue;
      const rows = await em.execute<Array<{ row: Row }>>(
        `select to_jsonb(a) as row from ${ident(entry.table)} a where ${where.sql} order by a.${ident(entry.key ?? 'id')}`,
        where.params,
      );
      if (rows.length > 0) data[entry.table] = rows.map((r) => r.row);
    }
    const own = data[subject.type === 'contact' ? 'contacts' : 'leads'] ?? [];
    const records = [
      ...person.contacts.map((id) => ({ type: 'contact' as const, id })),
      ...person.leads.map((id) => ({ type: 'lead' as const, id })),
    ];
    // Who exported whom, and what it held: counts, never the values.
    em.create(AuditEntry, {
      actor: em.getReference(User, actorId),
      action: 'privacy.exported',
      entityType: subject.type,
      entityId: subject.id,
      before: null,
      after: { records, rows: Object.fromEntries(Object.entries(data).map(([t, rows]) => [t, rows.length])) },
    });
    await em.flush();
    return {
      format: 'baton-personal-data/1',
      exportedAt: new Date().toISOString(),
      subject,
      record: own.find((r) => r.id === subject.id) ?? {},
      records,
      data,
    };
  }
}
