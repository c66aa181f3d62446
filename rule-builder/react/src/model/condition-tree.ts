import { operatorById, readRule, type OperatorId } from './condition-operators';

/** A condition the builder shows as rows: a comparison of one field. */
export interface ConditionRule {
  readonly kind: 'rule';
  readonly id: string;
  /** The `var` path, e.g. `lead.score` or `steps.assign.ownerId`. */
  readonly field: string;
  readonly operator: OperatorId;
  readonly value: unknown;
}

/** A part the builder cannot show as a rule; kept exactly as written and edited as JSON. */
export interface ConditionRaw {
  readonly kind: 'raw';
  readonly id: string;
  readonly logic: unknown;
}

/** All (`and`) or any (`or`) of its children, drawn as a box. */
export interface ConditionGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly combinator: 'and' | 'or';
  readonly children: readonly ConditionNode[];
}

export type ConditionNode = ConditionRule | ConditionRaw | ConditionGroup;

/**
 * A condition as the builder edits it. `bare`: the condition was (or is) a single test, not an
 * and/or, so a root with one child is written as that child alone and reads back the same.
 */
export interface ConditionTree {
  readonly root: ConditionGroup;
  readonly bare: boolean;
}

function combinatorOf(logic: unknown): { combinator: 'and' | 'or'; args: readonly unknown[] } | null {
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1 || (keys[0] !== 'and' && keys[0] !== 'or')) return null;
  const args = (logic as Record<string, unknown>)[keys[0]];
  // `{"and": x}` (no array) and `{"and": []}` mean something else than a box of rows would write.
  return Array.isArray(args) && args.length > 0 ? { combinator: keys[0], args } : null;
}

/**
 * Reads JSON Logic into a tree. Exactly the forms the builder writes become groups and rules;
 * every other part becomes a raw node holding it unchanged, so `conditionToLogic(parseCondition(x))`
 * deep-equals `x` for every `x`.
 */
export function parseCondition(logic: unknown): ConditionTree {
  let counter = 0;
  const id = () => `c${++counter}`;
  const node = (part: unknown): ConditionNode => {
    const group = combinatorOf(part);
    if (group !== null) {
      return { kind: 'group', id: id(), combinator: group.combinator, children: group.args.map(node) };
    }
    const rule = readRule(part);
    if (rule !== null) {
      return { kind: 'rule', id: id(), field: rule.path, operator: rule.operator, value: rule.value };
    }
    return { kind: 'raw', id: id(), logic: part };
  };
  if (logic === undefined) {
    return { root: { kind: 'group', id: id(), combinator: 'and', children: [] }, bare: true };
  }
  const root = combinatorOf(logic);
  if (root !== null) {
    return {
      root: { kind: 'group', id: id(), combinator: root.combinator, children: root.args.map(node) },
      bare: false,
    };
  }
  const rootId = id();
  return { root: { kind: 'group', id: rootId, combinator: 'and', children: [node(logic)] }, bare: true };
}

/** The JSON Logic a node writes. */
export function nodeToLogic(node: ConditionNode): unknown {
  switch (node.kind) {
    case 'rule':
      return operatorById(node.operator).emit(node.field, node.value);
    case 'raw':
      return node.logic;
    case 'group':
      return { [node.combinator]: node.children.map(nodeToLogic) };
  }
}

/** The tree as JSON Logic; `undefined` (no condition) when it holds nothing. */
export function conditionToLogic(tree: ConditionTree): unknown {
  const { root } = tree;
  if (root.children.length === 0) return undefined;
  if (tree.bare && root.children.length === 1) return nodeToLogic(root.children[0]!);
  return nodeToLogic(root);
}

/**
 * Where each node's logic sits in {@link conditionToLogic}'s output, as a JSON Pointer ("" is the
 * whole condition), to put a validator issue beside the row it is about.
 */
export function nodePointers(tree: ConditionTree): Map<string, string> {
  const pointers = new Map<string, string>();
  const visit = (node: ConditionNode, at: string) => {
    pointers.set(node.id, at);
    if (node.kind === 'group')
      node.children.forEach((child, i) => visit(child, `${at}/${node.combinator}/${i}`));
  };
  const { root } = tree;
  if (tree.bare && root.children.length === 1) {
    pointers.set(root.id, '');
    visit(root.children[0]!, '');
  } else {
    visit(root, '');
  }
  return pointers;
}
