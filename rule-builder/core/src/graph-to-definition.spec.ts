import type { EditorGraph } from './graph';
import { definitionToGraph } from './definition-to-graph';
import { graphToDefinition } from './graph-to-definition';

const graph: EditorGraph = {
  workflow: { key: 'demo', name: 'Demo' },
  nodes: [
    {
      id: 'created',
      kind: 'trigger',
      position: { x: 10, y: 20 },
      data: { entity: 'lead', event: 'created' },
    },
    {
      id: 'route',
      kind: 'step',
      position: { x: 30, y: 40 },
      data: {
        stepType: 'branch',
        title: 'Route',
        config: {},
        retry: { maximumAttempts: 2, initialIntervalSeconds: 1, backoffCoefficient: 2 },
      },
    },
    {
      id: 'updated',
      kind: 'trigger',
      position: { x: 50, y: 60 },
      data: { entity: 'lead', event: 'updated', condition: { '==': [{ var: 'lead.status' }, 'new'] } },
    },
    {
      id: 'notify',
      kind: 'step',
      position: { x: 70, y: 80 },
      data: { stepType: 'create_task', config: { title: 'Call' }, timeoutSeconds: 30, onError: 'route' },
    },
  ],
  edges: [
    {
      id: 'e2',
      source: 'route',
      target: 'notify',
      label: 'Hot',
      condition: { '>': [{ var: 'lead.score' }, 50] },
    },
    { id: 'e1', source: 'created', target: 'route' },
  ],
};

describe(graphToDefinition.name, () => {
  it('compiles trigger nodes to record triggers and step nodes to steps, each in canvas order', () => {
    const definition = graphToDefinition(graph);

    expect(definition.triggers).toStrictEqual([
      { id: 'created', kind: 'record', entity: 'lead', event: 'created' },
      {
        id: 'updated',
        kind: 'record',
        entity: 'lead',
        event: 'updated',
        condition: { '==': [{ var: 'lead.status' }, 'new'] },
      },
    ]);
    expect(definition.steps).toStrictEqual([
      {
        id: 'route',
        type: 'branch',
        title: 'Route',
        config: {},
        retry: { maximumAttempts: 2, initialIntervalSeconds: 1, backoffCoefficient: 2 },
      },
      { id: 'notify', type: 'create_task', config: { title: 'Call' }, timeoutSeconds: 30, onError: 'route' },
    ]);
  });

  it('compiles edges to transitions in canvas order, source and target becoming from and to', () => {
    expect(graphToDefinition(graph).transitions).toStrictEqual([
      {
        id: 'e2',
        from: 'route',
        to: 'notify',
        condition: { '>': [{ var: 'lead.score' }, 50] },
        label: 'Hot',
      },
      { id: 'e1', from: 'created', to: 'route' },
    ]);
  });

  it('stamps the schema version and copies the workflow key and name', () => {
    const { schemaVersion, key, name } = graphToDefinition(graph);

    expect({ schemaVersion, key, name }).toEqual({ schemaVersion: 1, key: 'demo', name: 'Demo' });
  });

  it('puts every node position in the layout', () => {
    expect(graphToDefinition(graph).layout).toStrictEqual({
      created: { x: 10, y: 20 },
      route: { x: 30, y: 40 },
      updated: { x: 50, y: 60 },
      notify: { x: 70, y: 80 },
    });
  });

  it('shares no objects with the graph, so editing one leaves the other alone', () => {
    const definition = graphToDefinition(graph);
    (definition.steps[1]!.config as { title: string }).title = 'Changed';
    (definition.transitions[0]!.condition as Record<string, unknown>)['>'] = [];

    expect(graph.nodes[3]!.kind === 'step' && graph.nodes[3]!.data.config).toEqual({ title: 'Call' });
    expect(graph.edges[0]!.condition).toEqual({ '>': [{ var: 'lead.score' }, 50] });
  });

  it('keeps a condition that is present but null, as the interpreter treats it as a condition', () => {
    const withNull: EditorGraph = {
      ...graph,
      edges: [{ id: 'e', source: 'created', target: 'route', condition: null }],
    };

    expect(graphToDefinition(withNull).transitions[0]).toStrictEqual({
      id: 'e',
      from: 'created',
      to: 'route',
      condition: null,
    });
  });

  it('round-trips through definitionToGraph without loss when triggers come before steps', () => {
    const ordered: EditorGraph = {
      ...graph,
      nodes: [graph.nodes[0]!, graph.nodes[2]!, graph.nodes[1]!, graph.nodes[3]!],
    };

    expect(definitionToGraph(graphToDefinition(ordered))).toStrictEqual(ordered);
  });

  it('round-trips any node order up to putting triggers first', () => {
    const roundTripped = definitionToGraph(graphToDefinition(graph));

    expect(roundTripped.nodes.map((n) => n.id)).toEqual(['created', 'updated', 'route', 'notify']);
    expect(new Set(roundTripped.nodes)).toEqual(new Set(graph.nodes));
    expect(roundTripped.edges).toStrictEqual(graph.edges);
  });
});
