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
import type { EditorEdge, EditorGraph } from '@baton/rule-builder-core';
import type { Position } from '@baton/contracts';
import { useCallback, useMemo, useRef, useState, type Dispatch } from 'react';
import { checkConnection } from '../model/connection';
import { worstSeverity, type Problem, type ProblemMap } from '../model/diagnostics';
import type { EditorAction, Selection, SelectionChange } from '../model/editor-state';
import { DEFAULT_NODE_SIZE } from '../model/layout';
import { reuseUnchanged, type Made } from '../model/reuse';
import { RENDER_VISIBLE_ONLY_FROM } from './large-graphs';
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
// One empty list for every element without problems, so "no problems" never reads as a change.
const NO_PROBLEMS: readonly Problem[] = [];

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
  // Elements whose inputs did not change keep their identity: with hundreds of nodes, selecting
  // or measuring one must not re-render them all.
  const madeNodes = useRef<ReadonlyMap<string, Made<CanvasNode>>>(new Map());
  const madeEdges = useRef<ReadonlyMap<string, Made<CanvasEdge>>>(new Map());

  const visibleOnly = graph.nodes.length >= RENDER_VISIBLE_ONLY_FROM;

  const nodes = useMemo((): CanvasNode[] => {
    const selected = new Set(selection.nodeIds);
    // Nodes never drawn are never measured: a size to assume keeps them in the overview and the fit.
    const assumed = visibleOnly
      ? { initialWidth: DEFAULT_NODE_SIZE.width, initialHeight: DEFAULT_NODE_SIZE.height }
      : {};
    const next = new Map<string, Made<CanvasNode>>();
    const made = graph.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const nodeProblems = problems.byNode.get(node.id) ?? NO_PROBLEMS;
      const measured = sizes.get(node.id);
      const inputs = [node, isSelected, nodeProblems, measured, stepTitles, visibleOnly];
      return reuseUnchanged(madeNodes.current, next, node.id, inputs, (): CanvasNode => {
        const { kindLabel, title } = nodeLabels(node, stepTitles);
        const count = nodeProblems.length;
        return {
          id: node.id,
          type: node.kind,
          position: node.position,
          selected: isSelected,
          ...assumed,
          ...(measured === undefined ? {} : { measured }),
          ariaLabel: `${node.kind === 'trigger' ? 'Trigger' : 'Step'} ${node.kind === 'trigger' ? kindLabel : title}${count > 0 ? `, ${count} ${count === 1 ? 'problem' : 'problems'}` : ''}`,
          data: { node, kindLabel, title, problems: nodeProblems },
        };
      });
    });
    madeNodes.current = next;
    return made;
  }, [graph.nodes, selection.nodeIds, problems, stepTitles, sizes, visibleOnly]);

  const edges = useMemo((): CanvasEdge[] => {
    const selected = new Set(selection.edgeIds);
    const next = new Map<string, Made<CanvasEdge>>();
    const made = graph.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const edgeProblems = problems.byEdge.get(edge.id) ?? NO_PROBLEMS;
      return reuseUnchanged(madeEdges.current, next, edge.id, [edge, isSelected, edgeProblems], () =>
        canvasEdge(edge, isSelected, edgeProblems),
      );
    });
    madeEdges.current = next;
    return made;
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
        onlyRenderVisibleElements={visibleOnly}
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

function canvasEdge(edge: EditorEdge, selected: boolean, problems: readonly Problem[]): CanvasEdge {
  const severity = worstSeverity(problems);
  const text = edge.label ?? (edge.condition === undefined ? undefined : 'if…');
  const warning = problems[0] === undefined ? undefined : `⚠ ${problems[0].code}`;
  const label = [text, warning].filter(Boolean).join(' ');
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'smoothstep',
    selected,
    markerEnd: ARROW_HEAD,
    ariaLabel: `Arrow from ${edge.source} to ${edge.target}${label ? `: ${label}` : ''}`,
    ...(label ? { label } : {}),
    ...(severity === undefined ? {} : { className: `rb-edge--${severity}` }),
    data: { problems },
  };
}
