import type { WorkflowDefinition } from '@baton/contracts';
import { LAYOUT_COLUMN_WIDTH as W, LAYOUT_ROW_HEIGHT as H } from './auto-layout';
import { definitionToGraph } from './definition-to-graph';
import { graphToDefinition } from './graph-to-definition';

const config = { title: 'Call' };
const definition: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'demo',
  name: 'Demo',
  triggers: [
    {
      id: 'created',
      kind: 'record',
      entity: 'lead',
      event: 'created',
      condition: { '!': [{ var: 'lead.ownerId' }] },
    },
  ],
  steps: [
    {
      id: 'assign',
      type: 'assign_owner',
      title: 'Assign',
      config: { strategy: 'round_robin', role: 'sales_rep' },
      onError: 'fallback',
    },
    {
      id: 'task',
      type: 'create_task',
      config,
      retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 },
      timeoutSeconds: 20,
    },
    { id: 'fallback', type: 'create_task', config },
  ],
  transitions: [
    { id: 'start', from: 'created', to: 'assign', label: 'Go' },
    { id: 'next', from: 'assign', to: 'task', condition: true },
  ],
  layout: { created: { x: 1, y: 2 }, assign: { x: 3, y: 4 }, task: { x: 5, y: 6 }, fallback: { x: 7, y: 8 } },
};

describe(definitionToGraph.name, () => {
  it('opens triggers then steps as nodes and transitions as edges, each in definition order', () => {
    const graph = definitionToGraph(definition);

    expect(graph.workflow).toEqual({ key: 'demo', name: 'Demo' });
    expect(graph.nodes).toStrictEqual([
      {
        id: 'created',
        kind: 'trigger',
        position: { x: 1, y: 2 },
        data: { entity: 'lead', event: 'created', condition: { '!': [{ var: 'lead.ownerId' }] } },
      },
      {
        id: 'assign',
        kind: 'step',
        position: { x: 3, y: 4 },
        data: {
          stepType: 'assign_owner',
          title: 'Assign',
          config: { strategy: 'round_robin', role: 'sales_rep' },
          onError: 'fallback',
        },
      },
      {
        id: 'task',
        kind: 'step',
        position: { x: 5, y: 6 },
        data: {
          stepType: 'create_task',
          config,
          retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 },
          timeoutSeconds: 20,
        },
      },
      { id: 'fallback', kind: 'step', position: { x: 7, y: 8 }, data: { stepType: 'create_task', config } },
    ]);
    expect(graph.edges).toStrictEqual([
      { id: 'start', source: 'created', target: 'assign', label: 'Go' },
      { id: 'next', source: 'assign', target: 'task', condition: true },
    ]);
  });

  it('round-trips through graphToDefinition without loss when every node has a layout entry', () => {
    expect(graphToDefinition(definitionToGraph(definition))).toStrictEqual(definition);
  });

  it('places unlaid nodes by their distance from a trigger, in definition order within a row', () => {
    const { layout: _layout, ...unlaid } = definition;
    const positions = Object.fromEntries(definitionToGraph(unlaid).nodes.map((n) => [n.id, n.position]));

    expect(positions).toEqual({
      created: { x: 0, y: 0 },
      assign: { x: 0, y: H },
      task: { x: 0, y: 2 * H },
      // Reached through the error path, on the same row as `task`.
      fallback: { x: W, y: 2 * H },
    });
  });

  it('places steps no trigger reaches on a row after the last', () => {
    const orphaned: WorkflowDefinition = {
      ...definition,
      layout: {},
      transitions: [],
      steps: definition.steps.map(({ onError: _o, ...s }) => s),
    };
    const positions = definitionToGraph(orphaned).nodes.map((n) => n.position);

    expect(positions).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: H },
      { x: W, y: H },
      { x: 2 * W, y: H },
    ]);
  });

  it('keeps laid-out positions and fills in only the missing ones', () => {
    const partial = { ...definition, layout: { task: { x: 500, y: 500 } } };
    const graph = definitionToGraph(partial);

    expect(graph.nodes.find((n) => n.id === 'task')!.position).toEqual({ x: 500, y: 500 });
    expect(graph.nodes.find((n) => n.id === 'assign')!.position).toEqual({ x: 0, y: H });
  });

  it('gives the same positions every time', () => {
    const { layout: _layout, ...unlaid } = definition;

    expect(definitionToGraph(unlaid)).toStrictEqual(definitionToGraph(unlaid));
  });

  it('round-trips a definition without layout by only adding the layout', () => {
    const { layout: _layout, ...unlaid } = definition;
    const { layout, ...rest } = graphToDefinition(definitionToGraph(unlaid));

    expect(rest).toStrictEqual(unlaid);
    expect(Object.keys(layout ?? {})).toEqual(['created', 'assign', 'task', 'fallback']);
  });

  it('drops layout entries that name no node, as the canvas has nowhere to put them', () => {
    const stale = { ...definition, layout: { ...definition.layout, gone: { x: 0, y: 0 } } };

    expect(graphToDefinition(definitionToGraph(stale)).layout).toStrictEqual(definition.layout);
  });

  it('ignores layout keys inherited from Object.prototype', () => {
    const { layout: _layout, ...unlaid } = definition;
    const graph = definitionToGraph({
      ...unlaid,
      steps: [{ id: 'constructor', type: 'branch', config: {} }],
      transitions: [],
    });

    expect(graph.nodes[1]!.position).toEqual({ x: 0, y: H });
  });
});
