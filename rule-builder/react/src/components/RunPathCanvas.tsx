import { MarkerType, type Edge, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import type { WorkflowDefinition } from '@baton/contracts';
import { definitionToGraph } from '@baton/rule-builder-core';
import { useMemo } from 'react';
import { PATH_STATUS_LABELS, type PathOverlay } from '../model/run-overlay';
import type { StepTypeInfo } from '../model/step-types';
import { nodeLabels } from './node-labels';
import { PathNode, PathOverlayContext, type PathFlowNode } from './PathNode';
import { ReadOnlyFlow } from './ReadOnlyFlow';
import '@xyflow/react/dist/style.css';
import '../styles/editor.css';
import '../styles/path.css';

// At module scope: a new object per render would make React Flow re-mount every node.
const PATH_NODE_TYPES: NodeTypes = { path: PathNode };
const LEGEND = ['completed', 'running', 'failed', 'cancelled', 'skipped'] as const;

export interface RunPathCanvasProps {
  /** The version the path went through. */
  readonly definition: WorkflowDefinition;
  /** From `pathOverlay(definitionToGraph(definition), visits)`. */
  readonly overlay: PathOverlay;
  readonly stepTypes: readonly StepTypeInfo[];
  /** The node whose details are shown beside the canvas. */
  readonly selected?: string | null;
  readonly onSelect?: (nodeId: string) => void;
  /** What the canvas shows, for screen readers, e.g. "Dry run of v3 on Ada Lovelace". */
  readonly label?: string;
}

/**
 * A read-only canvas of one workflow version with a path lit on it: a dry run's, a run's (live
 * while it runs) or a backtest's. Visited nodes carry their status, their place in the path and
 * what they did; arrows taken are drawn bold, the rest faded.
 */
export function RunPathCanvas({
  definition,
  overlay,
  stepTypes,
  selected = null,
  onSelect,
  label = 'Path canvas',
}: RunPathCanvasProps) {
  const titles = useMemo(() => new Map(stepTypes.map((t) => [t.type, t.title])), [stepTypes]);
  const graph = useMemo(() => definitionToGraph(definition), [definition]);
  const { nodes, signature } = useMemo(() => {
    const nodes = graph.nodes.map((node): PathFlowNode => {
      const { kindLabel, title } = nodeLabels(node, titles);
      return {
        id: node.id,
        type: 'path',
        position: node.position,
        draggable: false,
        connectable: false,
        data: {
          nodeKind: node.kind,
          ...(node.kind === 'step' ? { stepType: node.data.stepType } : {}),
          kindLabel,
          title,
        },
      };
    });
    // React Flow keeps the nodes it was first given; a new version gives it fresh ones, fitted.
    const signature = JSON.stringify([
      nodes.map((n) => [n.id, n.position, n.data]),
      graph.edges.map((e) => [e.id, e.source, e.target]),
    ]);
    return { nodes, signature };
  }, [graph, titles]);

  const lit = overlay.nodes.size > 0;
  const edges = useMemo(
    () =>
      graph.edges.map((edge): Edge => {
        const taken = overlay.edges.has(edge.id);
        const text = edge.label ?? (edge.condition === undefined ? undefined : 'if…');
        return {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: 'smoothstep',
          animated: taken && overlay.current.includes(edge.target),
          markerEnd: {
            type: MarkerType.ArrowClosed,
            width: 18,
            height: 18,
            color: taken ? '#3b5bdb' : '#8790a0',
          },
          ...(text === undefined ? {} : { label: text }),
          ...(lit ? { className: taken ? 'rb-edge--taken' : 'rb-edge--off' } : {}),
          data: { taken },
        };
      }),
    [graph.edges, overlay, lit],
  );

  const onNodeClick: NodeMouseHandler<PathFlowNode> = (_event, node) => onSelect?.(node.id);
  const context = useMemo(() => ({ overlay, selected }), [overlay, selected]);

  return (
    <section className="rb-canvas rb-path" aria-label={label} data-testid="path-canvas">
      <PathOverlayContext.Provider value={context}>
        <ReadOnlyFlow<PathFlowNode>
          signature={signature}
          nodes={nodes}
          edges={edges}
          nodeTypes={PATH_NODE_TYPES}
          onNodeClick={onNodeClick}
        />
      </PathOverlayContext.Provider>
      {lit && (
        <ul className="rb-path-legend" aria-label="Legend">
          {LEGEND.map((status) => (
            <li key={status} className={`rb-path-legend__item rb-path-legend__item--${status}`}>
              <span aria-hidden="true">{PATH_STATUS_LABELS[status].icon}</span>{' '}
              {PATH_STATUS_LABELS[status].label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
