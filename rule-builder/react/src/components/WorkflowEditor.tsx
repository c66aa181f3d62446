import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { EditorGraph } from '@baton/rule-builder-core';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { mapDiagnostics, type EditorValidationReport } from '../model/diagnostics';
import { canRedo, canUndo, createEditorState, currentGraph, editorReducer } from '../model/editor-state';
import { defaultConfig } from '../model/json-schema';
import type { PaletteEntry, StepTypeInfo } from '../model/step-types';
import { ConditionServicesContext, type ConditionServices } from './ConditionServices';
import { EditorToolbar } from './EditorToolbar';
import { InspectorPanel } from './InspectorPanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StepPalette } from './StepPalette';
import { useEditorShortcuts } from './useEditorShortcuts';
import { WorkflowCanvas } from './WorkflowCanvas';
import '@xyflow/react/dist/style.css';
import '../styles/editor.css';

export interface WorkflowEditorProps {
  /** The graph to start from. To load another one, give the editor a new React `key`. */
  readonly initialGraph: EditorGraph;
  /** From `GET /api/activity-types` through `stepTypesFrom`. */
  readonly stepTypes: readonly StepTypeInfo[];
  /** The latest validation of the graph (the caller decides where it comes from). */
  readonly report?: EditorValidationReport;
  /** A validation of a newer graph is under way. */
  readonly checking?: boolean;
  /** Called with every new graph, edits, undo and redo alike. */
  readonly onGraphChange?: (graph: EditorGraph) => void;
  /** Extra toolbar content, e.g. save and publish buttons. */
  readonly actions?: ReactNode;
  /** A webhook trigger's full URL (known once the workflow is saved); without it the URL's pattern shows. */
  readonly hookUrl?: (triggerId: string) => string | undefined;
  /** What the condition builder asks of the page: enumerated field values, testing on a record. */
  readonly conditions?: ConditionServices;
}

/**
 * The visual workflow editor: palette, canvas and settings panel over one undoable graph.
 *
 * @example
 * <WorkflowEditor key={version} initialGraph={definitionToGraph(definition)}
 *   stepTypes={stepTypesFrom(await api('/activity-types'))} report={report} onGraphChange={validate} />
 */
export function WorkflowEditor(props: WorkflowEditorProps) {
  return (
    <ReactFlowProvider>
      <ConditionServicesContext.Provider value={props.conditions ?? NO_SERVICES}>
        <EditorBody {...props} />
      </ConditionServicesContext.Provider>
    </ReactFlowProvider>
  );
}

const NO_SERVICES: ConditionServices = {};

function EditorBody({
  initialGraph,
  stepTypes,
  report,
  checking = false,
  onGraphChange,
  actions,
  hookUrl,
}: WorkflowEditorProps) {
  const [state, dispatch] = useReducer(editorReducer, initialGraph, createEditorState);
  const [helpOpen, setHelpOpen] = useState(false);
  const graph = currentGraph(state);
  const flow = useReactFlow();

  const byType = useMemo(() => new Map(stepTypes.map((t) => [t.type, t])), [stepTypes]);
  const titles = useMemo(() => new Map(stepTypes.map((t) => [t.type, t.title])), [stepTypes]);
  const problems = useMemo(() => mapDiagnostics(report, graph), [report, graph]);

  const reportChange = useRef(onGraphChange);
  reportChange.current = onGraphChange;
  useEffect(() => reportChange.current?.(graph), [graph]);

  // Keep new nodes in sight; after the next paint, when React Flow has measured them.
  const nodeCount = graph.nodes.length;
  const previousCount = useRef(nodeCount);
  useEffect(() => {
    const grew = nodeCount > previousCount.current;
    previousCount.current = nodeCount;
    if (!grew) return;
    const timer = window.setTimeout(
      () => void flow.fitView({ padding: 0.25, maxZoom: 1, duration: 200 }),
      60,
    );
    return () => window.clearTimeout(timer);
  }, [nodeCount, flow]);

  const { copy, paste } = useEditorShortcuts({
    state,
    dispatch,
    enabled: !helpOpen,
    onHelp: () => setHelpOpen(true),
    onEscape: () => dispatch({ type: 'select', nodeIds: [], edgeIds: [] }),
  });

  const add = useCallback((entry: PaletteEntry) => {
    if (entry.kind === 'trigger') {
      dispatch({ type: 'add-trigger', data: { entity: entry.entity, event: entry.event } });
    } else {
      dispatch({
        type: 'add-step',
        data: { stepType: entry.stepType.type, config: defaultConfig(entry.stepType.configSchema) },
      });
    }
  }, []);

  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useEffect(() => {
    if (!helpOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeHelp();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [helpOpen, closeHelp]);

  const hasSelection = state.selection.nodeIds.length + state.selection.edgeIds.length > 0;

  return (
    <div className="rb-editor" data-testid="workflow-editor">
      <EditorToolbar
        canUndo={canUndo(state)}
        canRedo={canRedo(state)}
        canCopy={state.selection.nodeIds.length > 0}
        canDelete={hasSelection}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onCopy={copy}
        onPaste={paste}
        onDelete={() => dispatch({ type: 'delete-selection' })}
        onLayout={() => {
          dispatch({ type: 'auto-layout' });
          window.setTimeout(() => void flow.fitView({ padding: 0.25, maxZoom: 1, duration: 200 }), 60);
        }}
        onFit={() => void flow.fitView({ padding: 0.25, maxZoom: 1, duration: 200 })}
        onHelp={() => setHelpOpen(true)}
        actions={actions}
      />
      {state.notice && (
        <p className="rb-notice" role="status" data-testid="editor-notice" data-code={state.notice.code}>
          <code>{state.notice.code}</code> {state.notice.message}
          <button
            type="button"
            className="rb-button rb-button--quiet"
            aria-label="Dismiss"
            onClick={() => dispatch({ type: 'notice', notice: null })}
          >
            ×
          </button>
        </p>
      )}
      <div className="rb-editor__body">
        <StepPalette stepTypes={stepTypes} onAdd={add} />
        <WorkflowCanvas
          graph={graph}
          selection={state.selection}
          problems={problems}
          stepTitles={titles}
          dispatch={dispatch}
        />
        <InspectorPanel
          graph={graph}
          selection={state.selection}
          stepTypes={byType}
          problems={problems}
          checking={checking}
          validated={report !== undefined}
          dispatch={dispatch}
          {...(hookUrl === undefined ? {} : { hookUrl })}
        />
      </div>
      {helpOpen && <ShortcutsHelp onClose={closeHelp} />}
    </div>
  );
}
