import type { EditorNode } from '@baton/rule-builder-core';
import { triggerKindLabel } from '../model/labels';

/** What a node is called on the canvas and in the panel. */
export function nodeLabels(
  node: EditorNode,
  stepTitles: ReadonlyMap<string, string>,
): { kindLabel: string; title: string } {
  if (node.kind === 'trigger') {
    return { kindLabel: triggerKindLabel(node.data), title: node.id };
  }
  const kindLabel = stepTitles.get(node.data.stepType) ?? node.data.stepType;
  return { kindLabel, title: node.data.title ?? kindLabel };
}
