import { describe, expect, it } from '@jest/globals';
import {
  graphToDefinition,
  validateDefinition,
  createStepCatalog,
  CONTROL_STEP_ENTRIES,
  type EditorGraph,
} from '@baton/rule-builder-core';
import { edgeOf, graphOf, leadCreated } from '../testing/graphs';
import { copySelection, parseClipboard, serializeClipboard } from './clipboard';
import { createEditorState, currentGraph, editorReducer } from './editor-state';
import { triggerKindLabel } from './labels';
import { switchTriggerKind, triggerIdBase } from './trigger-kinds';

const catalog = createStepCatalog(CONTROL_STEP_ENTRIES);
const endStep = {
  id: 'done',
  kind: 'step' as const,
  position: { x: 0, y: 160 },
  data: { stepType: 'end', config: {} },
};

function switched(kind: 'record' | 'campaign', from: EditorGraph): EditorGraph {
  const trigger = from.nodes[0]!;
  if (trigger.kind !== 'trigger') throw new Error('spec graph starts with its trigger');
  return currentGraph(
    editorReducer(createEditorState(from), {
      type: 'update-trigger',
      nodeId: trigger.id,
      patch: switchTriggerKind(trigger.data, kind),
    }),
  );
}

describe('the campaign trigger kind in the editor', () => {
  const start = graphOf(
    [{ ...leadCreated(), data: { entity: 'lead', event: 'updated', field: 'score' } }, endStep],
    [edgeOf('lead_created', 'done')],
  );

  it('turns a trigger into a valid click trigger on contacts, dropping record fields, and back', () => {
    const campaign = switched('campaign', start);
    expect(campaign.nodes[0]!.data).toEqual({ kind: 'campaign', entity: 'contact', event: 'clicked' });
    expect(validateDefinition(graphToDefinition(campaign), { catalog }).errors).toEqual([]);
    expect(switched('record', campaign).nodes[0]!.data).toEqual({ entity: 'contact', event: 'created' });
  });

  it('names new campaign trigger nodes after their event, and labels them', () => {
    const data = { kind: 'campaign', entity: 'contact', event: 'opened' } as const;
    expect(triggerIdBase(data)).toBe('campaign_opened');
    expect(triggerKindLabel(data)).toBe('Campaign email opened');
  });

  it('copies and pastes campaign trigger nodes with their campaign and link filter', () => {
    const graph = graphOf(
      [
        {
          id: 'campaign_clicked',
          kind: 'trigger',
          position: { x: 0, y: 0 },
          data: {
            kind: 'campaign',
            entity: 'contact',
            event: 'clicked',
            campaignId: '7f3c2a9e-2d4b-4c55-9a0e-1b2c3d4e5f60',
            linkContains: '/pricing',
          },
        },
        endStep,
      ],
      [edgeOf('campaign_clicked', 'done')],
    );
    const payload = copySelection(graph, ['campaign_clicked'])!;
    const parsed = parseClipboard(serializeClipboard(payload));
    expect(parsed.ok && parsed.payload.nodes).toEqual(payload.nodes);
  });
});
