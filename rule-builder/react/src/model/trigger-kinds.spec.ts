import { describe, expect, it } from '@jest/globals';
import {
  graphToDefinition,
  validateDefinition,
  createStepCatalog,
  CONTROL_STEP_ENTRIES,
} from '@baton/rule-builder-core';
import { edgeOf, graphOf, leadCreated } from '../testing/graphs';
import { copySelection, parseClipboard, serializeClipboard } from './clipboard';
import { createEditorState, currentGraph, editorReducer, type EditorAction } from './editor-state';
import { triggerKindLabel } from './labels';
import { switchTriggerKind } from './trigger-kinds';

const catalog = createStepCatalog(CONTROL_STEP_ENTRIES);
const endStep = {
  id: 'done',
  kind: 'step' as const,
  position: { x: 0, y: 160 },
  data: { stepType: 'end', config: {} },
};
const start = graphOf(
  [
    {
      ...leadCreated(),
      data: { entity: 'lead', event: 'updated', field: 'score', condition: { '>': [1, 0] } },
    },
    endStep,
  ],
  [edgeOf('lead_created', 'done')],
);

function switched(kind: 'record' | 'schedule' | 'webhook', from = start) {
  const trigger = from.nodes[0]!;
  if (trigger.kind !== 'trigger') throw new Error('spec graph starts with its trigger');
  const action: EditorAction = {
    type: 'update-trigger',
    nodeId: trigger.id,
    patch: switchTriggerKind(trigger.data, kind),
  };
  return currentGraph(editorReducer(createEditorState(from), action));
}

describe(switchTriggerKind.name, () => {
  it('turns a record trigger into a valid schedule, keeping entity and condition and dropping record fields', () => {
    const graph = switched('schedule');
    expect(graph.nodes[0]!.data).toEqual({
      kind: 'schedule',
      entity: 'lead',
      cron: '0 8 * * MON-FRI',
      timezone: 'UTC',
      condition: { '>': [1, 0] },
    });
    expect(validateDefinition(graphToDefinition(graph), { catalog }).errors).toEqual([]);
  });

  it('gives a schedule without a condition one that matches nothing, so it is valid and harmless', () => {
    const bare = graphOf([leadCreated(), endStep], [edgeOf('lead_created', 'done')]);
    const node = switched('schedule', bare).nodes[0]!;
    expect(node.kind === 'trigger' && node.data.condition).toEqual({ '==': [{ var: 'lead.id' }, null] });
  });

  it('turns a trigger into a webhook matched by id, and back into a record trigger', () => {
    const hook = switched('webhook');
    expect(hook.nodes[0]!.data).toEqual({
      kind: 'webhook',
      entity: 'lead',
      match: { by: 'id' },
      condition: { '>': [1, 0] },
    });
    expect(validateDefinition(graphToDefinition(hook), { catalog }).errors).toEqual([]);
    expect(switched('record', hook).nodes[0]!.data).toEqual({
      entity: 'lead',
      event: 'created',
      condition: { '>': [1, 0] },
    });
  });

  it('names new trigger nodes after their kind', () => {
    const state = editorReducer(createEditorState(graphOf()), {
      type: 'add-trigger',
      data: { kind: 'webhook', entity: 'case', match: { by: 'id' } },
    });
    expect(currentGraph(state).nodes.map((n) => n.id)).toEqual(['case_webhook']);
  });

  it('copies and pastes schedule and webhook trigger nodes', () => {
    for (const kind of ['schedule', 'webhook'] as const) {
      const payload = copySelection(switched(kind), ['lead_created'])!;
      const parsed = parseClipboard(serializeClipboard(payload));
      expect(parsed.ok && parsed.payload.nodes).toEqual(payload.nodes);
    }
  });
});

describe(triggerKindLabel.name, () => {
  it.each([
    [{ entity: 'lead', event: 'created' }, 'Lead created'],
    [{ entity: 'lead', kind: 'record', event: 'manual' }, 'Run on a lead by hand'],
    [{ entity: 'case', kind: 'schedule' }, 'Case on a schedule'],
    [{ entity: 'lead', kind: 'webhook' }, 'Lead from a webhook'],
  ])('%j reads %p', (trigger, label) => {
    expect(triggerKindLabel(trigger)).toBe(label);
  });
});
