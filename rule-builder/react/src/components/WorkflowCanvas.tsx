import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import type { EditorGraph } from '@baton/rule-builder-core';
import type { Position } from '@baton/contracts';
import { useCallback, useMemo, useState, type Dispatch } from 'react';
import { checkConnection } from '../model/connection';
import { worstSeverity, type ProblemMap } from '../model/diagnostics';
import type { EditorAction, Selection, SelectionChange } from '../model/editor-state';
import { nodeLabels } from './node-labels';
import type { CanvasEdge, CanvasNode } from './canvas-types';
import { NODE_TYPES } from './node-types';

export interface WorkflowCanvasProps {
  readonly graph: EditorGraph;
  readonly selection: Selection;
  readonly problems: ProblemMap;
  /** Step type → its title, for node labels. */
  readonly stepTitles: ReadonlyMap<string, string>;
  readonly dispatch: Dispatch<EditorAction>;
}

type Size = { readonly width: number; readonly height: number };

const FIT_VIEW = { padding: 0.25, maxZoom: 1 } as const;
const ARROW_HEAD = { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#8790a0' } as const;

// The overview shows where the problems are even when they are scrolled out of sight.
function minimapColor(node: CanvasNode): string {
  const severity = worstSeverity(node.data.problems);
  if (severity === 'error') return '#f2b8c2';
  if (severity === 'warning') return '#f6dfa8';
  return node.type === 'trigger' ? '#c5d0f5' : '#d9dde4';
}

/**
 * The React Flow canvas over an editor graph. React Flow holds nothing of its own: every change it
 * reports becomes an {@link EditorAction}, so undo, validation and saving see one graph.
 */
export function WorkflowCanvas({ graph, selection, problems, stepTitles, dispatch }: WorkflowCanvasProps) {
  // Measured sizes must be handed back to React Flow or it keeps nodes hidden as "not measured".
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());

  const nodes = useMemo((): CanvasNode[] => {
    const selected = new Set(selection.nodeIds);
    return graph.nodes.map((node) => {
      const { kindLabel, title } = nodeLabels(node, stepTitles);
      const nodeProblems = problems.byNode.get(node.id) ?? [];
      const count = nodeProblems.length;
      const measured = sizes.get(node.id);
      return {
        id: node.id,
        type: node.kind,
        position: node.position,
        selected: selected.has(node.id),
        ...(measured === undefined ? {} : { measured }),
        ariaLabel: `${node.kind === 'trigger' ? 'Trigger' : 'Step'} ${node.kind === 'trigger' ? kindLabel : title}${count > 0 ? `, ${count} ${count === 1 ? 'problem' : 'problems'}` : ''}`,
        data: { node, kindLabel, title, problems: nodeProblems },
      };
    });
  }, [graph.nodes, selection.nodeIds, problems, stepTitles, sizes]);

  const edges = useMemo((): CanvasEdge[] => {
    const selected = new Set(selection.edgeIds);
    return graph.edges.map((edge) => {
      const edgeProblems = problems.byEdge.get(edge.id) ?? [];
      const severity = worstSeverity(edgeProblems);
      const text = edge.label ?? (edge.condition === undefined ? undefined : 'if…');
      const warning = edgeProblems[0] === undefined ? undefined : `⚠ ${edgeProblems[0].code}`;
      const label = [text, warning].filter(Boolean).join(' ');
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'smoothstep',
        selected: selected.has(edge.id),
        markerEnd: ARROW_HEAD,
        ariaLabel: `Arrow from ${edge.source} to ${edge.target}${label ? `: ${label}` : ''}`,
        ...(label ? { label } : {}),
        ...(severity === undefined ? {} : { className: `rb-edge--${severity}` }),
        data: { problems: edgeProblems },
      };
    });
  }, [graph.edges, selection.edgeIds, problems]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moved = new Map<string, Position>();
      const measured = new Map<string, Size>();
      const selections: SelectionChange[] = [];
      let dragEnded = false;
      for (const change of changes) {
        switch (change.type) {
          case 'position':
            if (change.position) moved.set(change.id, change.position);
            if (change.dragging === false) dragEnded = true;
            break;
          case 'dimensions':
            if (change.dimensions) measured.set(change.id, change.dimensions);
            break;
          case 'select':
            selections.push({ id: change.id, selected: change.selected });
            break;
          case 'add':
          case 'remove':
          case 'replace':
            // Adding and removing go through the palette, the keyboard and the panel, as actions.
            break;
        }
      }
      if (measured.size > 0) setSizes((previous) => new Map([...previous, ...measured]));
      if (moved.size > 0) dispatch({ type: 'move', positions: moved, transient: !dragEnded });
      else if (dragEnded) dispatch({ type: 'end-move' });
      if (selections.length > 0) dispatch({ type: 'change-selection', nodes: selections });
    },
    [dispatch],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const selections = changes.flatMap((c) =>
        c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [],
      );
      if (selections.length > 0) dispatch({ type: 'change-selection', edges: selections });
    },
    [dispatch],
  );

  const isValidConnection = useCallback(
    (connection: Connection | CanvasEdge) => checkConnection(graph, connection.source, connection.target).ok,
    [graph],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      dispatch({ type: 'connect', source: connection.source, target: connection.target }),
    [dispatch],
  );

  // Say why a dropped arrow was refused instead of letting it silently vanish.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.toNode) return;
      const check = checkConnection(graph, state.fromNode.id, state.toNode.id);
      if (!check.ok) dispatch({ type: 'notice', notice: check.notice });
    },
    [graph, dispatch],
  );

  return (
    <section className="rb-canvas" aria-label="Workflow canvas" data-testid="workflow-canvas">
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
        maxZoom={2}
      >
        <Background gap={20} />
        <Controls fitViewOptions={FIT_VIEW} showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Overview of the whole workflow" nodeColor={minimapColor} />
      </ReactFlow>
    </section>
  );
}
