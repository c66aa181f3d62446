import { describe, expect, it } from '@jest/globals';
import { evaluateRule, validateRule } from '@baton/rules';
import { conditionSchemaFor } from '@baton/contracts';
import { conditionFields, entitiesReaching, fieldAt } from './condition-fields';
import { retarget, withOperator } from './condition-edits';
import {
  CONDITION_OPERATORS,
  defaultValue,
  operatorById,
  operatorLabel,
  operatorsFor,
  readRule,
  type OperatorId,
} from './condition-operators';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';

const labels = (kind: Parameters<typeof operatorsFor>[0]) =>
  operatorsFor(kind).map((op) => operatorLabel(op, kind));

describe(operatorsFor.name, () => {
  it('offers text comparisons for text fields', () => {
    expect(labels('text')).toEqual([
      'equals',
      'does not equal',
      'contains',
      'starts with',
      'ends with',
      'is one of',
      'is not one of',
      'is empty',
      'is not empty',
    ]);
  });

  it('offers number comparisons for number fields', () => {
    expect(labels('number')).toEqual(['=', '≠', '<', '≤', '>', '≥', 'between', 'is empty', 'is not empty']);
  });

  it('offers dates relative to now for date fields', () => {
    expect(labels('date')).toEqual([
      'is before',
      'is after',
      'within the last … days',
      'within the next … days',
      'more than … days ago',
      'more than … days from now',
      'is in the past',
      'is in the future',
      'is empty',
      'is not empty',
    ]);
  });

  it('offers is / is one of for enumerated fields and true / false for booleans', () => {
    expect(labels('enum')).toEqual([
      'is',
      'is not',
      'is one of',
      'is not one of',
      'is empty',
      'is not empty',
    ]);
    expect(labels('boolean')).toEqual(['is true', 'is false']);
  });

  it('does not offer the forms it only reads', () => {
    expect(operatorsFor('enum').map((op) => op.id)).not.toContain('in');
    expect(readRule({ in: [{ var: 'lead.region' }, ['EMEA']] })?.operator).toBe('in');
  });
});

describe('operator forms', () => {
  const NOW = '2026-11-25T12:00:00Z';
  const lead = {
    name: 'Ada Lovelace',
    email: 'ada@engines.io',
    status: 'new',
    score: 72,
    phone: null,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-12-20T09:00:00Z',
  };
  // Every operator writes JSON Logic that libs/rules validates and evaluates as its label says.
  const TABLE: readonly [OperatorId, string, unknown, boolean][] = [
    ['equals', 'lead.status', 'new', true],
    ['not_equals', 'lead.status', 'new', false],
    ['less', 'lead.score', 80, true],
    ['at_most', 'lead.score', 72, true],
    ['greater', 'lead.score', 72, false],
    ['at_least', 'lead.score', 72, true],
    ['between', 'lead.score', [70, 75], true],
    ['contains', 'lead.name', 'Love', true],
    ['starts_with', 'lead.email', 'ada@', true],
    ['ends_with', 'lead.email', '.com', false],
    ['one_of', 'lead.status', ['new', 'working'], true],
    ['not_one_of', 'lead.status', ['new'], false],
    ['is_empty', 'lead.phone', null, true],
    ['is_not_empty', 'lead.email', null, true],
    ['before', 'lead.createdAt', '2026-11-21', true],
    ['after', 'lead.createdAt', '2026-11-21', false],
    ['within_last_days', 'lead.createdAt', 7, true],
    ['within_next_days', 'lead.updatedAt', 7, false],
    ['over_days_ago', 'lead.createdAt', 3, true],
    ['over_days_ahead', 'lead.updatedAt', 20, true],
    ['in_past', 'lead.createdAt', null, true],
    ['in_future', 'lead.updatedAt', null, true],
  ];

  it.each(TABLE)('%s on %s %j → %s', (id, path, value, expected) => {
    const logic = operatorById(id).emit(path, value);
    expect(validateRule(logic, conditionSchemaFor('lead')).errors).toEqual([]);
    expect(evaluateRule(logic, { lead }, { now: NOW })).toBe(expected);
    expect(readRule(logic)).toEqual({ operator: id, path, value });
  });

  it('writes booleans as comparisons with true and false', () => {
    const data = { steps: { check: { ok: true } } };
    expect(evaluateRule(operatorById('is_true').emit('steps.check.ok', null), data)).toBe(true);
    expect(evaluateRule(operatorById('is_false').emit('steps.check.ok', null), data)).toBe(false);
  });

  it('reads every operator back from what it writes', () => {
    for (const op of CONDITION_OPERATORS) {
      const kind = Object.keys(op.labels)[0] as Parameters<typeof operatorsFor>[0];
      const value = defaultValue(op.shape, { path: 'x.y', label: 'Y', kind });
      expect(readRule(op.emit('x.y', value))?.operator).toBe(op.id);
    }
  });
});

describe('field kinds', () => {
  const fields = conditionFields('lead', { lead: { status: ['new', 'working'] } });

  it('types the trigger entity’s fields from the contracts, enumerated ones from their options', () => {
    expect(fieldAt(fields, 'lead.score')).toMatchObject({ kind: 'number', label: 'Score' });
    expect(fieldAt(fields, 'lead.createdAt').kind).toBe('date');
    expect(fieldAt(fields, 'lead.status')).toMatchObject({ kind: 'enum', options: ['new', 'working'] });
    expect(fieldAt(fields, 'lead.source').kind).toBe('text');
    expect(fieldAt(fields, 'steps.assign.ownerId').kind).toBe('any');
    expect(fields.every((f) => f.path.startsWith('lead.'))).toBe(true);
  });

  it('keeps the operator when the new field has it, and resets what no longer fits', () => {
    const rule = {
      kind: 'rule' as const,
      id: 'c1',
      field: 'lead.name',
      operator: 'equals' as const,
      value: 'x',
    };
    expect(retarget(rule, fieldAt(fields, 'lead.email'))).toMatchObject({ operator: 'equals', value: 'x' });
    expect(retarget(rule, fieldAt(fields, 'lead.status'))).toMatchObject({
      operator: 'equals',
      value: 'new',
    });
    expect(retarget(rule, fieldAt(fields, 'lead.score'))).toMatchObject({ operator: 'equals', value: 0 });
    expect(retarget(rule, fieldAt(fields, 'lead.createdAt'))).toMatchObject({
      operator: 'before',
      value: '',
    });
  });

  it('keeps the value across operators of the same shape', () => {
    const rule = {
      kind: 'rule' as const,
      id: 'c1',
      field: 'lead.score',
      operator: 'greater' as const,
      value: 5,
    };
    expect(withOperator(rule, 'at_least', fieldAt(fields, 'lead.score')).value).toBe(5);
    expect(withOperator(rule, 'between', fieldAt(fields, 'lead.score')).value).toEqual([0, 100]);
  });
});

describe(entitiesReaching.name, () => {
  it('finds the entity of the triggers that lead to a node, else of every trigger', () => {
    const quote = {
      ...leadCreated('quote_updated', 300),
      data: { entity: 'quote' as const, event: 'updated' as const },
    };
    const graph = graphOf(
      [leadCreated(), quote, taskStep('a'), taskStep('b')],
      [edgeOf('lead_created', 'a'), edgeOf('quote_updated', 'b')],
    );
    expect(entitiesReaching(graph, 'a')).toEqual(['lead']);
    expect(entitiesReaching(graph, 'b')).toEqual(['quote']);
    expect(entitiesReaching(graph, 'quote_updated')).toEqual(['quote']);
    expect(entitiesReaching(graph, 'nowhere')).toEqual(['lead', 'quote']);
  });
});
