import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ENTITY_FIELDS } from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';
import { SEGMENT_TABLES } from './segment-columns';
import { compilePrefilter, compileSegmentRule } from './segment-sql';
import { SEGMENT_ENTITIES } from './segment.entity';

// The shared JsonLogic suite lives beside the repository, as for the rules library's own tests.
const CONFORMANCE =
  process.env['BATON_JSONLOGIC_TESTS'] ??
  resolve(__dirname, '../../../../../shared/conformance/jsonlogic-tests.json');

const score = { var: 'lead.score' };
const region = { var: 'lead.region' };

describe(compileSegmentRule.name, () => {
  it.each(SEGMENT_ENTITIES)('maps every %s field conditions see to a column', (entity) => {
    expect(Object.keys(SEGMENT_TABLES[entity].columns).sort()).toEqual(
      Object.keys(ENTITY_FIELDS[entity]).sort(),
    );
  });

  it('compiles a comparison to a bound parameter, never to text from the rule', () => {
    expect(compileSegmentRule('lead', { '>=': [score, 50] })).toEqual({
      text: '(coalesce(r."score", 0)::float8 >= ?::float8)',
      params: [50],
    });
    const hostile = "x'; drop table leads; --";
    const compiled = compileSegmentRule('lead', { '==': [region, hostile] });
    expect(compiled?.text).not.toContain('drop');
    expect(compiled?.params).toEqual([hostile]);
  });

  it('flips a comparison written literal first', () => {
    expect(compileSegmentRule('lead', { '<': [50, score] })?.text).toBe(
      '(coalesce(r."score", 0)::float8 > ?::float8)',
    );
  });

  it('converts a text literal compared with a number field as JavaScript does', () => {
    expect(compileSegmentRule('lead', { '==': [score, '50'] })?.params).toEqual([50]);
    expect(compileSegmentRule('lead', { '==': [score, ''] })?.params).toEqual([0]);
    expect(compileSegmentRule('lead', { '<': [score, 'abc'] })?.text).toBe('false');
  });

  it.each([
    ['and', { and: [{ '==': [region, 'EMEA'] }, { '!': { var: 'lead.email' } }] }],
    ['or with in', { or: [{ in: [{ var: 'lead.status' }, ['new', 'working']] }, { '>': [score, 10] }] }],
    ['between', { '<=': [0, score, 100] }],
    ['missing', { missing: ['lead.email', 'lead.score'] }],
    ['contains', { in: ['@acme', { var: 'lead.email' }] }],
    ['starts and ends', { and: [{ startsWith: [region, 'EM'] }, { endsWith: [region, 'EA'] }] }],
    ['is one of', { in_list: [{ var: 'lead.source' }, ['web', 'event']] }],
    ['timestamp text', { '>=': [{ var: 'lead.createdAt' }, '2026-01-01'] }],
    ['a bare field', { '!!': { var: 'lead.company' } }],
  ])('compiles %s', (_name, rule) => {
    expect(compileSegmentRule('lead', rule)).not.toBeNull();
  });

  it.each([
    ['a text field compared with a number', { '==': [region, 0] }],
    ['ordering on text', { '<': [region, 'M'] }],
    ['a date operator', { before: [{ var: 'lead.createdAt' }, { now: [] }] }],
    ['arithmetic', { '>': [{ '+': [score, 1] }, 10] }],
    ['a var with a default', { '==': [{ var: ['lead.region', 'EMEA'] }, 'EMEA'] }],
    ['a field the table does not have', { '==': [{ var: 'lead.nickname' }, 'x'] }],
    ['another record type', { '==': [{ var: 'contact.title' }, 'CTO'] }],
    ['two fields', { '==': [region, { var: 'lead.name' }] }],
    ['if', { if: [{ '==': [region, 'EMEA'] }, true, false] }],
    ['a list compared loosely', { '==': [region, ['EMEA']] }],
  ])('leaves %s to the evaluator', (_name, rule) => {
    expect(compileSegmentRule('lead', rule)).toBeNull();
  });

  it('folds every literal-only conformance case into the constant the evaluator gives', () => {
    const suite = JSON.parse(readFileSync(CONFORMANCE, 'utf8')) as unknown[];
    let folded = 0;
    for (const entry of suite) {
      if (!Array.isArray(entry)) continue;
      const [rule, data] = entry as [unknown, unknown];
      if (data !== null && (typeof data !== 'object' || Object.keys(data).length > 0)) continue;
      const compiled = compileSegmentRule('lead', rule);
      if (compiled === null) continue;
      folded++;
      expect({ rule, sql: compiled.text }).toEqual({
        rule,
        sql: truthy(evaluateRule(rule, {})) ? 'true' : 'false',
      });
    }
    expect(folded).toBeGreaterThan(40);
  });
});

describe(compilePrefilter.name, () => {
  it('keeps the compiled conjuncts of an and', () => {
    const rule = { and: [{ '==': [region, 'EMEA'] }, { before: [{ var: 'lead.createdAt' }, '2026-01-01'] }] };
    expect(compileSegmentRule('lead', rule)).toBeNull();
    expect(compilePrefilter('lead', rule)).toEqual({
      text: '(coalesce(r."region" = ?::text, false))',
      params: ['EMEA'],
    });
  });

  it('has nothing to offer for an or', () => {
    expect(
      compilePrefilter('lead', { or: [{ '==': [region, 'EMEA'] }, { if: [true, true, false] }] }),
    ).toBeNull();
  });
});
