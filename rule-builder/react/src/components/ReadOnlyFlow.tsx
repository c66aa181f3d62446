import {
  Background,
  Controls,
  ReactFlow,
  type Edge,
  type Node,
  type NodeMouseHandler,
  type NodeTypes,
} from '@xyflow/react';
import { RENDER_VISIBLE_ONLY_FROM } from './large-graphs';

const FIT_VIEW = { padding: 0.2, maxZoom: 1 } as const;

/**
 * A workflow drawn to be looked at, not edited (run paths, version diffs): fitted to the frame, no
 * dragging, connecting or deleting. React Flow keeps the nodes it was first given, so a new
 * `signature` remounts it with fresh ones, fitted again.
 */
export function ReadOnlyFlow<N extends Node>({
  signature,
  nodes,
  edges,
  nodeTypes,
  onNodeClick,
}: {
  signature: string;
  nodes: N[];
  edges: Edge[];
  nodeTypes: NodeTypes;
  onNodeClick?: NodeMouseHandler<N>;
}) {
  return (
    <ReactFlow<N, Edge>
      key={signature}
      defaultNodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={FIT_VIEW}
      onlyRenderVisibleElements={nodes.length >= RENDER_VISIBLE_ONLY_FROM}
      minZoom={0.2}
      maxZoom={2}
    >
      <Background gap={20} />
      <Controls fitViewOptions={FIT_VIEW} showInteractive={false} />
    </ReactFlow>
  );
}
