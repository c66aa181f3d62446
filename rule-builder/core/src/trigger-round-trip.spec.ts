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
    {
      id: 'weekday_mornings',
      kind: 'schedule',
      entity: 'subscription',
      cron: '0 8 * * MON-FRI',
      timezone: 'Europe/Berlin',
      condition: { '==': [{ var: 'subscription.renewalStatus' }, 'due'] },
      limit: 50,
      reenroll: { mode: 'once' },
    },
    {
      id: 'hourly',
      kind: 'schedule',
      entity: 'subscription',
      every: { amount: 2, unit: 'hours' },
      condition: true,
    },
    {
      id: 'billing_hook',
      kind: 'webhook',
      entity: 'subscription',
      match: { by: 'field', field: 'plan', from: 'data.plan' },
      condition: { '>': [{ var: 'trigger.payload.amount' }, 0] },
      reenroll: { mode: 'after', days: 1 },
    },
    { id: 'by_id_hook', kind: 'webhook', entity: 'subscription', match: { by: 'id' } },
  ],
  steps: [{ id: 'done', type: 'end', config: {} }],
  transitions: [
    { id: 't1', from: 'submitted', to: 'done' },
    { id: 't2', from: 'sixty_days_before', to: 'done' },
    { id: 't3', from: 'weekday_mornings', to: 'done' },
    { id: 't4', from: 'hourly', to: 'done' },
    { id: 't5', from: 'billing_hook', to: 'done' },
    { id: 't6', from: 'by_id_hook', to: 'done' },
  ],
};

describe('triggers through the editor graph', () => {
  it('keeps field, from/to, date offsets, schedules and webhook matches on a round trip', () => {
    const back = graphToDefinition(definitionToGraph(definition));
    expect(back.triggers).toEqual(definition.triggers);
    // Key for key, so a field left undefined rather than absent would show too.
    const keys = (triggers: readonly object[]) => triggers.map((t) => Object.keys(t).sort());
    expect(keys(back.triggers)).toEqual(keys(definition.triggers));
  });

  it('gives record trigger nodes no kind and the other kinds theirs', () => {
    const kinds = definitionToGraph(definition).nodes.map((n) =>
      n.kind === 'trigger' ? n.data.kind : 'step',
    );
    expect(kinds).toEqual([undefined, undefined, 'schedule', 'schedule', 'webhook', 'webhook', 'step']);
  });

  it('copies, never shares, the webhook match and the schedule interval', () => {
    const graph = definitionToGraph(definition);
    const hook = graph.nodes.find((n) => n.id === 'billing_hook')!;
    const hourly = graph.nodes.find((n) => n.id === 'hourly')!;
    expect(hook.kind === 'trigger' && hook.data.kind === 'webhook' && hook.data.match).not.toBe(
      (definition.triggers[4] as { match: unknown }).match,
    );
    expect(hourly.kind === 'trigger' && hourly.data.kind === 'schedule' && hourly.data.every).not.toBe(
      (definition.triggers[3] as { every: unknown }).every,
    );
  });
});
