import type { EditorNode } from '@baton/rule-builder-core';
import { triggerLabel } from '../model/labels';

/** What a node is called on the canvas and in the panel. */
export function nodeLabels(
  node: EditorNode,
  stepTitles: ReadonlyMap<string, string>,
): { kindLabel: string; title: string } {
  if (node.kind === 'trigger') {
    return { kindLabel: triggerLabel(node.data.entity, node.data.event), title: node.id };
  }
  const kindLabel = stepTitles.get(node.data.stepType) ?? node.data.stepType;
  return { kindLabel, title: node.data.title ?? kindLabel };
}
