import { MarkerType, type Edge, type NodeTypes } from '@xyflow/react';
import type { WorkflowDefinition } from '@baton/contracts';
import { definitionToGraph, type DefinitionDiff, type EditorGraph } from '@baton/rule-builder-core';
import { useMemo } from 'react';
import { diffMarks, type DiffMark, type DiffMarks } from '../model/diff-marks';
import type { StepTypeInfo } from '../model/step-types';
import { DiffNode, type DiffFlowNode } from './DiffNode';
import { nodeLabels } from './node-labels';
import { ReadOnlyFlow } from './ReadOnlyFlow';
import '@xyflow/react/dist/style.css';
import '../styles/editor.css';
import '../styles/diff.css';

// At module scope: a new object per render would make React Flow re-mount every node.
const DIFF_NODE_TYPES: NodeTypes = { diff: DiffNode };
const ARROW_COLORS: Readonly<Record<DiffMark | 'same', string>> = {
  added: '#2f855a',
  removed: '#c0334d',
  changed: '#b7791f',
  same: '#8790a0',
};

export interface VersionDiffCanvasProps {
  /** The version being looked at. */
  readonly definition: WorkflowDefinition;
  /** The version it is compared with: what it had and `definition` lacks is drawn faded, where it was. */
  readonly base?: WorkflowDefinition;
  /** `diffDefinitions(base, definition)`, or the API's diff of the same two versions. */
  readonly diff?: DefinitionDiff;
  readonly stepTypes: readonly StepTypeInfo[];
}

function flowNodes(
  graph: EditorGraph,
  marks: DiffMarks,
  titles: ReadonlyMap<string, string>,
  removed: boolean,
) {
  return graph.nodes.flatMap((node): DiffFlowNode[] => {
    const mark = marks.nodes.get(node.id);
    if (removed !== (mark === 'removed')) return [];
    const { kindLabel, title } = nodeLabels(node, titles);
    return [
      {
        id: node.id,
        type: 'diff',
        position: node.position,
        draggable: false,
        connectable: false,
        data: {
          nodeKind: node.kind,
          ...(node.kind === 'step' ? { stepType: node.data.stepType } : {}),
          kindLabel,
          title,
          ...(mark === undefined ? {} : { mark }),
        },
      },
    ];
  });
}

function flowEdges(graph: EditorGraph, marks: DiffMarks, removed: boolean): Edge[] {
  return graph.edges.flatMap((edge): Edge[] => {
    const mark = marks.edges.get(edge.id);
    if (removed !== (mark === 'removed')) return [];
    const label = edge.label ?? (edge.condition === undefined ? undefined : 'if…');
    return [
      {
        id: `${removed ? 'removed:' : ''}${edge.id}`,
        source: edge.source,
        target: edge.target,
        type: 'smoothstep',
        markerEnd: {
          type: MarkerType.ArrowClosed,
          width: 18,
          height: 18,
          color: ARROW_COLORS[mark ?? 'same'],
        },
        ...(label === undefined ? {} : { label }),
        ...(mark === undefined ? {} : { className: `rb-edge--diff-${mark}` }),
        data: { mark: mark ?? 'unchanged' },
      },
    ];
  });
}

/**
 * A read-only canvas of one workflow version with what changed since `base` marked: added steps
 * and arrows green, changed ones amber, removed ones faded red where they used to be.
 */
export function VersionDiffCanvas({ definition, base, diff, stepTypes }: VersionDiffCanvasProps) {
  const titles = useMemo(() => new Map(stepTypes.map((t) => [t.type, t.title])), [stepTypes]);
  const { nodes, edges, signature } = useMemo(() => {
    const marks = diffMarks(diff);
    const shown = definitionToGraph(definition);
    const old = base === undefined ? undefined : definitionToGraph(base);
    const nodes = [
      ...flowNodes(shown, marks, titles, false),
      ...(old ? flowNodes(old, marks, titles, true) : []),
    ];
    const drawn = new Set(nodes.map((n) => n.id));
    const edges = [...flowEdges(shown, marks, false), ...(old ? flowEdges(old, marks, true) : [])].filter(
      (e) => drawn.has(e.source) && drawn.has(e.target),
    );
    // React Flow keeps the nodes it was first given; a new signature gives it fresh ones, fitted.
    const signature = JSON.stringify([
      nodes.map((n) => [n.id, n.position, n.data]),
      edges.map((e) => [e.id, e.source, e.target, e.label, e.className]),
    ]);
    return { nodes, edges, signature };
  }, [definition, base, diff, titles]);

  return (
    <section className="rb-canvas rb-diff" aria-label="Version canvas" data-testid="version-canvas">
      <ReadOnlyFlow<DiffFlowNode>
        signature={signature}
        nodes={nodes}
        edges={edges}
        nodeTypes={DIFF_NODE_TYPES}
      />
      {diff !== undefined && (
        <ul className="rb-diff-legend" aria-label="Legend">
          <li className="rb-diff-legend__item rb-diff-legend__item--added">Added</li>
          <li className="rb-diff-legend__item rb-diff-legend__item--changed">Changed</li>
          <li className="rb-diff-legend__item rb-diff-legend__item--removed">Removed</li>
        </ul>
      )}
    </section>
  );
}
