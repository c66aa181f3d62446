import type { WorkflowDefinition } from '@baton/contracts';
import { definitionToGraph } from './definition-to-graph';
import { graphToDefinition } from './graph-to-definition';

// Field-change and date triggers carry more than entity and event; the editor must not drop it.
const definition: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'renewals',
  name: 'Renewals',
  triggers: [
    {
      id: 'submitted',
      kind: 'record',
      entity: 'quote',
      event: 'updated',
      field: 'status',
      from: 'draft',
      to: 'submitted',
    },
    {
      id: 'sixty_days_before',
      kind: 'record',
      entity: 'subscription',
      event: 'date',
      field: 'endDate',
      offset: { amount: 60, unit: 'days', direction: 'before' },
      reenroll: { mode: 'after', days: 300 },
      condition: { '==': [{ var: 'subscription.renewalStatus' }, 'active'] },
    },
  ],
  steps: [{ id: 'done', type: 'end', config: {} }],
  transitions: [
    { id: 't1', from: 'submitted', to: 'done' },
    { id: 't2', from: 'sixty_days_before', to: 'done' },
  ],
};

describe('triggers through the editor graph', () => {
  it('keeps field, from/to and date offsets on a round trip', () => {
    const back = graphToDefinition(definitionToGraph(definition));
    expect(back.triggers).toEqual(definition.triggers);
  });
});
