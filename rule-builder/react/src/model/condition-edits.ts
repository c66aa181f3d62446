import { fieldAt, type ConditionField } from './condition-fields';
import { defaultValue, operatorById, operatorsFor, valueFits, type OperatorId } from './condition-operators';
import type { ConditionGroup, ConditionNode, ConditionRule, ConditionTree } from './condition-tree';

/** An id no node of the tree has yet. */
export function nextNodeId(tree: ConditionTree): string {
  let max = 0;
  const visit = (node: ConditionNode) => {
    const n = Number(node.id.replace(/^c/, ''));
    if (Number.isInteger(n) && n > max) max = n;
    if (node.kind === 'group') node.children.forEach(visit);
  };
  visit(tree.root);
  return `c${max + 1}`;
}

/** A new rule on the first field the builder offers, with that field's first operator. */
export function newRule(id: string, fields: readonly ConditionField[]): ConditionRule {
  const field = fields.find((f) => f.path.split('.').at(-1) !== 'id') ?? fields[0];
  const path = field?.path ?? '';
  return retarget({ kind: 'rule', id, field: path, operator: 'equals', value: '' }, fieldAt(fields, path));
}

/**
 * The rule on another field: the operator stays when the new field's kind has it (the value too,
 * when its shape still fits), otherwise the kind's first operator with a fresh value.
 */
export function retarget(rule: ConditionRule, field: ConditionField): ConditionRule {
  const offered = operatorsFor(field.kind);
  const kept = offered.find((op) => op.id === rule.operator);
  if (kept !== undefined) {
    const fits = valueFits(rule.value, kept.shape, field);
    return { ...rule, field: field.path, value: fits ? rule.value : defaultValue(kept.shape, field) };
  }
  const first = offered[0] ?? operatorById('equals');
  return { ...rule, field: field.path, operator: first.id, value: defaultValue(first.shape, field) };
}

/** The rule with another operator; the value stays when it has the same shape. */
export function withOperator(
  rule: ConditionRule,
  operator: OperatorId,
  field: ConditionField,
): ConditionRule {
  const shape = operatorById(operator).shape;
  return {
    ...rule,
    operator,
    value: valueFits(rule.value, shape, field) ? rule.value : defaultValue(shape, field),
  };
}

/** The tree with the node `id` replaced by what `change` makes of it. */
export function updateNode(
  tree: ConditionTree,
  id: string,
  change: (node: ConditionNode) => ConditionNode,
): ConditionTree {
  const visit = (node: ConditionNode): ConditionNode => {
    if (node.id === id) return change(node);
    if (node.kind !== 'group') return node;
    return { ...node, children: node.children.map(visit) };
  };
  return { ...tree, root: visit(tree.root) as ConditionGroup };
}

/** The tree without the node `id` (and everything in it). */
export function removeNode(tree: ConditionTree, id: string): ConditionTree {
  const visit = (group: ConditionGroup): ConditionGroup => ({
    ...group,
    children: group.children
      .filter((child) => child.id !== id)
      .map((child) => (child.kind === 'group' ? visit(child) : child)),
  });
  return { ...tree, root: visit(tree.root) };
}

/** The tree with `node` added at the end of the group `groupId`. */
export function appendTo(tree: ConditionTree, groupId: string, node: ConditionNode): ConditionTree {
  return updateNode(tree, groupId, (group) =>
    group.kind === 'group' ? { ...group, children: [...group.children, node] } : group,
  );
}
