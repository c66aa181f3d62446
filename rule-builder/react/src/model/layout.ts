import { Graph, layout } from '@dagrejs/dagre';
import type { EditorGraph } from '@baton/rule-builder-core';
import type { Position } from '@baton/contracts';

/** Size of a node on the canvas when it has not been measured yet (matches the node CSS). */
export const DEFAULT_NODE_SIZE = { width: 240, height: 76 } as const;

export interface LayoutOptions {
  /** TB: runs flow down the screen; LR: left to right. */
  readonly direction?: 'TB' | 'LR';
  /** Measured sizes by node id; others use {@link DEFAULT_NODE_SIZE}. */
  readonly sizes?: ReadonlyMap<string, { readonly width: number; readonly height: number }>;
}

/**
 * Tidies the canvas with dagre: layered by the arrows, triggers on top. Returns new top-left
 * positions for every node (dagre answers centres); the graph itself is not changed.
 */
export function layoutPositions(graph: EditorGraph, options: LayoutOptions = {}): Map<string, Position> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: options.direction ?? 'TB', nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    const size = options.sizes?.get(node.id) ?? DEFAULT_NODE_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of graph.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) {
      g.setEdge(edge.source, edge.target, {}, edge.id);
    }
  }
  layout(g);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const placed = g.node(node.id) as { x?: number; y?: number };
    const size = options.sizes?.get(node.id) ?? DEFAULT_NODE_SIZE;
    positions.set(node.id, {
      x: Math.round((placed.x ?? 0) - size.width / 2),
      y: Math.round((placed.y ?? 0) - size.height / 2),
    });
  }
  return positions;
}
