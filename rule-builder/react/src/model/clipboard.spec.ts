import { describe, expect, it } from '@jest/globals';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';
import {
  CLIPBOARD_FORMAT,
  copySelection,
  parseClipboard,
  pasteSelection,
  PASTE_OFFSET,
  serializeClipboard,
} from './clipboard';

const triage = taskStep('triage', 300, 160);
const call = taskStep('call', 0, 160, { onError: 'triage', title: 'Call' });
const followUp = taskStep('follow_up', 0, 320);
const source = graphOf(
  [leadCreated(), call, followUp, triage],
  [edgeOf('lead_created', 'call'), edgeOf('call', 'follow_up'), edgeOf('follow_up', 'triage')],
);

describe('copySelection', () => {
  it('keeps the selected nodes and only the arrows between them', () => {
    const payload = copySelection(source, ['call', 'follow_up'])!;
    expect(payload.nodes.map((n) => n.id)).toEqual(['call', 'follow_up']);
    expect(payload.edges.map((e) => e.id)).toEqual(['call_to_follow_up']);
  });

  it('gives nothing to copy when no node is selected', () => {
    expect(copySelection(source, [])).toBeUndefined();
  });
});

describe('pasteSelection', () => {
  it('re-identifies pasted nodes and the arrows between them, and offsets them', () => {
    const payload = copySelection(source, ['call', 'follow_up'])!;
    const { graph, nodeIds, edgeIds } = pasteSelection(source, payload);

    expect(nodeIds).toEqual(['call_2', 'follow_up_2']);
    expect(edgeIds).toEqual(['call_to_follow_up_2']);
    expect(graph.nodes).toHaveLength(source.nodes.length + 2);
    const pastedCall = graph.nodes.find((n) => n.id === 'call_2')!;
    expect(pastedCall.position).toEqual({ x: PASTE_OFFSET.x, y: 160 + PASTE_OFFSET.y });
    expect(graph.edges.find((e) => e.id === 'call_to_follow_up_2')).toEqual({
      id: 'call_to_follow_up_2',
      source: 'call_2',
      target: 'follow_up_2',
    });
    // The originals are untouched.
    expect(graph.nodes.slice(0, source.nodes.length)).toEqual(source.nodes);
    expect(graph.edges.slice(0, source.edges.length)).toEqual(source.edges);
  });

  it('drops error paths that lead outside the pasted nodes and re-points those inside', () => {
    const outside = pasteSelection(source, copySelection(source, ['call'])!).graph;
    const lone = outside.nodes.find((n) => n.id === 'call_2')!;
    expect(lone.kind === 'step' && lone.data.onError).toBeUndefined();

    const inside = pasteSelection(source, copySelection(source, ['call', 'triage'])!).graph;
    const pair = inside.nodes.find((n) => n.id === 'call_2')!;
    expect(pair.kind === 'step' && pair.data.onError).toBe('triage_2');
  });

  it('numbers again when the same payload is pasted twice', () => {
    const payload = copySelection(source, ['call', 'follow_up'])!;
    const once = pasteSelection(source, payload).graph;
    const twice = pasteSelection(once, payload);
    expect(twice.nodeIds).toEqual(['call_3', 'follow_up_3']);
    expect(twice.edgeIds).toEqual(['call_to_follow_up_3']);
    const ids = twice.graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pastes into another workflow without renaming when the ids are free', () => {
    const payload = copySelection(source, ['call', 'follow_up'])!;
    const { nodeIds } = pasteSelection(graphOf(), payload);
    expect(nodeIds).toEqual(['call', 'follow_up']);
  });
});

describe('parseClipboard', () => {
  it('reads back what was serialized', () => {
    const payload = copySelection(source, ['call', 'follow_up'])!;
    const parsed = parseClipboard(serializeClipboard(payload));
    expect(parsed).toEqual({ ok: true, payload });
  });

  it('refuses text that is not a selection', () => {
    expect(parseClipboard('hello')).toMatchObject({ ok: false, notice: { code: 'CLIPBOARD_INVALID' } });
    expect(parseClipboard('{"format":"other"}')).toMatchObject({ ok: false });
    const damaged = JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, nodes: [{ id: 'x' }], edges: [] });
    expect(parseClipboard(damaged)).toMatchObject({ ok: false, notice: { code: 'CLIPBOARD_INVALID' } });
  });
});
