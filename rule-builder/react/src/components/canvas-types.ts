import type { Edge, Node } from '@xyflow/react';
import type { EditorNode } from '@baton/rule-builder-core';
import type { Problem } from '../model/diagnostics';

/** What a node component on the canvas draws. */
export interface CanvasNodeData extends Record<string, unknown> {
  readonly node: EditorNode;
  /** What the node is (its step type's or trigger's name). */
  readonly kindLabel: string;
  /** The node's own title, or its id. */
  readonly title: string;
  readonly problems: readonly Problem[];
}

export type TriggerFlowNode = Node<CanvasNodeData, 'trigger'>;
export type StepFlowNode = Node<CanvasNodeData, 'step'>;
export type CanvasNode = TriggerFlowNode | StepFlowNode;
export type CanvasEdge = Edge<{ readonly problems: readonly Problem[] }>;
