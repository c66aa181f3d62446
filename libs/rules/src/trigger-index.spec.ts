import { createTriggerIndex, RuleError } from './index';
import type { EvaluationContext, TriggerDefinition } from './index';

// Conditions log their trigger id through ctx.log, so tests can see which ones were evaluated.
const probe = (id: string, condition: unknown = true): unknown => ({ and: [{ log: id }, condition] });

const triggers: TriggerDefinition[] = [
  { id: 'lead-created', entity: 'lead', event: 'created', condition: probe('lead-created') },
  {
    id: 'hot-lead',
    entity: 'lead',
    event: 'created',
    condition: probe('hot-lead', { '>': [{ var: 'score' }, 80] }),
  },
  {
    id: 'stage-changed',
    entity: 'deal',
    event: 'updated',
    field: 'stage',
    condition: probe('stage-changed'),
  },
  {
    id: 'amount-changed',
    entity: 'deal',
    event: 'updated',
    field: 'amount',
    condition: probe('amount-changed'),
  },
  { id: 'deal-updated', entity: 'deal', event: 'updated', condition: probe('deal-updated') },
  {
    id: 'won',
    entity: 'deal',
    event: 'updated',
    field: 'stage',
    condition: probe('won', { '==': [{ var: 'stage' }, 'won'] }),
  },
  { id: 'any-deal-delete', entity: 'deal', event: 'deleted' },
];

function matchWithProbe(
  index: ReturnType<typeof createTriggerIndex>,
  event: Parameters<ReturnType<typeof createTriggerIndex>['match']>[0],
) {
  const evaluated: unknown[] = [];
  const ctx: EvaluationContext = { now: '2024-03-15T10:30:00Z', log: (id) => evaluated.push(id) };
  return { ids: index.match(event, ctx), evaluated };
}

describe('createTriggerIndex', () => {
  const index = createTriggerIndex(triggers);

  it('indexes every trigger', () => {
    expect(index.size).toBe(7);
  });

  it('matches by entity and event and only evaluates that bucket', () => {
    expect(matchWithProbe(index, { entity: 'lead', event: 'created', record: { score: 90 } })).toEqual({
      ids: ['lead-created', 'hot-lead'],
      evaluated: ['lead-created', 'hot-lead'],
    });
    expect(matchWithProbe(index, { entity: 'lead', event: 'created', record: { score: 10 } }).ids).toEqual([
      'lead-created',
    ]);
  });

  it('checks field triggers only when their field changed, returning ids in definition order', () => {
    expect(
      matchWithProbe(index, {
        entity: 'deal',
        event: 'updated',
        changedFields: ['stage', 'stage'],
        record: { stage: 'won' },
      }),
    ).toEqual({
      ids: ['stage-changed', 'deal-updated', 'won'],
      evaluated: ['deal-updated', 'stage-changed', 'won'],
    });
    expect(
      matchWithProbe(index, {
        entity: 'deal',
        event: 'updated',
        changedFields: ['amount', 'stage'],
        record: { stage: 'lost' },
      }).ids,
    ).toEqual(['stage-changed', 'amount-changed', 'deal-updated']);
  });

  it('does not fire field triggers for events without changedFields', () => {
    expect(matchWithProbe(index, { entity: 'deal', event: 'updated', record: { stage: 'won' } }).ids).toEqual(
      ['deal-updated'],
    );
  });

  it('matches unconditional triggers and returns [] for unknown buckets', () => {
    expect(index.match({ entity: 'deal', event: 'deleted', record: null })).toEqual(['any-deal-delete']);
    expect(index.match({ entity: 'contact', event: 'created', record: {} })).toEqual([]);
    expect(index.match({ entity: 'lead', event: 'deleted', record: {} })).toEqual([]);
  });

  it('compiles conditions once: later mutation of the definition has no effect', () => {
    const condition = { '==': [{ var: 'x' }, 1] };
    const own = createTriggerIndex([{ id: 't', entity: 'e', event: 'v', condition }]);
    condition['=='][1] = 2;
    expect(own.match({ entity: 'e', event: 'v', record: { x: 1 } })).toEqual(['t']);
  });

  it('uses JsonLogic truthiness and passes ctx to date conditions', () => {
    const own = createTriggerIndex([
      { id: 'empty-list', entity: 'e', event: 'v', condition: { var: 'tags' } },
      { id: 'overdue', entity: 'e', event: 'v', condition: { before: [{ var: 'due' }, { now: [] }] } },
    ]);
    expect(
      own.match({ entity: 'e', event: 'v', record: { tags: [], due: '2024-03-01' } }, { now: '2024-03-15' }),
    ).toEqual(['overdue']);
  });

  it('rejects duplicate ids', () => {
    expect(() =>
      createTriggerIndex([triggers[0] as TriggerDefinition, triggers[0] as TriggerDefinition]),
    ).toThrow(expect.objectContaining({ code: 'RULE_DUPLICATE_TRIGGER' }) as RuleError);
  });

  it('reports failing conditions to onError and keeps matching the others', () => {
    const errors: [string, unknown][] = [];
    const own = createTriggerIndex(
      [
        { id: 'broken', entity: 'e', event: 'v', condition: { days_until: { var: 'due' } } },
        { id: 'fine', entity: 'e', event: 'v' },
      ],
      { onError: (id, error) => errors.push([id, (error as RuleError).code]) },
    );
    expect(own.match({ entity: 'e', event: 'v', record: { due: '2024-03-20' } })).toEqual(['fine']);
    expect(errors).toEqual([['broken', 'RULE_NOW_REQUIRED']]);
    const strict = createTriggerIndex([{ id: 'broken', entity: 'e', event: 'v', condition: { nope: [] } }]);
    expect(() => strict.match({ entity: 'e', event: 'v', record: {} })).toThrow(
      /Unrecognized operation nope/,
    );
  });
});
