import type { WorkflowDefinition } from '@baton/contracts';
import { exportDefinition } from './export-definition';
import { parseDefinition } from './parse-definition';

const base: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'demo',
  name: 'Demo',
  triggers: [{ id: 'created', kind: 'record', entity: 'lead', event: 'created' }],
  steps: [],
  transitions: [],
};

const parsedBack = (text: string): unknown => JSON.parse(text);

describe(exportDefinition.name, () => {
  it('writes two-space indented JSON with a trailing newline', () => {
    expect(exportDefinition(base)).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "key": "demo",',
        '  "name": "Demo",',
        '  "triggers": [',
        '    {',
        '      "id": "created",',
        '      "kind": "record",',
        '      "entity": "lead",',
        '      "event": "created"',
        '    }',
        '  ],',
        '  "steps": [],',
        '  "transitions": []',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes the keys of known objects in schema order whatever order they were built in', () => {
    const shuffled = {
      layout: { created: { y: 2, x: 1 } },
      transitions: [{ label: 'L', condition: true, to: 'a', from: 'created', id: 't' }],
      steps: [
        {
          onError: 'a',
          timeoutSeconds: 5,
          retry: { backoffCoefficient: 2, initialIntervalSeconds: 1, maximumAttempts: 3 },
          config: {},
          title: 'A',
          type: 'branch',
          id: 'a',
        },
      ],
      triggers: [{ condition: true, event: 'created', entity: 'lead', kind: 'record', id: 'created' }],
      name: 'Demo',
      key: 'demo',
      schemaVersion: 1,
    } as WorkflowDefinition;
    const keys = (text: string): string[] => [...text.matchAll(/"(\w+)":/g)].map((m) => m[1]!);

    expect(keys(exportDefinition(shuffled))).toEqual([
      'schemaVersion',
      'key',
      'name',
      'triggers',
      'id',
      'kind',
      'entity',
      'event',
      'condition',
      'steps',
      'id',
      'type',
      'title',
      'config',
      'retry',
      'maximumAttempts',
      'initialIntervalSeconds',
      'backoffCoefficient',
      'timeoutSeconds',
      'onError',
      'transitions',
      'id',
      'from',
      'to',
      'condition',
      'label',
      'layout',
      'created',
      'x',
      'y',
    ]);
  });

  it('sorts keys inside configs and conditions at every depth, integer-like keys included', () => {
    const definition: WorkflowDefinition = {
      ...base,
      triggers: [
        {
          id: 'created',
          kind: 'record',
          entity: 'lead',
          event: 'created',
          condition: { in: ['x', { var: 'lead.tags' }] },
        },
      ],
      steps: [
        {
          id: 'a',
          type: 'custom',
          config: { zeta: 1, alpha: { 10: 'ten', 2: 'two', b: 'bee' }, list: [{ y: 1, x: 2 }] },
        },
      ],
    };
    const text = exportDefinition(definition);

    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"list"'));
    expect(text.indexOf('"list"')).toBeLessThan(text.indexOf('"zeta"'));
    expect(text.indexOf('"10"')).toBeLessThan(text.indexOf('"2"'));
    expect(text.indexOf('"2"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.indexOf('"x": 2')).toBeLessThan(text.indexOf('"y": 1'));
    expect(parsedBack(text)).toEqual(definition);
  });

  it('sorts triggers and steps by id', () => {
    const definition: WorkflowDefinition = {
      ...base,
      triggers: [
        { id: 'updated', kind: 'record', entity: 'lead', event: 'updated' },
        { id: 'created', kind: 'record', entity: 'lead', event: 'created' },
      ],
      steps: [
        { id: 'b', type: 'branch', config: {} },
        { id: 'B', type: 'branch', config: {} },
        { id: 'a', type: 'branch', config: {} },
      ],
    };
    const exported = parsedBack(exportDefinition(definition)) as WorkflowDefinition;

    expect(exported.triggers.map((t) => t.id)).toEqual(['created', 'updated']);
    // Code-unit order: upper case before lower case, the same on every machine.
    expect(exported.steps.map((s) => s.id)).toEqual(['B', 'a', 'b']);
  });

  it('groups transitions by source, keeping the order conditions are tried in and putting the default last', () => {
    const definition: WorkflowDefinition = {
      ...base,
      transitions: [
        { id: 'z_default', from: 'route', to: 'c' },
        { id: 'z_first', from: 'route', to: 'a', condition: { '>': [{ var: 'lead.score' }, 80] } },
        { id: 'start', from: 'created', to: 'route' },
        { id: 'a_second', from: 'route', to: 'b', condition: { '>': [{ var: 'lead.score' }, 50] } },
      ],
    };
    const exported = parsedBack(exportDefinition(definition)) as WorkflowDefinition;

    expect(exported.transitions.map((t) => t.id)).toEqual(['start', 'z_first', 'a_second', 'z_default']);
  });

  it('sorts the layout by node id', () => {
    const text = exportDefinition({ ...base, layout: { b: { x: 1, y: 1 }, a: { x: 2, y: 2 } } });

    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
  });

  it('gives the same text for definitions that differ only in key and node order', () => {
    const one: WorkflowDefinition = {
      ...base,
      steps: [
        { id: 'a', type: 'custom', config: { p: 1, q: 2 } },
        { id: 'b', type: 'custom', config: {} },
      ],
    };
    const two: WorkflowDefinition = {
      ...base,
      steps: [
        { config: {}, type: 'custom', id: 'b' },
        { config: { q: 2, p: 1 }, type: 'custom', id: 'a' },
      ],
    };

    expect(exportDefinition(one)).toBe(exportDefinition(two));
  });

  it('leaves out optional fields that are undefined', () => {
    const definition = {
      ...base,
      steps: [{ id: 'a', type: 'branch', title: undefined, config: {}, onError: undefined }],
    } as WorkflowDefinition;

    expect(exportDefinition(definition)).not.toContain('title');
    expect(exportDefinition(definition)).not.toContain('onError');
  });

  it('is a fixed point: parsing the text and exporting again gives the same text', () => {
    const definition: WorkflowDefinition = {
      ...base,
      steps: [{ id: 'wait', type: 'delay', config: { unit: 'days', amount: 1 } }],
      transitions: [{ id: 't', from: 'created', to: 'wait' }],
      layout: { wait: { x: 0, y: 160 }, created: { x: 0, y: 0 } },
    };
    const text = exportDefinition(definition);
    const parsed = parseDefinition(text);

    expect(parsed.ok && exportDefinition(parsed.definition)).toBe(text);
  });

  it('does not reorder or change the definition it is given', () => {
    const steps = [
      { id: 'b', type: 'branch', config: { z: 1, a: 2 } },
      { id: 'a', type: 'branch', config: {} },
    ];
    exportDefinition({ ...base, steps });

    expect(steps.map((s) => s.id)).toEqual(['b', 'a']);
    expect(Object.keys(steps[0]!.config)).toEqual(['z', 'a']);
  });
});
