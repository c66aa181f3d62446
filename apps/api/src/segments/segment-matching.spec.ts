import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { evaluateRule, truthy } from '@baton/rules';
import { freePort } from '@baton/runtime';
import { mikroOrmConfig } from '../database/mikro-orm.config';
import { RECORD_ADAPTERS } from '../engine/records/adapters';
import { Contact } from '../contacts/contact.entity';
import { Lead } from '../leads/lead.entity';
import { countMatching, pageOfMatches, planSegment, type SegmentPlan } from './segment-matching';
import type { SegmentEntity } from './segment.entity';
import { SEGMENT_TABLES, fieldSelectList, fieldsOfRow } from './segment-columns';
import { segmentMembers, splitName } from './segment-members';
import { queryRows, raw } from './sql-fragment';

// A medium test: the compiled SQL runs in a real PostgreSQL, against records holding the values
// where JavaScript's coercions bite (null, "", "0", " 5 ", sub-millisecond timestamps, emoji).
jest.setTimeout(180_000);

const OWNER_ID = randomUUID();
const REGIONS = [
  null,
  '',
  '0',
  '1',
  ' 5 ',
  '10',
  '0x0a',
  'abc',
  'EMEA',
  'emea',
  'Springfield',
  'é',
  'Z',
  '😀',
  '\uFFFD',
];
const SCORES = [null, 0, 1, 5, 10, 50, -3, 100, 2];
const TEXTS = [null, '', 'a@acme.example', 'x@other.example', 'abc', '0', 'new', 'EMEA', ' 5 '];
const NAMES = ['Ada', '0', ' 5 ', 'abc', 'Zoë', 'EMEA', '10', '😀 Smile'];
const STATUSES = ['new', 'working', 'qualified', 'unqualified', 'converted'];
// Sub-millisecond parts: conditions see timestamps cut to whole milliseconds.
const STAMPS = [
  '2026-01-01 00:00:00.999999+00',
  '2025-12-31 23:59:59.9995+00',
  '2026-01-01 00:00:00+00',
  '2026-03-04 05:06:07.123456+00',
  '2024-02-29 12:00:00.5+00',
  '2026-01-01 00:00:00.999+00',
  '2025-06-30 22:00:00-02',
];
const pick = <T>(values: readonly T[], i: number, stride: number): T => values[(i * stride) % values.length]!;

async function insertRecords(em: EntityManager): Promise<void> {
  const knex = em.getKnex();
  await knex('users').insert({
    id: OWNER_ID,
    email: 'owner@segments.test',
    name: 'Owner',
    role: 'sales_rep',
    password_hash: 'x',
    created_at: new Date(),
  });
  const leads = Array.from({ length: 48 }, (_, i) => ({
    id: randomUUID(),
    name: pick(NAMES, i, 3),
    email: pick(TEXTS, i, 5),
    company: pick(TEXTS, i, 7),
    status: pick(STATUSES, i, 1),
    score: pick(SCORES, i, 4),
    region: pick(REGIONS, i, 1),
    owner_id: i % 3 === 0 ? OWNER_ID : null,
    created_at: pick(STAMPS, i, 2),
    updated_at: pick(STAMPS, i, 3),
    // The last one is archived: no path may count it.
    archived_at: i === 47 ? new Date() : null,
  }));
  await knex('leads').insert(leads);
  const contacts = Array.from({ length: 24 }, (_, i) => ({
    id: randomUUID(),
    name: pick(NAMES, i, 1),
    email: pick(TEXTS, i, 2),
    title: pick(REGIONS, i, 5),
    owner_id: i % 2 === 0 ? OWNER_ID : null,
    created_at: pick(STAMPS, i, 1),
    updated_at: pick(STAMPS, i, 4),
    archived_at: i === 23 ? new Date() : null,
  }));
  await knex('contacts').insert(contacts);
}

// The embedded PostgreSQL package is ESM-only and cannot load inside Jest's module sandbox, so it
// runs in a process of its own, from the built runtime library.
const POSTGRES = `
const { startEmbeddedPostgres, silentLog } = require('@baton/runtime');
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres({ dataDir, port: Number(port), database: 'segments', log: silentLog }).then(
  (pg) => {
    console.log(JSON.stringify({ url: pg.url }));
    process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);`;

async function startPostgres(dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', POSTGRES, dataDir, String(await freePort())], {
    cwd: join(__dirname, '../../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const line = await new Promise<string>((resolveLine, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const first = output.split('\n').find((l) => l.startsWith('{'));
      if (first) resolveLine(first);
    });
    child.once('exit', () => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, process: child };
}

let dir: string;
let pg: { url: string; process: ChildProcess };
let orm: MikroORM;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-segments-'));
  pg = await startPostgres(join(dir, 'pg'));
  orm = await MikroORM.init({ ...mikroOrmConfig(pg.url, 4), logger: () => undefined });
  await orm.getMigrator().up();
  await insertRecords(orm.em.fork());
});

afterAll(async () => {
  await orm?.close(true);
  if (pg) {
    const exited = new Promise((r) => pg.process.once('exit', r));
    pg.process.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const LITERALS: unknown[] = [
  null,
  true,
  false,
  0,
  1,
  -3,
  2.5,
  10,
  50,
  '',
  '0',
  '1',
  '10',
  ' 5 ',
  '0x0a',
  'abc',
  'EMEA',
  'emea',
  'new',
  '😀',
  '2026-01-01',
  '2026-01-01T00:00:00.999Z',
  OWNER_ID,
];
const COMPARISONS = ['==', '!=', '===', '!==', '<', '<=', '>', '>='];
const FIELDS: Record<SegmentEntity, string[]> = {
  lead: ['score', 'region', 'status', 'email', 'createdAt', 'ownerId', 'name', 'company'],
  contact: ['name', 'email', 'title', 'ownerId', 'updatedAt'],
};

/** Every comparison of every field with every literal, both ways round, and the other compiled forms. */
function rulesFor(entity: SegmentEntity): unknown[] {
  const rules: unknown[] = [];
  for (const name of FIELDS[entity]) {
    const field = { var: `${entity}.${name}` };
    rules.push(field, { '!': field }, { '!!': [field] }, { missing: [`${entity}.${name}`] });
    for (const literal of LITERALS) {
      for (const op of COMPARISONS) rules.push({ [op]: [field, literal] }, { [op]: [literal, field] });
      rules.push(
        { in: [literal, field] },
        { startsWith: [field, literal] },
        { endsWith: [field, literal] },
        { '<': [literal, field, 60] },
        { '<=': [-5, field, literal] },
      );
    }
    rules.push(
      { in: [field, LITERALS] },
      { in: [field, ['', '0', 'EMEA', 50, null]] },
      { in_list: [field, ['abc', 10, '😀']] },
      { in: [field, []] },
      { '!': { in_list: [field, ['EMEA', 'new', 'a@acme.example']] } },
    );
  }
  const a = { var: `${entity}.${FIELDS[entity][0]}` };
  const b = { var: `${entity}.${FIELDS[entity][1]}` };
  rules.push(
    { and: [{ '!!': a }, { '!': b }] },
    { or: [{ '==': [a, 'abc'] }, { missing: [`${entity}.${FIELDS[entity][1]}`, `${entity}.email`] }] },
    { '!': { or: [{ '>': [a, 5] }, { '==': [b, null] }] } },
    { and: [true, { '!=': [a, ''] }, { or: [false, { '!!': b }] }] },
    { missing: [[`${entity}.email`, `${entity}.name`]] },
    true,
    0,
    '',
  );
  return rules;
}

/** Every live record's id and the data a workflow condition sees for it, by id. */
async function conditionData(em: EntityManager, entity: SegmentEntity) {
  const adapter = RECORD_ADAPTERS[entity];
  const records: Array<{ id: string }> = await em.fork().find(
    entity === 'lead' ? Lead : Contact,
    { archivedAt: null },
    {
      populate: adapter.populate as never,
      orderBy: { id: 'asc' } as never,
    },
  );
  return records.map((r) => ({ id: r.id, data: { [entity]: adapter.fields(r), steps: {}, trigger: {} } }));
}

type Records = Awaited<ReturnType<typeof conditionData>>;

function expectedIds(records: Records, rule: unknown, now = new Date()): string[] {
  return records.filter((r) => truthy(evaluateRule(rule, r.data, { now }))).map((r) => r.id);
}

describe('segment matching: compiled SQL and record-by-record evaluation', () => {
  it.each(['lead', 'contact'] as const)(
    'agree on every %s rule the compiler accepts, coercions included',
    async (entity) => {
      const em = orm.em.fork();
      const rules = rulesFor(entity);
      const records = await conditionData(em, entity);
      const disagreements: unknown[] = [];
      let compiled = 0;
      for (const rule of rules) {
        const plan = planSegment(entity, rule);
        if (plan.strategy !== 'sql') continue;
        compiled++;
        const got = await pageOfMatches(em, plan, { limit: 1000 });
        const want = expectedIds(records, rule);
        if (JSON.stringify(got) !== JSON.stringify(want)) disagreements.push({ rule, got, want });
      }
      expect(disagreements).toEqual([]);
      // Most of the table compiles, so agreement is not shown on an empty set.
      expect(compiled).toBeGreaterThan(rules.length / 2);
      expect(records.length).toBeGreaterThan(20);
    },
  );

  it.each([
    ['lead', { '>=': [{ var: 'lead.score' }, '10'] }],
    ['lead', { or: [{ missing: ['lead.email'] }, { in: ['acme', { var: 'lead.email' }] }] }],
    ['lead', { '<=': [0, { var: 'lead.score' }, 50] }],
    ['lead', { '!': { in: [{ var: 'lead.region' }, ['EMEA', '', null]] } }],
    ['lead', { '>': [{ var: 'lead.createdAt' }, '2026-01-01T00:00:00.999Z'] }],
    ['contact', { endsWith: [{ var: 'contact.email' }, '@acme.example'] }],
    ['contact', { '==': [{ var: 'contact.ownerId' }, OWNER_ID] }],
  ] as const)('a %s scan counts and pages like the compiled query: %j', async (entity, rule) => {
    const em = orm.em.fork();
    const sqlPlan = planSegment(entity, rule);
    expect(sqlPlan.strategy).toBe('sql');
    const scanPlan: SegmentPlan = { ...sqlPlan, strategy: 'scan', where: raw('true') };
    const all = await pageOfMatches(em, sqlPlan, { limit: 1000 });
    expect(all.length).toBeGreaterThan(0);
    expect(await pageOfMatches(em, scanPlan, { limit: 1000 })).toEqual(all);
    expect(await countMatching(em, scanPlan)).toBe(all.length);
    expect(await countMatching(em, sqlPlan)).toBe(all.length);
    // Keyset pages of three, from both paths, add up to the whole.
    for (const plan of [sqlPlan, scanPlan]) {
      const pages: string[] = [];
      for (let after: string | undefined; ;) {
        const page = await pageOfMatches(em, plan, { afterId: after, limit: 3 });
        if (page.length === 0) break;
        pages.push(...page);
        after = page[page.length - 1];
      }
      expect(pages).toEqual(all);
    }
  });

  it.each(['lead', 'contact'] as const)(
    'reads each %s row as the record adapter shows the record to conditions',
    async (entity) => {
      const em = orm.em.fork();
      const { table } = SEGMENT_TABLES[entity];
      const rows = await queryRows<Record<string, unknown> & { __id: string }>(em, {
        text: `select r.id as "__id", ${fieldSelectList(entity)} from ${table} r where r.archived_at is null order by r.id`,
        params: [],
      });
      const viaRows = rows.map((row) => ({
        id: row.__id,
        data: { [entity]: fieldsOfRow(entity, row), steps: {}, trigger: {} },
      }));
      expect(viaRows).toEqual(await conditionData(em, entity));
    },
  );

  it('falls back to scanning for a rule outside the compiled subset and still answers', async () => {
    const em = orm.em.fork();
    const rule = { '>': [{ days_since: { var: 'lead.createdAt' } }, 30] };
    const plan = planSegment('lead', rule);
    expect(plan.strategy).toBe('scan');
    const want = expectedIds(await conditionData(em, 'lead'), rule, plan.now);
    expect(want.length).toBeGreaterThan(0);
    expect(await pageOfMatches(em, plan, { limit: 1000 })).toEqual(want);
    expect(await countMatching(em, plan)).toBe(want.length);
  });

  it('never counts archived records', async () => {
    const em = orm.em.fork();
    const everyone = planSegment('lead', true);
    const live = await em.count(Lead, { archivedAt: null });
    expect(await countMatching(em, everyone)).toBe(live);
    expect(await countMatching(em, { ...everyone, strategy: 'scan' })).toBe(live);
    expect(await em.count(Lead, {})).toBeGreaterThan(live);
  });
});

describe(segmentMembers.name, () => {
  const acme = { endsWith: [{ var: 'contact.email' }, '@acme.example'] };

  async function saveSegment(em: EntityManager, entity: SegmentEntity, rule: unknown, archived = false) {
    const id = randomUUID();
    await em
      .getKnex()('segments')
      .insert({
        id,
        name: `Segment ${id}`,
        entity,
        rule: JSON.stringify(rule),
        created_at: new Date(),
        updated_at: new Date(),
        archived_at: archived ? new Date() : null,
      });
    return id;
  }

  it('pages through the contacts of a contact segment as a campaign addresses them', async () => {
    const em = orm.em.fork();
    const want = expectedIds(await conditionData(em, 'contact'), acme);
    expect(want.length).toBeGreaterThan(2);
    const segmentId = await saveSegment(em, 'contact', acme);
    // A contact at two accounts is addressed at the one linked first.
    const [older, newer] = [randomUUID(), randomUUID()];
    const knex = em.getKnex();
    for (const id of [older, newer])
      await knex('accounts').insert({
        id,
        name: `Account ${id}`,
        created_at: new Date(),
        updated_at: new Date(),
      });
    await knex('account_contacts').insert([
      { id: randomUUID(), account_id: newer, contact_id: want[0], created_at: '2026-02-01T00:00:00Z' },
      { id: randomUUID(), account_id: older, contact_id: want[0], created_at: '2026-01-01T00:00:00Z' },
    ]);

    const members = [];
    for (let after: string | undefined; ;) {
      const page = await segmentMembers(em, segmentId, { afterId: after, limit: 2 });
      if (page.length === 0) break;
      members.push(...page);
      after = page[page.length - 1]!.id;
    }
    expect(members.map((m) => m.id)).toEqual(want);
    const stored = await em.fork().find(Contact, { id: { $in: want } }, { populate: ['owner'] });
    for (const member of members) {
      const contact = stored.find((c) => c.id === member.id)!;
      expect(member).toEqual({
        id: contact.id,
        email: contact.email,
        ...splitName(contact.name),
        accountId: member.id === want[0] ? older : null,
        ownerId: contact.owner?.id ?? null,
      });
    }
  });

  it('refuses a lead segment, and an archived or unknown one', async () => {
    const em = orm.em.fork();
    const page = { limit: 10 };
    await expect(segmentMembers(em, await saveSegment(em, 'lead', true), page)).rejects.toMatchObject({
      code: 'SEGMENT_NOT_CONTACTS',
    });
    await expect(
      segmentMembers(em, await saveSegment(em, 'contact', true, true), page),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(segmentMembers(em, randomUUID(), page)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['Ada Lovelace', { firstName: 'Ada', lastName: 'Lovelace' }],
    ['  Grace  Brewster Hopper ', { firstName: 'Grace', lastName: 'Brewster Hopper' }],
    ['Cher', { firstName: 'Cher', lastName: null }],
    ['   ', { firstName: null, lastName: null }],
  ])('splits %j into a first and a last name', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });
});
