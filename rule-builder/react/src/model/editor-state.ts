import type { EditorEdge, EditorGraph, StepNodeData, TriggerNodeData } from '@baton/rule-builder-core';
import type { Position } from '@baton/contracts';
import { assertNever } from './assert-never';
import { copySelection, pasteSelection, type ClipboardPayload } from './clipboard';
import type { EditorNotice } from './errors';
import {
  addStep,
  addTrigger,
  connect,
  moveNodes,
  removeElements,
  renameNode,
  updateEdge,
  updateStep,
  updateTrigger,
} from './graph-edits';
import * as history from './history';
import { layoutPositions, type LayoutOptions } from './layout';

/** What is selected on the canvas. */
export interface Selection {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/**
 * Everything the editor holds, free of React: the graph with its undo history, the selection and
 * the last refusal to show. Change it only through {@link editorReducer}.
 */
export interface EditorState {
  readonly history: history.History<EditorGraph>;
  readonly selection: Selection;
  readonly notice: EditorNotice | null;
}

/** Every change the editor can make. Each one that changes the graph is one undo step. */
export type EditorAction =
  | { readonly type: 'reset'; readonly graph: EditorGraph }
  | { readonly type: 'add-step'; readonly data: StepNodeData; readonly position?: Position }
  | { readonly type: 'add-trigger'; readonly data: TriggerNodeData; readonly position?: Position }
  | { readonly type: 'connect'; readonly source: string; readonly target: string }
  | { readonly type: 'delete'; readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[] }
  | { readonly type: 'delete-selection' }
  /** `transient` while dragging (not recorded); the drag's end records the whole move as one step. */
  | { readonly type: 'move'; readonly positions: ReadonlyMap<string, Position>; readonly transient: boolean }
  | { readonly type: 'end-move' }
  | {
      readonly type: 'update-step';
      readonly nodeId: string;
      readonly patch: Partial<StepNodeData>;
      /** Edits with the same key in a row (keystrokes in one field) undo together. */
      readonly coalesceKey?: string;
    }
  | {
      readonly type: 'update-trigger';
      readonly nodeId: string;
      readonly patch: Partial<TriggerNodeData>;
      readonly coalesceKey?: string;
    }
  | {
      readonly type: 'update-edge';
      readonly edgeId: string;
      readonly patch: Partial<Pick<EditorEdge, 'label' | 'condition'>>;
      readonly coalesceKey?: string;
    }
  | { readonly type: 'rename-node'; readonly from: string; readonly to: string }
  | { readonly type: 'rename-workflow'; readonly name: string }
  | { readonly type: 'select'; readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[] }
  /** Canvas clicks report (de)selections one element at a time, nodes and arrows separately. */
  | {
      readonly type: 'change-selection';
      readonly nodes?: readonly SelectionChange[];
      readonly edges?: readonly SelectionChange[];
    }
  | { readonly type: 'paste'; readonly payload: ClipboardPayload; readonly offset?: Position }
  | { readonly type: 'auto-layout'; readonly options?: LayoutOptions }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'notice'; readonly notice: EditorNotice | null };

export interface SelectionChange {
  readonly id: string;
  readonly selected: boolean;
}

const NO_SELECTION: Selection = { nodeIds: [], edgeIds: [] };

export function createEditorState(graph: EditorGraph): EditorState {
  return { history: history.createHistory(graph), selection: NO_SELECTION, notice: null };
}

/** The graph on the canvas now. */
export function currentGraph(state: EditorState): EditorGraph {
  return state.history.present;
}

export function canUndo(state: EditorState): boolean {
  return history.canUndo(state.history);
}

export function canRedo(state: EditorState): boolean {
  return history.canRedo(state.history);
}

/** The clipboard payload for the selected nodes, or undefined when none is selected. */
export function copyFromState(state: EditorState): ClipboardPayload | undefined {
  return copySelection(currentGraph(state), state.selection.nodeIds);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const graph = currentGraph(state);
  switch (action.type) {
    case 'reset':
      return createEditorState(action.graph);
    case 'add-step': {
      const added = addStep(graph, action.data, action.position);
      return change(state, added.graph, { nodeIds: [added.id], edgeIds: [] });
    }
    case 'add-trigger': {
      const added = addTrigger(graph, action.data, action.position);
      return change(state, added.graph, { nodeIds: [added.id], edgeIds: [] });
    }
    case 'connect': {
      const result = connect(graph, action.source, action.target);
      if ('notice' in result) return { ...state, notice: result.notice };
      return change(state, result.graph, { nodeIds: [], edgeIds: [result.id] });
    }
    case 'delete':
      return change(state, removeElements(graph, action.nodeIds, action.edgeIds), NO_SELECTION);
    case 'delete-selection':
      return change(
        state,
        removeElements(graph, state.selection.nodeIds, state.selection.edgeIds),
        NO_SELECTION,
      );
    case 'move': {
      const moved = moveNodes(graph, action.positions);
      const next = action.transient
        ? history.preview(state.history, moved)
        : history.commit(state.history, moved);
      return { ...state, history: next };
    }
    case 'end-move':
      return { ...state, history: history.commit(state.history, graph) };
    case 'update-step':
      return change(
        state,
        updateStep(graph, action.nodeId, action.patch),
        state.selection,
        action.coalesceKey,
      );
    case 'update-trigger':
      return change(
        state,
        updateTrigger(graph, action.nodeId, action.patch),
        state.selection,
        action.coalesceKey,
      );
    case 'update-edge':
      return change(
        state,
        updateEdge(graph, action.edgeId, action.patch),
        state.selection,
        action.coalesceKey,
      );
    case 'rename-node': {
      const renamed = renameNode(graph, action.from, action.to);
      const selection = {
        nodeIds: state.selection.nodeIds.map((id) => (id === action.from ? action.to : id)),
        edgeIds: state.selection.edgeIds,
      };
      return change(state, renamed, renamed === graph ? state.selection : selection);
    }
    case 'rename-workflow':
      return change(
        state,
        { ...graph, workflow: { ...graph.workflow, name: action.name } },
        state.selection,
        'workflow-name',
      );
    case 'select':
      return { ...state, selection: { nodeIds: action.nodeIds, edgeIds: action.edgeIds } };
    case 'change-selection':
      return {
        ...state,
        selection: {
          nodeIds: applySelection(state.selection.nodeIds, action.nodes),
          edgeIds: applySelection(state.selection.edgeIds, action.edges),
        },
      };
    case 'paste': {
      const pasted = pasteSelection(graph, action.payload, action.offset);
      return change(state, pasted.graph, { nodeIds: pasted.nodeIds, edgeIds: pasted.edgeIds });
    }
    case 'auto-layout':
      return change(state, moveNodes(graph, layoutPositions(graph, action.options)), state.selection);
    case 'undo':
      return settled({ ...state, history: history.undo(state.history) });
    case 'redo':
      return settled({ ...state, history: history.redo(state.history) });
    case 'notice':
      return { ...state, notice: action.notice };
    default:
      return assertNever(action);
  }
}

function change(
  state: EditorState,
  next: EditorGraph,
  selection: Selection,
  coalesceKey?: string,
): EditorState {
  return { history: history.commit(state.history, next, coalesceKey), selection, notice: null };
}

// After undo/redo the selection may name nodes that no longer exist.
function settled(state: EditorState): EditorState {
  const graph = currentGraph(state);
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  return {
    ...state,
    notice: null,
    selection: {
      nodeIds: state.selection.nodeIds.filter((id) => nodes.has(id)),
      edgeIds: state.selection.edgeIds.filter((id) => edges.has(id)),
    },
  };
}

function applySelection(ids: readonly string[], changes: readonly SelectionChange[] = []): readonly string[] {
  if (changes.length === 0) return ids;
  const next = new Set(ids);
  for (const { id, selected } of changes) {
    if (selected) next.add(id);
    else next.delete(id);
  }
  return [...next];
}
