import type { DefinitionDiff } from '@baton/rule-builder-core';

export type DiffMark = 'added' | 'removed' | 'changed';

/** How each trigger, step and arrow fared in a diff; anything not listed is unchanged. */
export interface DiffMarks {
  readonly nodes: ReadonlyMap<string, DiffMark>;
  readonly edges: ReadonlyMap<string, DiffMark>;
}

export function diffMarks(diff: DefinitionDiff | undefined): DiffMarks {
  if (diff === undefined) return { nodes: new Map(), edges: new Map() };
  return {
    nodes: new Map([...diff.triggers, ...diff.steps].map((e) => [e.id, e.change])),
    edges: new Map(diff.transitions.map((e) => [e.id, e.change])),
  };
}
