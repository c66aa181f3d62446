import { describe, expect, it } from '@jest/globals';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';
import {
  canRedo,
  canUndo,
  copyFromState,
  createEditorState,
  currentGraph,
  editorReducer,
  type EditorAction,
  type EditorState,
} from './editor-state';

const start = graphOf([leadCreated(), taskStep('call')], [edgeOf('lead_created', 'call')]);

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

const addTask: EditorAction = {
  type: 'add-step',
  data: { stepType: 'create_task', config: { priority: 'normal' } },
};

describe('editorReducer', () => {
  it('adds a step with a fresh id below the others and selects it', () => {
    const state = run(createEditorState(start), addTask);
    const added = currentGraph(state).nodes.at(-1)!;
    expect(added.id).toBe('create_task');
    expect(added.position.y).toBeGreaterThan(160);
    expect(state.selection).toEqual({ nodeIds: ['create_task'], edgeIds: [] });
  });

  it('undoes and redoes add, connect and delete one step at a time', () => {
    const added = run(createEditorState(start), addTask);
    const connected = run(added, { type: 'connect', source: 'call', target: 'create_task' });
    const deleted = run(
      connected,
      { type: 'select', nodeIds: ['call'], edgeIds: [] },
      { type: 'delete-selection' },
    );
    expect(currentGraph(deleted).nodes.map((n) => n.id)).toEqual(['lead_created', 'create_task']);
    expect(currentGraph(deleted).edges).toEqual([]);

    const back1 = run(deleted, { type: 'undo' });
    expect(currentGraph(back1)).toBe(currentGraph(connected));
    const back2 = run(back1, { type: 'undo' });
    expect(currentGraph(back2)).toBe(currentGraph(added));
    const back3 = run(back2, { type: 'undo' });
    expect(currentGraph(back3)).toBe(start);
    expect(canUndo(back3)).toBe(false);

    const forward = run(back3, { type: 'redo' }, { type: 'redo' }, { type: 'redo' });
    expect(currentGraph(forward)).toBe(currentGraph(deleted));
    expect(canRedo(forward)).toBe(false);
  });

  it('drops selected ids that an undo removed', () => {
    const added = run(createEditorState(start), addTask);
    expect(run(added, { type: 'undo' }).selection.nodeIds).toEqual([]);
  });

  it('refuses a connection into a trigger with a notice and records nothing', () => {
    const state = run(createEditorState(start), { type: 'connect', source: 'call', target: 'lead_created' });
    expect(state.notice?.code).toBe('INTO_TRIGGER');
    expect(currentGraph(state)).toBe(start);
    expect(canUndo(state)).toBe(false);
  });

  it('records a drag as one undo step however many frames it took', () => {
    let state = createEditorState(start);
    for (let x = 1; x <= 5; x++) {
      state = run(state, { type: 'move', positions: new Map([['call', { x, y: 160 }]]), transient: true });
    }
    state = run(state, { type: 'end-move' });
    expect(currentGraph(state).nodes[1]!.position).toEqual({ x: 5, y: 160 });
    const undone = run(state, { type: 'undo' });
    expect(currentGraph(undone)).toBe(start);
  });

  it('undoes typing in one field as a single step', () => {
    let state = createEditorState(start);
    for (const title of ['C', 'Ca', 'Call me']) {
      state = run(state, {
        type: 'update-step',
        nodeId: 'call',
        patch: { config: { title } },
        coalesceKey: 'call:title',
      });
    }
    expect(currentGraph(run(state, { type: 'undo' }))).toBe(start);
  });

  it('copies the selection and pastes it with fresh ids, selecting the copy; undo removes it', () => {
    const selected = run(createEditorState(start), {
      type: 'select',
      nodeIds: ['lead_created', 'call'],
      edgeIds: [],
    });
    const payload = copyFromState(selected)!;
    const pasted = run(selected, { type: 'paste', payload });
    expect(pasted.selection).toEqual({
      nodeIds: ['lead_created_2', 'call_2'],
      edgeIds: ['lead_created_to_call_2'],
    });
    expect(currentGraph(pasted).edges.at(-1)).toMatchObject({ source: 'lead_created_2', target: 'call_2' });
    expect(currentGraph(run(pasted, { type: 'undo' }))).toBe(start);
  });

  it('renames a node everywhere it is referenced', () => {
    const state = run(
      createEditorState(start),
      { type: 'select', nodeIds: ['call'], edgeIds: [] },
      { type: 'rename-node', from: 'call', to: 'call_lead' },
    );
    expect(currentGraph(state).edges[0]).toMatchObject({ target: 'call_lead' });
    expect(state.selection.nodeIds).toEqual(['call_lead']);
  });

  it('lays the graph out top to bottom with dagre', () => {
    const messy = graphOf(
      [leadCreated('lead_created', 500, 900), taskStep('call', -300, -50)],
      [edgeOf('lead_created', 'call')],
    );
    const tidy = currentGraph(run(createEditorState(messy), { type: 'auto-layout' }));
    const [trigger, step] = tidy.nodes;
    expect(step!.position.y).toBeGreaterThan(trigger!.position.y);
    expect(step!.position.x).toBe(trigger!.position.x);
  });
});
