import type { Step, Transition, WorkflowDefinition } from '@baton/contracts';
import { diffDefinitions } from './diff-definitions';

const contactTask = (config: Record<string, unknown> = {}): Step => ({
  id: 'contact_task',
  type: 'create_task',
  title: 'Contact task',
  config: { title: 'Contact new lead', dueInBusinessDays: 1, priority: 'high', ...config },
});

// The lead handoff, with a branch so arrows have conditions to change and reorder.
function handoff(
  edit: (d: {
    -readonly [K in keyof WorkflowDefinition]: WorkflowDefinition[K];
  }) => void = () => {},
): WorkflowDefinition {
  const definition = {
    schemaVersion: 1 as const,
    key: 'lead-handoff',
    name: 'Lead handoff',
    triggers: [
      { id: 'lead_created', kind: 'record' as const, entity: 'lead' as const, event: 'created' as const },
    ],
    steps: [
      { id: 'assign', type: 'assign_owner', config: { strategy: 'round_robin', role: 'sales_rep' } },
      { id: 'route', type: 'branch', config: {} },
      contactTask(),
      {
        id: 'hot_task',
        type: 'create_task',
        config: { title: 'Call now', assignee: { kind: 'user', userId: 'u1' } },
        retry: { maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 2 },
      },
    ] as Step[],
    transitions: [
      { id: 'start', from: 'lead_created', to: 'assign' },
      { id: 'to_route', from: 'assign', to: 'route' },
      { id: 'hot', from: 'route', to: 'hot_task', condition: { '>': [{ var: 'lead.score' }, 80] } },
      { id: 'warm', from: 'route', to: 'contact_task', condition: { '>': [{ var: 'lead.score' }, 40] } },
      { id: 'cold', from: 'route', to: 'contact_task' },
    ] as Transition[],
    layout: { lead_created: { x: 0, y: 0 }, assign: { x: 0, y: 160 }, route: { x: 0, y: 320 } },
  };
  edit(definition);
  return definition;
}

// The same JSON with every object's keys in reverse order.
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe(diffDefinitions.name, () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(handoff(), handoff())).toEqual({
      workflow: [],
      triggers: [],
      steps: [],
      transitions: [],
      moved: [],
      changeCount: 0,
      layoutOnly: false,
    });
  });

  it('reports an added step and its arrow, with what was added', () => {
    const after = handoff((d) => {
      d.steps = [...d.steps, { id: 'notify_manager', type: 'notify', config: { to: 'manager' } }];
      d.transitions = [...d.transitions, { id: 'tell', from: 'hot_task', to: 'notify_manager' }];
    });
    const diff = diffDefinitions(handoff(), after);
    expect(diff.steps).toEqual([
      {
        change: 'added',
        id: 'notify_manager',
        after: { config: { to: 'manager' }, id: 'notify_manager', type: 'notify' },
      },
    ]);
    expect(diff.transitions).toEqual([
      { change: 'added', id: 'tell', after: { from: 'hot_task', id: 'tell', to: 'notify_manager' } },
    ]);
    expect(diff.changeCount).toBe(2);
  });

  it('reports a removed step and arrow, the inverse of adding them', () => {
    const before = handoff();
    const after = handoff((d) => {
      d.steps = d.steps.filter((s) => s.id !== 'hot_task');
      d.transitions = d.transitions.filter((t) => t.id !== 'hot');
    });
    const diff = diffDefinitions(before, after);
    expect(diff.steps.map((s) => [s.change, s.id])).toEqual([['removed', 'hot_task']]);
    expect(diff.transitions.map((t) => [t.change, t.id])).toEqual([['removed', 'hot']]);
    const back = diffDefinitions(after, before);
    expect(back.steps.map((s) => [s.change, s.id])).toEqual([['added', 'hot_task']]);
    expect(back.transitions.map((t) => [t.change, t.id])).toEqual([['added', 'hot']]);
  });

  it('names each changed config key with its values before and after', () => {
    const after = handoff((d) => {
      d.steps = d.steps.map((s) =>
        s.id === 'contact_task'
          ? { ...contactTask({ dueInBusinessDays: 2, description: 'Today' }), title: 'Contact the lead' }
          : s,
      );
    });
    const [change] = diffDefinitions(handoff(), after).steps;
    expect(change).toMatchObject({ change: 'changed', id: 'contact_task' });
    expect(change?.change === 'changed' && change.fields).toEqual([
      { path: 'title', before: 'Contact task', after: 'Contact the lead' },
      { path: 'config.description', after: 'Today' },
      { path: 'config.dueInBusinessDays', before: 1, after: 2 },
    ]);
  });

  it('reports a changed, added or removed arrow condition and a changed trigger', () => {
    const after = handoff((d) => {
      d.triggers = [{ ...d.triggers[0]!, event: 'updated', field: 'status' }];
      d.transitions = d.transitions.map((t) => {
        if (t.id === 'hot') return { ...t, condition: { '>': [{ var: 'lead.score' }, 90] } };
        if (t.id === 'warm') return { id: t.id, from: t.from, to: t.to };
        if (t.id === 'to_route') return { ...t, condition: true };
        return t;
      });
    });
    const diff = diffDefinitions(handoff(), after);
    expect(diff.triggers).toEqual([
      expect.objectContaining({
        change: 'changed',
        id: 'lead_created',
        fields: [
          { path: 'event', before: 'created', after: 'updated' },
          { path: 'field', after: 'status' },
        ],
      }),
    ]);
    expect(diff.transitions.map((t) => [t.id, t.change === 'changed' ? t.fields : t.change])).toEqual([
      [
        'hot',
        [
          {
            path: 'condition',
            before: { '>': [{ var: 'lead.score' }, 80] },
            after: { '>': [{ var: 'lead.score' }, 90] },
          },
        ],
      ],
      ['to_route', [{ path: 'condition', after: true }]],
      ['warm', [{ path: 'condition', before: { '>': [{ var: 'lead.score' }, 40] } }]],
    ]);
  });

  it('reports a renamed workflow', () => {
    const diff = diffDefinitions(
      handoff(),
      handoff((d) => (d.name = 'New lead handoff')),
    );
    expect(diff.workflow).toEqual([{ path: 'name', before: 'Lead handoff', after: 'New lead handoff' }]);
    expect(diff.changeCount).toBe(1);
  });

  it('ignores moves on the canvas by default and reports them as layout-only when asked', () => {
    const moved = handoff((d) => {
      d.layout = { ...d.layout, assign: { x: 280, y: 160 }, contact_task: { x: 0, y: 480 } };
    });
    expect(diffDefinitions(handoff(), moved)).toMatchObject({ changeCount: 0, moved: [], layoutOnly: false });
    expect(diffDefinitions(handoff(), moved, { layout: true })).toMatchObject({
      changeCount: 0,
      moved: ['assign', 'contact_task'],
      layoutOnly: true,
    });
  });

  it('finds nothing when only the order of arrays and keys changed', () => {
    const shuffled = handoff((d) => {
      d.triggers = [...d.triggers];
      d.steps = reversedKeys([...d.steps].reverse());
      d.layout = reversedKeys(d.layout);
      // Arrows of different sources, and a default among conditional ones, may move freely.
      const [start, toRoute, hot, warm, cold] = d.transitions;
      d.transitions = reversedKeys([cold!, hot!, toRoute!, warm!, start!]);
    });
    expect(diffDefinitions(handoff(), shuffled, { layout: true }).changeCount).toBe(0);
  });

  it('reports swapped conditional arrows out of one node: the first that holds is taken', () => {
    const swapped = handoff((d) => {
      const [start, toRoute, hot, warm, cold] = d.transitions;
      d.transitions = [start!, toRoute!, warm!, hot!, cold!];
    });
    const diff = diffDefinitions(handoff(), swapped);
    expect(diff.transitions.map((t) => [t.id, t.change === 'changed' ? t.fields : t.change])).toEqual([
      ['hot', [{ path: 'order', before: 1, after: 2 }]],
      ['warm', [{ path: 'order', before: 2, after: 1 }]],
    ]);
  });

  it('writes the same JSON for the same change however the inputs are ordered', () => {
    const change = (d: Parameters<Parameters<typeof handoff>[0]>[0]) => {
      d.steps = d.steps.map((s) => (s.id === 'contact_task' ? contactTask({ dueInBusinessDays: 2 }) : s));
      d.steps = [...d.steps, { id: 'a_first', type: 'end', config: {} }];
    };
    const plain = diffDefinitions(handoff(), handoff(change));
    const reordered = diffDefinitions(
      handoff((d) => (d.steps = [...d.steps].reverse())),
      handoff((d) => {
        change(d);
        d.steps = d.steps.map((s) => ({ config: { ...s.config }, type: s.type, id: s.id, ...s }));
        d.steps = [...d.steps].reverse();
      }),
    );
    expect(JSON.stringify(reordered)).toBe(JSON.stringify(plain));
    expect(plain.steps.map((s) => s.id)).toEqual(['a_first', 'contact_task']);
  });
});
