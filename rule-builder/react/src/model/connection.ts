import type { EditorGraph, EditorNode } from '@baton/rule-builder-core';
import type { EditorNotice } from './errors';

/** Whether an arrow from `source` to `target` may be drawn; `notice` says why not. */
export type ConnectionCheck = { readonly ok: true } | { readonly ok: false; readonly notice: EditorNotice };

/**
 * Refuses, while the user is still dragging, the arrows the compiler would reject anyway (into a
 * trigger, out of an `end` step) and the ones that can only be slips (to itself, a second identical
 * arrow). Everything else, loops included, is left to validation, which explains it on the canvas.
 */
export function checkConnection(graph: EditorGraph, source: string, target: string): ConnectionCheck {
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (from === undefined || to === undefined) {
    return refuse('UNKNOWN_ENDPOINT', 'An arrow must join two nodes on the canvas.');
  }
  if (source === target) return refuse('SELF_CONNECTION', 'A step cannot lead to itself.');
  if (to.kind === 'trigger') return refuse('INTO_TRIGGER', 'Arrows cannot lead into a trigger.');
  if (from.kind === 'step' && from.data.stepType === 'end') {
    return refuse('FROM_END_STEP', 'An end step finishes the run: nothing can follow it.');
  }
  if (graph.edges.some((e) => e.source === source && e.target === target)) {
    return refuse('DUPLICATE_CONNECTION', 'These two nodes are already connected.');
  }
  return { ok: true };
}

/**
 * Every node {@link checkConnection} lets an arrow from `source` go to, in canvas order, found in
 * one pass over the graph rather than one check per node (which is quadratic on large workflows).
 */
export function connectableTargets(graph: EditorGraph, source: string): EditorNode[] {
  const from = graph.nodes.find((n) => n.id === source);
  if (from === undefined || (from.kind === 'step' && from.data.stepType === 'end')) return [];
  const linked = new Set(graph.edges.filter((e) => e.source === source).map((e) => e.target));
  return graph.nodes.filter((n) => n.id !== source && n.kind !== 'trigger' && !linked.has(n.id));
}

function refuse(code: EditorNotice['code'], message: string): ConnectionCheck {
  return { ok: false, notice: { code, message } };
}
