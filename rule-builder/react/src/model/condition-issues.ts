import { conditionSchemaFor, type EntityType } from '@baton/contracts';
import { validateRule, type RuleIssue } from '@baton/rules';
import { conditionToLogic, nodePointers, type ConditionTree } from './condition-tree';

/** What the rule validator says about a condition, sorted onto the rows it is about. */
export interface ConditionIssues {
  /** Messages per node id: the deepest node whose part of the condition the issue points into. */
  readonly byNode: ReadonlyMap<string, readonly string[]>;
  /** Every issue, for a summary. */
  readonly all: readonly RuleIssue[];
}

/**
 * Validates the tree's JSON Logic against the data runs started by an `entity` trigger see
 * (unknown fields, type mismatches, unknown operators) and puts each issue on its row.
 */
export function conditionIssues(tree: ConditionTree, entity: EntityType | undefined): ConditionIssues {
  const logic = conditionToLogic(tree);
  if (logic === undefined) return { byNode: new Map(), all: [] };
  const { errors } = validateRule(logic, entity === undefined ? undefined : conditionSchemaFor(entity));
  // Visit order is outside-in, so among nodes at the same pointer the inner one comes later and wins.
  const pointers = [...nodePointers(tree)];
  const byNode = new Map<string, string[]>();
  for (const issue of errors) {
    let best: [string, string] | undefined;
    for (const entry of pointers) {
      const [, at] = entry;
      const inside = issue.path === at || issue.path.startsWith(`${at}/`) || at === '';
      if (inside && (best === undefined || at.length >= best[1].length)) best = entry;
    }
    const id = best?.[0] ?? tree.root.id;
    byNode.set(id, [...(byNode.get(id) ?? []), issue.message]);
  }
  return { byNode, all: errors };
}
