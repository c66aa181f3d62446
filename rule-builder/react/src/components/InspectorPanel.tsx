import type { EditorGraph } from '@baton/rule-builder-core';
import { useId, type Dispatch } from 'react';
import { entitiesReaching } from '../model/condition-fields';
import type { Problem, ProblemMap } from '../model/diagnostics';
import type { EditorAction, Selection } from '../model/editor-state';
import type { StepTypeInfo } from '../model/step-types';
import { EdgeInspector } from './EdgeInspector';
import { ProblemList } from './ProblemList';
import { StepInspector } from './StepInspector';
import { TriggerInspector } from './TriggerInspector';

export interface InspectorPanelProps {
  readonly graph: EditorGraph;
  readonly selection: Selection;
  readonly stepTypes: ReadonlyMap<string, StepTypeInfo>;
  readonly problems: ProblemMap;
  readonly checking: boolean;
  readonly validated: boolean;
  readonly dispatch: Dispatch<EditorAction>;
  /** A webhook trigger's full URL, when the page knows it (see `WorkflowEditorProps.hookUrl`). */
  readonly hookUrl?: (triggerId: string) => string | undefined;
}

/** The side panel: settings of what is selected (or of the workflow), then every problem. */
export function InspectorPanel({
  graph,
  selection,
  stepTypes,
  problems,
  checking,
  validated,
  dispatch,
  hookUrl,
}: InspectorPanelProps) {
  const show = (problem: Problem) =>
    dispatch({
      type: 'select',
      nodeIds: problem.nodeId === undefined ? [] : [problem.nodeId],
      edgeIds: problem.nodeId === undefined && problem.edgeId !== undefined ? [problem.edgeId] : [],
    });
  return (
    <aside className="rb-panel" aria-label="Settings and problems" data-testid="inspector">
      <Selected
        graph={graph}
        selection={selection}
        stepTypes={stepTypes}
        problems={problems}
        dispatch={dispatch}
        {...(hookUrl === undefined ? {} : { hookUrl })}
      />
      <ProblemList problems={problems} checking={checking} validated={validated} onShow={show} />
    </aside>
  );
}

function Selected({
  graph,
  selection,
  stepTypes,
  problems,
  dispatch,
  hookUrl,
}: Omit<InspectorPanelProps, 'checking' | 'validated'>) {
  const count = selection.nodeIds.length + selection.edgeIds.length;
  if (count > 1) {
    return (
      <div className="rb-inspector">
        <h3 className="rb-panel__heading">{count} items selected</h3>
        <p className="rb-muted">Copy them with Ctrl+C, or delete them all.</p>
        <button
          type="button"
          className="rb-button rb-button--danger"
          onClick={() => dispatch({ type: 'delete-selection' })}
        >
          Delete selection
        </button>
      </div>
    );
  }
  const nodeId = selection.nodeIds[0];
  const node = nodeId === undefined ? undefined : graph.nodes.find((n) => n.id === nodeId);
  if (node?.kind === 'step') {
    return (
      <StepInspector
        key={node.id}
        graph={graph}
        node={node}
        stepType={stepTypes.get(node.data.stepType)}
        problems={problems.byNode.get(node.id) ?? []}
        dispatch={dispatch}
      />
    );
  }
  if (node?.kind === 'trigger') {
    const url = hookUrl?.(node.id);
    return (
      <TriggerInspector
        key={node.id}
        graph={graph}
        node={node}
        problems={problems.byNode.get(node.id) ?? []}
        dispatch={dispatch}
        {...(url === undefined ? {} : { hookUrl: url })}
      />
    );
  }
  const edgeId = selection.edgeIds[0];
  const edge = edgeId === undefined ? undefined : graph.edges.find((e) => e.id === edgeId);
  if (edge !== undefined) {
    return (
      <EdgeInspector
        key={edge.id}
        edge={edge}
        entities={entitiesReaching(graph, edge.source)}
        problems={problems.byEdge.get(edge.id) ?? []}
        dispatch={dispatch}
      />
    );
  }
  return <WorkflowSettings graph={graph} dispatch={dispatch} />;
}

function WorkflowSettings({ graph, dispatch }: { graph: EditorGraph; dispatch: Dispatch<EditorAction> }) {
  const nameId = useId();
  return (
    <div className="rb-inspector" data-testid="workflow-settings">
      <h3 className="rb-panel__heading">Workflow</h3>
      <div className="rb-field">
        <label className="rb-label" htmlFor={nameId}>
          Name
        </label>
        <input
          id={nameId}
          className="rb-input"
          value={graph.workflow.name}
          maxLength={200}
          onChange={(e) => dispatch({ type: 'rename-workflow', name: e.target.value })}
        />
      </div>
      <p className="rb-muted">
        Key <code>{graph.workflow.key}</code> · {graph.nodes.length}{' '}
        {graph.nodes.length === 1 ? 'node' : 'nodes'}, {graph.edges.length}{' '}
        {graph.edges.length === 1 ? 'arrow' : 'arrows'}
      </p>
      <p className="rb-muted">
        {graph.nodes.length === 0
          ? 'Start with a trigger from the palette, then add the steps that follow it.'
          : 'Select a node or an arrow to edit it. Drag from the dot under a node to the one above another to connect them.'}
      </p>
    </div>
  );
}
