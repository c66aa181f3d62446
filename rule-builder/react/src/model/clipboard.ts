import type { EditorEdge, EditorGraph, EditorNode } from '@baton/rule-builder-core';
import type { EditorNotice } from './errors';
import { freshId } from './ids';

/** Marks clipboard text as a piece of a Baton canvas, so pasting random text is refused cleanly. */
export const CLIPBOARD_FORMAT = 'baton/editor-selection';

/** What Ctrl+C puts on the clipboard: the selected nodes and the arrows between them. */
export interface ClipboardPayload {
  readonly format: typeof CLIPBOARD_FORMAT;
  readonly version: 1;
  readonly nodes: readonly EditorNode[];
  readonly edges: readonly EditorEdge[];
}

/** Where pasted nodes land relative to the originals, so a copy never hides what it was copied from. */
export const PASTE_OFFSET = { x: 40, y: 40 } as const;

/**
 * The selected nodes and only the arrows with both ends among them; arrows to the rest of the
 * canvas would dangle once pasted. Undefined when no node is selected.
 */
export function copySelection(graph: EditorGraph, nodeIds: Iterable<string>): ClipboardPayload | undefined {
  const selected = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => selected.has(n.id));
  if (nodes.length === 0) return undefined;
  const edges = graph.edges.filter((e) => selected.has(e.source) && selected.has(e.target));
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges };
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** Reads clipboard text back, refusing anything that is not a well-formed payload. */
export function parseClipboard(
  text: string,
):
  | { readonly ok: true; readonly payload: ClipboardPayload }
  | { readonly ok: false; readonly notice: EditorNotice } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid('The clipboard does not hold workflow steps.');
  }
  if (!isRecord(value) || value.format !== CLIPBOARD_FORMAT || value.version !== 1) {
    return invalid('The clipboard does not hold workflow steps.');
  }
  const { nodes, edges } = value;
  if (!Array.isArray(nodes) || !nodes.every(isNode) || !Array.isArray(edges) || !edges.every(isEdge)) {
    return invalid('The copied steps are damaged and cannot be pasted.');
  }
  return { ok: true, payload: { format: CLIPBOARD_FORMAT, version: 1, nodes, edges } };
}

/**
 * Adds a copy of the payload to the graph: every node gets a fresh id (its old id, numbered when
 * taken), arrows between pasted nodes are re-pointed and re-identified, arrows leaving the payload
 * and error paths leading out of it are dropped, and positions move by `offset`.
 */
export function pasteSelection(
  graph: EditorGraph,
  payload: ClipboardPayload,
  offset: { readonly x: number; readonly y: number } = PASTE_OFFSET,
): { graph: EditorGraph; nodeIds: string[]; edgeIds: string[] } {
  const takenNodes = nodeIdSetOf(graph.nodes);
  const renamed = new Map<string, string>();
  for (const node of payload.nodes) {
    const id = freshId(node.id, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
  }

  const nodes = payload.nodes.map((node): EditorNode => {
    const id = renamed.get(node.id)!;
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    if (node.kind === 'trigger') return { ...node, id, position };
    const { onError, ...data } = node.data;
    const errorPath = onError === undefined ? undefined : renamed.get(onError);
    return { ...node, id, position, data: errorPath === undefined ? data : { ...data, onError: errorPath } };
  });

  const takenEdges = nodeIdSetOf(graph.edges);
  const edges: EditorEdge[] = [];
  for (const edge of payload.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const id = freshId(edge.id, takenEdges);
    takenEdges.add(id);
    edges.push({ ...edge, id, source, target });
  }

  return {
    graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
  };
}

function invalid(message: string): { ok: false; notice: EditorNotice } {
  return { ok: false, notice: { code: 'CLIPBOARD_INVALID', message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNode(value: unknown): value is EditorNode {
  if (!isRecord(value) || typeof value.id !== 'string' || !isRecord(value.data)) return false;
  const { position } = value;
  if (!isRecord(position) || !Number.isFinite(position.x) || !Number.isFinite(position.y)) return false;
  if (value.kind === 'trigger') {
    const { entity, event, kind } = value.data;
    return (
      typeof entity === 'string' && (typeof event === 'string' || kind === 'schedule' || kind === 'webhook')
    );
  }
  return value.kind === 'step' && typeof value.data.stepType === 'string' && isRecord(value.data.config);
}

function isEdge(value: unknown): value is EditorEdge {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.source === 'string' &&
    typeof value.target === 'string'
  );
}

function nodeIdSetOf(items: readonly { readonly id: string }[]): Set<string> {
  return new Set(items.map((i) => i.id));
}
