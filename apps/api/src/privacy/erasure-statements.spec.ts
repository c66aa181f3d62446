import { aboutStatement, mentionStatement, partly } from './erasure-statements';
import type { PersonalTable } from './personal-data-registry';
import type { ColumnKind } from './sql';

const tasks: PersonalTable = {
  table: 'tasks',
  holds: 'personal',
  links: [{ via: 'record', typeColumn: 'record_type', idColumn: 'record_id', types: ['lead'] }],
  personal: { title: 'scrub', record_label: 'label', payload: 'scrub', gone: 'scrub' },
};
const columns = new Map<string, ColumnKind>([
  ['title', 'text'],
  ['record_label', 'text'],
  ['payload', 'jsonb'],
]);
const patterns = { text: 'T', json: 'J' };
const where = { sql: `a."record_id" in (?)`, params: [['l-1']] };

describe(aboutStatement.name, () => {
  it('scrubs text and JSON, labels the record by its type, and skips columns the database lacks', () => {
    const statement = aboutStatement(tasks, columns, where, patterns)!;
    expect(statement.sql).toBe(
      `update "tasks" a set "title" = regexp_replace("title", ?, '[erased]', 'gi'), "record_label" = case when "record_label" is null then null when "record_type" = 'contact' then ? when "record_type" = 'lead' then ? else regexp_replace("record_label", ?, '[erased]', 'gi') end, "payload" = regexp_replace("payload"::text, ?, '[erased]', 'gi')::jsonb where a."record_id" in (?) returning 1`,
    );
    expect(statement.params).toEqual(['T', 'Erased contact', 'Erased lead', 'T', 'J', ['l-1']]);
  });

  it("sets the person's own fields, hashes addresses and deletes rows that are worth nothing", () => {
    const own: PersonalTable = {
      table: 'people',
      holds: 'personal',
      links: [{ via: 'subject', type: 'contact' }],
      personal: { name: { set: 'Erased contact' }, email: { set: null }, norm: 'derived', address: 'hash' },
    };
    const kinds = new Map<string, ColumnKind>([
      ['name', 'text'],
      ['email', 'text'],
      ['norm', 'text'],
      ['address', 'text'],
    ]);
    const statement = aboutStatement(own, kinds, where, null, ['"version" = "version" + 1'])!;
    expect(statement.sql).toContain(
      `set "name" = ?, "email" = null, "address" = case when "address" is null`,
    );
    expect(statement.sql).toContain(`, "version" = "version" + 1 where`);
    expect(statement.params).toEqual(['Erased contact', ['l-1']]);
    expect(aboutStatement({ ...own, rows: 'delete' }, kinds, where, null)!.sql).toBe(
      `delete from "people" a where a."record_id" in (?) returning 1`,
    );
  });
});

describe(mentionStatement.name, () => {
  it('scrubs only the free-text columns that mention the person', () => {
    const statement = mentionStatement(tasks, columns, patterns)!;
    expect(statement.sql).toContain(
      `"payload" = case when "payload"::text ~* ? then regexp_replace("payload"::text, ?, '[erased]', 'gi')::jsonb else "payload" end`,
    );
    expect(statement.sql).toMatch(
      /where "title" ~\* \? or "record_label" ~\* \? or "payload"::text ~\* \? returning 1$/,
    );
    expect(statement.params).toEqual(['T', 'T', 'T', 'T', 'J', 'J', 'T', 'T', 'J']);
  });
});

describe(partly.name, () => {
  it('scrubs rows only partly about the person instead of redacting them', () => {
    const notes: PersonalTable = { ...tasks, personal: { body: 'redact', label: 'label' }, rows: 'delete' };
    expect(partly(notes)).toMatchObject({ personal: { body: 'scrub', label: 'label' }, rows: 'anonymise' });
  });
});

describe('scrubbing JSON', () => {
  it('removes whole copies of redacted texts before scrubbing identifiers inside what is left', () => {
    const statement = aboutStatement({ ...tasks, personal: { payload: 'scrub' } }, columns, where, {
      ...patterns,
      contents: ['"a note"', '"a call"'],
    })!;
    expect(statement.sql).toContain(
      `"payload" = regexp_replace(replace(replace("payload"::text, ?, '"[erased]"'), ?, '"[erased]"'), ?, '[erased]', 'gi')::jsonb`,
    );
    expect(statement.params).toEqual(['"a note"', '"a call"', 'J', ['l-1']]);
  });
});
