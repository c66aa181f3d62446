import { describe, expect, it } from '@jest/globals';
import type { Step, WorkflowDefinition } from '@baton/contracts';
import { diffDefinitions } from '@baton/rule-builder-core';
import { conditionText } from './condition-text';
import { describeDiff } from './describe-diff';
import type { StepTypeInfo } from './step-types';

const stepTypes: StepTypeInfo[] = [
  {
    type: 'create_task',
    title: 'Create task',
    category: 'Tasks',
    kind: 'activity',
    configSchema: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        dueInBusinessDays: { type: 'integer' },
        priority: { type: 'string', enum: ['low', 'normal', 'high'] },
      },
    },
  },
  { type: 'end', title: 'End', category: 'Flow', kind: 'control', configSchema: { type: 'object' } },
];

const task = (config: Record<string, unknown>): Step => ({
  id: 'contact_task',
  type: 'create_task',
  title: 'Contact task',
  config: { title: 'Call', dueInBusinessDays: 1, priority: 'normal', ...config },
});

function flow(steps: Step[], transitions: WorkflowDefinition['transitions'] = []): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'flow',
    name: 'Flow',
    triggers: [{ id: 'lead_created', kind: 'record', entity: 'lead', event: 'created' }],
    steps,
    transitions: [{ id: 'start', from: 'lead_created', to: 'contact_task' }, ...transitions],
  };
}

const describeBetween = (before: WorkflowDefinition, after: WorkflowDefinition) =>
  describeDiff(diffDefinitions(before, after), { before, after, stepTypes });

describe(describeDiff.name, () => {
  it('names a changed step and each setting by its form label, with old and new values', () => {
    const lines = describeBetween(flow([task({})]), flow([task({ dueInBusinessDays: 2, priority: 'high' })]));
    expect(lines).toEqual([
      {
        tone: 'changed',
        nodeId: 'contact_task',
        summary: "Step 'Contact task' changed",
        details: ['Due in business days: 1 → 2', 'Priority: Normal → High'],
      },
    ]);
  });

  it('says which steps and arrows were added and removed, naming arrows by their ends', () => {
    const before = flow([task({})]);
    const after = flow(
      [task({}), { id: 'done', type: 'end', config: {} }],
      [
        {
          id: 'finish',
          from: 'contact_task',
          to: 'done',
          condition: { '==': [{ var: 'lead.status' }, 'won'] },
        },
      ],
    );
    expect(describeBetween(before, after).map((l) => [l.tone, l.summary, l.details])).toEqual([
      ['added', "Step 'End' added", ['Kind: End']],
      ['added', "Arrow 'Contact task' → 'End' added", ['Taken when lead › status is “won”']],
    ]);
    expect(describeBetween(after, before).map((l) => [l.tone, l.summary])).toEqual([
      ['removed', "Step 'End' removed"],
      ['removed', "Arrow 'Contact task' → 'End' removed"],
    ]);
  });

  it('describes a changed arrow condition and a renamed workflow', () => {
    const hot = (score: number) => ({
      id: 'hot',
      from: 'lead_created',
      to: 'contact_task',
      condition: { '>': [{ var: 'lead.score' }, score] },
    });
    const before = flow([task({})], [hot(50)]);
    const after = { ...flow([task({})], [hot(80)]), name: 'Hot flow' };
    expect(describeBetween(before, after).map((l) => [l.summary, l.details])).toEqual([
      ["Workflow renamed from 'Flow' to 'Hot flow'", []],
      [
        "Arrow 'Lead created' → 'Contact task' changed",
        ['Taken when: lead › score is over 50 → lead › score is over 80'],
      ],
    ]);
  });
});

describe(conditionText.name, () => {
  it('reads comparisons, and/or, in and startsWith, and leaves the rest as JSON', () => {
    expect(
      conditionText({
        and: [{ '>=': [{ var: 'quote.total' }, 1000] }, { in: [{ var: 'lead.region' }, ['EU', 'UK']] }],
      }),
    ).toBe('(quote › total is at least 1000) and (lead › region is one of “EU”, “UK”)');
    expect(conditionText({ startsWith: [{ var: 'lead.name' }, 'VIP'] })).toBe(
      'lead › name starts with “VIP”',
    );
    expect(conditionText(true)).toBe('always');
    expect(conditionText({ max: [1, 2] })).toBe('{"max":[1,2]}');
  });
});
