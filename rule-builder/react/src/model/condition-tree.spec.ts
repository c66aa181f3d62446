import { describe, expect, it } from '@jest/globals';
import { conditionFields } from './condition-fields';
import { appendTo, newRule, nextNodeId, removeNode, updateNode } from './condition-edits';
import { conditionIssues } from './condition-issues';
import { conditionToLogic, nodePointers, parseCondition, type ConditionNode } from './condition-tree';

const score = (op: string, n: number) => ({ [op]: [{ var: 'lead.score' }, n] });
const status = { '==': [{ var: 'lead.status' }, 'new'] };

function shape(node: ConditionNode): unknown {
  switch (node.kind) {
    case 'rule':
      return `${node.field} ${node.operator}`;
    case 'raw':
      return 'raw';
    case 'group':
      return { [node.combinator]: node.children.map(shape) };
  }
}

describe(parseCondition.name, () => {
  // Every input must come back exactly as written, whether the builder can show it as rows or not.
  const ROUND_TRIPS: readonly [string, unknown][] = [
    ['a single comparison', score('>=', 50)],
    ['an and of rules', { and: [score('>=', 50), status] }],
    ['an OR group inside an AND group', { and: [score('>', 80), { or: [status, score('<', 10)] }] }],
    ['an and with one rule', { and: [status] }],
    [
      'text operators',
      {
        or: [
          { in: ['Ada', { var: 'lead.name' }] },
          { startsWith: [{ var: 'lead.email' }, 'ceo@'] },
          { endsWith: [{ var: 'lead.email' }, '.io'] },
        ],
      },
    ],
    [
      'lists',
      {
        and: [
          { in_list: [{ var: 'lead.status' }, ['new', 'working']] },
          { '!': { in_list: [{ var: 'lead.source' }, ['web']] } },
        ],
      },
    ],
    ['the standard in with a list', { in: [{ var: 'lead.region' }, ['EMEA', 'Europe']] }],
    ['emptiness', { and: [{ '!': { var: 'lead.phone' } }, { '!!': { var: 'lead.email' } }] }],
    ['a range', { '<=': [10, { var: 'lead.score' }, 90] }],
    [
      'dates',
      {
        and: [
          { before: [{ var: 'lead.createdAt' }, '2026-01-01'] },
          { after: [{ var: 'lead.createdAt' }, { now: [] }] },
        ],
      },
    ],
    [
      'relative days',
      {
        or: [
          { '<=': [0, { days_since: { var: 'lead.createdAt' } }, 7] },
          { '>': [{ days_until: { var: 'lead.updatedAt' } }, 30] },
        ],
      },
    ],
    [
      'booleans',
      { and: [{ '==': [{ var: 'steps.check.ok' }, true] }, { '==': [{ var: 'steps.check.ok' }, false] }] },
    ],
    ['a step output', { '==': [{ var: 'steps.assign.ownerId' }, 'u-1'] }],
    ['a literal', true],
    ['an unknown operator', { frobnicate: [1] }],
    ['a var with a default', { '==': [{ var: ['lead.status', 'new'] }, 'new'] }],
    ['a reversed comparison', { '==': ['new', { var: 'lead.status' }] }],
    ['two fields compared', { '>': [{ var: 'quote.total' }, { var: 'quote.subtotal' }] }],
    ['strict equality', { '===': [{ var: 'lead.status' }, 'new'] }],
    ['a not around a group', { '!': { or: [status, score('>', 1)] } }],
    ['an empty and', { and: [] }],
    ['an and without an array', { and: status }],
    [
      'unknown parts inside groups',
      { and: [status, { or: [{ '===': [1, 1] }, score('<', 3)] }, { if: [true, 1, 0] }] },
    ],
    ['an operation with two keys', { '==': [1, 1], '!=': [1, 2] }],
  ];

  it.each(ROUND_TRIPS)('reads and writes back %s unchanged', (_, logic) => {
    expect(conditionToLogic(parseCondition(logic))).toEqual(logic);
  });

  it('reads no condition as an empty tree that writes no condition', () => {
    const tree = parseCondition(undefined);
    expect(tree.root.children).toEqual([]);
    expect(conditionToLogic(tree)).toBeUndefined();
  });

  it('shows an OR group inside an AND group as nested groups of rules', () => {
    const tree = parseCondition({ and: [score('>', 80), { or: [status, score('<', 10)] }] });
    expect(shape(tree.root)).toEqual({
      and: ['lead.score greater', { or: ['lead.status equals', 'lead.score less'] }],
    });
  });

  it('keeps what it cannot show as raw parts beside the rules it can, never dropping them', () => {
    const strict = { '===': [{ var: 'lead.status' }, 'new'] };
    const tree = parseCondition({ or: [status, strict] });
    expect(shape(tree.root)).toEqual({ or: ['lead.status equals', 'raw'] });
    const raw = tree.root.children[1]!;
    expect(raw.kind === 'raw' && raw.logic).toEqual(strict);
  });

  it('falls back to one raw part for a whole condition it cannot show', () => {
    const tree = parseCondition({ if: [status, true, false] });
    expect(tree.root.children.map((c) => c.kind)).toEqual(['raw']);
    expect(tree.bare).toBe(true);
  });

  it('reads rule values with their types', () => {
    const tree = parseCondition({ and: [{ '<=': [10, { var: 'lead.score' }, 90] }, score('>=', 50)] });
    expect(tree.root.children).toEqual([
      expect.objectContaining({ operator: 'between', value: [10, 90] }),
      expect.objectContaining({ operator: 'at_least', value: 50 }),
    ]);
  });
});

describe('editing a condition tree', () => {
  const fields = conditionFields('lead', { lead: { status: ['new', 'working'] } });

  it('writes a single added rule alone and wraps two in an and', () => {
    let tree = parseCondition(undefined);
    tree = appendTo(tree, tree.root.id, newRule(nextNodeId(tree), fields));
    expect(conditionToLogic(tree)).toEqual({ '==': [{ var: 'lead.name' }, ''] });
    tree = appendTo(tree, tree.root.id, newRule(nextNodeId(tree), fields));
    expect(conditionToLogic(tree)).toEqual({
      and: [{ '==': [{ var: 'lead.name' }, ''] }, { '==': [{ var: 'lead.name' }, ''] }],
    });
  });

  it('builds an OR group inside the AND group and removes it again', () => {
    let tree = parseCondition(score('>=', 50));
    const groupId = nextNodeId(tree);
    tree = appendTo(tree, tree.root.id, { kind: 'group', id: groupId, combinator: 'or', children: [] });
    tree = appendTo(tree, groupId, {
      kind: 'rule',
      id: nextNodeId(tree),
      field: 'lead.status',
      operator: 'equals',
      value: 'new',
    });
    tree = appendTo(tree, groupId, {
      kind: 'rule',
      id: nextNodeId(tree),
      field: 'lead.source',
      operator: 'one_of',
      value: ['web'],
    });
    expect(conditionToLogic(tree)).toEqual({
      and: [score('>=', 50), { or: [status, { in_list: [{ var: 'lead.source' }, ['web']] }] }],
    });
    expect(conditionToLogic(removeNode(tree, groupId))).toEqual(score('>=', 50));
  });

  it('switches a group between all and any', () => {
    const tree = parseCondition({ and: [status, score('>', 1)] });
    const any = updateNode(tree, tree.root.id, (n) => (n.kind === 'group' ? { ...n, combinator: 'or' } : n));
    expect(conditionToLogic(any)).toEqual({ or: [status, score('>', 1)] });
  });

  it('gives new nodes ids no node has', () => {
    const tree = parseCondition({ and: [status, { or: [status] }] });
    const ids = new Set<string>();
    const visit = (n: ConditionNode) => {
      ids.add(n.id);
      if (n.kind === 'group') n.children.forEach(visit);
    };
    visit(tree.root);
    expect(ids.has(nextNodeId(tree))).toBe(false);
  });
});

describe(conditionIssues.name, () => {
  it('puts an unknown field on the rule that names it', () => {
    const tree = parseCondition({
      and: [status, { or: [{ '==': [{ var: 'lead.nickname' }, 'x'] }, status] }],
    });
    const issues = conditionIssues(tree, 'lead');
    const inner = tree.root.children[1]!;
    const bad = inner.kind === 'group' ? inner.children[0]! : inner;
    expect(issues.byNode.get(bad.id)?.[0]).toMatch(/Unknown field "lead.nickname"/);
    expect(issues.byNode.size).toBe(1);
  });

  it('reports a type mismatch on a bare rule', () => {
    const tree = parseCondition({ startsWith: [{ var: 'lead.score' }, 'x'] });
    const issues = conditionIssues(tree, 'lead');
    expect(issues.byNode.get(tree.root.children[0]!.id)?.[0]).toMatch(/expects a string/);
  });

  it('has nothing to say about a valid condition or no condition', () => {
    expect(conditionIssues(parseCondition({ and: [status, score('>', 2)] }), 'lead').all).toEqual([]);
    expect(conditionIssues(parseCondition(undefined), 'lead').all).toEqual([]);
  });

  it('points rules of a bare condition at the whole condition', () => {
    const tree = parseCondition(status);
    expect(nodePointers(tree).get(tree.root.children[0]!.id)).toBe('');
  });
});
