import { LAYOUT_COLUMN_WIDTH, LAYOUT_ROW_HEIGHT } from '@baton/rule-builder-core';
import type {
  EditorEdge,
  EditorGraph,
  EditorNode,
  EditorStepNode,
  EditorTriggerNode,
  StepNodeData,
  TriggerNodeData,
} from '@baton/rule-builder-core';
import type { Position } from '@baton/contracts';
import { checkConnection } from './connection';
import type { EditorNotice } from './errors';
import { freshId } from './ids';
import { triggerIdBase } from './trigger-kinds';

/** Every id in the graph's node id space (triggers and steps share one). */
export function nodeIdSet(graph: EditorGraph): Set<string> {
  return new Set(graph.nodes.map((n) => n.id));
}

/** Where a new node goes when the user did not drop it somewhere: under everything, or beside the triggers. */
export function nextPosition(graph: EditorGraph, kind: EditorNode['kind']): Position {
  if (graph.nodes.length === 0) return { x: 0, y: 0 };
  if (kind === 'trigger') {
    const triggers = graph.nodes.filter((n) => n.kind === 'trigger');
    const top = Math.min(...graph.nodes.map((n) => n.position.y));
    if (triggers.length === 0) return { x: graph.nodes[0]!.position.x, y: top - LAYOUT_ROW_HEIGHT };
    return { x: Math.max(...triggers.map((n) => n.position.x)) + LAYOUT_COLUMN_WIDTH, y: top };
  }
  const lowest = graph.nodes.reduce((a, b) => (b.position.y > a.position.y ? b : a));
  return { x: lowest.position.x, y: lowest.position.y + LAYOUT_ROW_HEIGHT };
}

export function addStep(
  graph: EditorGraph,
  data: StepNodeData,
  position: Position = nextPosition(graph, 'step'),
): { graph: EditorGraph; id: string } {
  const id = freshId(data.stepType, nodeIdSet(graph));
  const node: EditorStepNode = { id, kind: 'step', position, data };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

export function addTrigger(
  graph: EditorGraph,
  data: TriggerNodeData,
  position: Position = nextPosition(graph, 'trigger'),
): { graph: EditorGraph; id: string } {
  const id = freshId(triggerIdBase(data), nodeIdSet(graph));
  const node: EditorTriggerNode = { id, kind: 'trigger', position, data };
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** Draws an arrow, or says why it may not be drawn (see {@link checkConnection}). */
export function connect(
  graph: EditorGraph,
  source: string,
  target: string,
): { graph: EditorGraph; id: string } | { notice: EditorNotice } {
  const check = checkConnection(graph, source, target);
  if (!check.ok) return { notice: check.notice };
  const id = freshId(`${source}_to_${target}`, new Set(graph.edges.map((e) => e.id)));
  const edge: EditorEdge = { id, source, target };
  return { graph: { ...graph, edges: [...graph.edges, edge] }, id };
}

/** Removes nodes (with every arrow touching them, and error paths leading to them) and arrows. */
export function removeElements(
  graph: EditorGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): EditorGraph {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  if (goneNodes.size === 0 && goneEdges.size === 0) return graph;
  const nodes = graph.nodes
    .filter((n) => !goneNodes.has(n.id))
    .map((n) => {
      if (n.kind !== 'step' || n.data.onError === undefined || !goneNodes.has(n.data.onError)) return n;
      const { onError: _dropped, ...data } = n.data;
      return { ...n, data };
    });
  const edges = graph.edges.filter(
    (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
  );
  return { ...graph, nodes, edges };
}

export function moveNodes(graph: EditorGraph, positions: ReadonlyMap<string, Position>): EditorGraph {
  if (positions.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = positions.get(n.id);
      return p === undefined ? n : { ...n, position: { x: p.x, y: p.y } };
    }),
  };
}

/** Patches a step's data; a key set to `undefined` removes that field. */
export function updateStep(graph: EditorGraph, id: string, patch: Partial<StepNodeData>): EditorGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === id && n.kind === 'step' ? { ...n, data: merge(n.data, patch) } : n,
    ),
  };
}

/** Patches a trigger's data; a key set to `undefined` removes that field. */
export function updateTrigger(graph: EditorGraph, id: string, patch: Partial<TriggerNodeData>): EditorGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === id && n.kind === 'trigger' ? { ...n, data: merge(n.data, patch) } : n,
    ),
  };
}

/** Patches an arrow's label or condition; a key set to `undefined` removes that field. */
export function updateEdge(
  graph: EditorGraph,
  id: string,
  patch: Partial<Pick<EditorEdge, 'label' | 'condition'>>,
): EditorGraph {
  return { ...graph, edges: graph.edges.map((e) => (e.id === id ? merge<EditorEdge>(e, patch) : e)) };
}

/**
 * Gives a node a new id and follows it everywhere it is referenced (arrows, error paths), since
 * conditions and run logs name steps by id. Refuses (returns the graph unchanged) a taken id.
 */
export function renameNode(graph: EditorGraph, from: string, to: string): EditorGraph {
  if (from === to || nodeIdSet(graph).has(to) || !nodeIdSet(graph).has(from)) return graph;
  const rename = (id: string): string => (id === from ? to : id);
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const renamed = n.id === from ? { ...n, id: to } : n;
      if (renamed.kind !== 'step' || renamed.data.onError !== from) return renamed;
      return { ...renamed, data: { ...renamed.data, onError: to } };
    }),
    edges: graph.edges.map((e) =>
      e.source === from || e.target === from
        ? { ...e, source: rename(e.source), target: rename(e.target) }
        : e,
    ),
  };
}

function merge<T extends object>(base: T, patch: Partial<T>): T {
  const next = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}
