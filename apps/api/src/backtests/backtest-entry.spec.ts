import type { Trigger, WorkflowDefinition } from '@baton/contracts';
import { enters } from './backtest-entry';

const NOW = new Date('2026-11-25T10:00:00Z');

function definition(...triggers: Trigger[]): WorkflowDefinition {
  return { schemaVersion: 1, key: 'wf', name: 'Wf', triggers, steps: [], transitions: [] };
}

const created = (condition?: unknown): Trigger => ({
  id: 'created',
  kind: 'record',
  entity: 'lead',
  event: 'created',
  ...(condition === undefined ? {} : { condition }),
});

describe(enters.name, () => {
  const emea = { '==': [{ var: 'lead.region' }, 'EMEA'] };

  it.each([
    ['no condition', definition(created()), { region: 'NA' }, true],
    ['a condition that holds', definition(created(emea)), { region: 'EMEA' }, true],
    ['a condition that does not hold', definition(created(emea)), { region: 'NA' }, false],
    ['a missing field', definition(created(emea)), {}, false],
    [
      'one of two triggers holding',
      definition(created(emea), { ...created({ '>': [{ var: 'lead.score' }, 50] }), id: 'scored' }),
      { region: 'NA', score: 80 },
      true,
    ],
    [
      'an updated trigger on a field, by its condition alone',
      definition({
        id: 'moved',
        kind: 'record',
        entity: 'lead',
        event: 'updated',
        field: 'status',
        to: 'qualified',
        condition: emea,
      }),
      { region: 'EMEA', status: 'new' },
      true,
    ],
  ])('%s → %s', (_case, def, fields, expected) => {
    expect(enters(def, 'lead', fields, NOW)).toBe(expected);
  });

  it('ignores triggers on other entities', () => {
    const onQuotes: Trigger = { id: 'q', kind: 'record', entity: 'quote', event: 'created' };
    expect(enters(definition(onQuotes), 'lead', { region: 'EMEA' }, NOW)).toBe(false);
  });

  it('evaluates date conditions at the given moment', () => {
    const recent = created({ '>=': [{ days_until: { var: 'lead.createdAt' } }, -1] });
    expect(enters(definition(recent), 'lead', { createdAt: '2026-11-25T09:00:00Z' }, NOW)).toBe(true);
    expect(enters(definition(recent), 'lead', { createdAt: '2026-11-20T09:00:00Z' }, NOW)).toBe(false);
  });

  it('treats a condition that cannot be evaluated as not holding, as the dispatcher does', () => {
    expect(enters(definition(created({ no_such_operator: [1] })), 'lead', {}, NOW)).toBe(false);
  });
});
