import type { EditorGraph, EditorNode } from '../graph';
import { TEST_CATALOG } from '../testing/test-catalog';
import { validateGraph } from './validate-graph';

const config = {
  title: 'Call',
  assignee: { kind: 'record_owner' },
  dueInBusinessDays: 1,
  priority: 'normal',
};
const at = { x: 0, y: 0 };
const nodes: EditorNode[] = [
  { id: 'task', kind: 'step', position: at, data: { stepType: 'create_task', config } },
  { id: 'created', kind: 'trigger', position: at, data: { entity: 'lead', event: 'created' } },
  {
    id: 'assign',
    kind: 'step',
    position: at,
    data: { stepType: 'assign_owner', config: { strategy: 'round_robin', role: 'sales_rep' } },
  },
];
const graph: EditorGraph = {
  workflow: { key: 'demo', name: 'Demo' },
  nodes,
  edges: [
    { id: 'start', source: 'created', target: 'assign' },
    { id: 'next', source: 'assign', target: 'task' },
  ],
};
const validate = (g: EditorGraph) => validateGraph(g, { catalog: TEST_CATALOG });
const withNode = (index: number, node: EditorNode): EditorGraph => ({
  ...graph,
  nodes: nodes.map((n, i) => (i === index ? node : n)),
});

describe(validateGraph.name, () => {
  it('accepts a valid graph', () => {
    expect(validate(graph)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('points step problems at the node in the graph, with its data field names', () => {
    const report = validate(
      withNode(2, {
        ...nodes[2]!,
        data: { stepType: 'assign_owner', config: { strategy: 'round_robin', role: 'ceo' } },
      } as EditorNode),
    );

    expect(report.errors).toEqual([
      {
        code: 'INVALID_STEP_CONFIG',
        message: expect.any(String),
        nodeId: 'assign',
        path: '/nodes/2/data/config/role',
      },
    ]);
  });

  it('maps the step type to data.stepType', () => {
    const report = validate(
      withNode(0, { ...nodes[0]!, data: { stepType: 'send_fax', config } } as EditorNode),
    );

    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_STEP_TYPE', nodeId: 'task', path: '/nodes/0/data/stepType' }),
    ]);
  });

  it('points trigger condition problems at the trigger node data', () => {
    const report = validate(
      withNode(1, {
        ...nodes[1]!,
        data: { entity: 'lead', event: 'created', condition: { var: 'lead.nope' } },
      } as EditorNode),
    );

    expect(report.errors).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_FIELD',
        nodeId: 'created',
        path: '/nodes/1/data/condition/var',
      }),
    ]);
  });

  it('points edge problems at the edge, with source and target for from and to', () => {
    const report = validate({
      ...graph,
      edges: [...graph.edges, { id: 'ghost', source: 'nowhere', target: 'task' }],
    });

    expect(report.errors).toEqual([
      { code: 'DANGLING_EDGE', message: expect.any(String), edgeId: 'ghost', path: '/edges/2/source' },
    ]);
  });

  it('points node ids and whole nodes at the node', () => {
    const report = validate({ ...graph, nodes: [...nodes, { ...nodes[0]! }] });

    expect(report.errors).toEqual([
      { code: 'DUPLICATE_ID', message: expect.any(String), nodeId: 'task', path: '/nodes/3/id' },
    ]);
    expect(validate(withNode(0, { ...nodes[0]!, id: 'lonely' })).errors).toContainEqual(
      expect.objectContaining({ code: 'UNREACHABLE_STEP', nodeId: 'lonely', path: '/nodes/0' }),
    );
  });

  it('maps workflow fields and schema failures inside nodes', () => {
    const report = validate({
      workflow: { key: 'bad key', name: 'Demo' },
      nodes: nodes.map((n) =>
        n.kind === 'step' && n.id === 'task' ? { ...n, data: { ...n.data, timeoutSeconds: -1 } } : n,
      ),
      edges: graph.edges,
    });

    expect(report.errors.map((d) => d.path)).toEqual(['/workflow/key', '/nodes/0/data/timeoutSeconds']);
  });

  it('maps a bad position to the node position', () => {
    const report = validate(withNode(0, { ...nodes[0]!, position: { x: Number.NaN, y: 0 } }));

    expect(report.errors).toEqual([
      expect.objectContaining({ code: 'DEFINITION_SCHEMA', nodeId: 'task', path: '/nodes/0/position/x' }),
    ]);
  });

  it('reports a graph it cannot compile instead of throwing', () => {
    const broken = {
      ...graph,
      nodes: [{ id: 'x', kind: 'sticky_note', position: at, data: {} }],
    } as unknown as EditorGraph;

    expect(validate(broken)).toEqual({
      ok: false,
      errors: [{ code: 'DEFINITION_SCHEMA', message: expect.stringContaining('could not be compiled') }],
      warnings: [],
    });
  });
});
