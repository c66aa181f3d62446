import { parseDefinition } from './parse-definition';

const valid = {
  schemaVersion: 1,
  key: 'demo',
  name: 'Demo',
  triggers: [{ id: 'created', kind: 'record', entity: 'lead', event: 'created' }],
  steps: [{ id: 'wait', type: 'delay', config: { amount: 1, unit: 'days' } }],
  transitions: [{ id: 't', from: 'created', to: 'wait' }],
};

describe(parseDefinition.name, () => {
  it('returns the definition of valid text', () => {
    expect(parseDefinition(JSON.stringify(valid))).toEqual({ ok: true, definition: valid });
  });

  it('applies the schema defaults', () => {
    const text = JSON.stringify({
      ...valid,
      steps: [{ id: 'route', type: 'branch', retry: { maximumAttempts: 2 } }],
    });
    const result = parseDefinition(text);

    expect(result.ok && result.definition.steps[0]).toEqual({
      id: 'route',
      type: 'branch',
      config: {},
      retry: { maximumAttempts: 2, initialIntervalSeconds: 1, backoffCoefficient: 2 },
    });
  });

  it('reports text that is not JSON as INVALID_JSON', () => {
    const result = parseDefinition('{"schemaVersion": 1,');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { code: 'INVALID_JSON', message: expect.stringMatching(/^Not valid JSON: /) },
    ]);
  });

  it('reports a shape failure as DEFINITION_SCHEMA at the offending field, naming the node', () => {
    const text = JSON.stringify({ ...valid, steps: [{ ...valid.steps[0], timeoutSeconds: 0 }] });
    const result = parseDefinition(text);

    expect(!result.ok && result.errors).toEqual([
      {
        code: 'DEFINITION_SCHEMA',
        message: expect.stringContaining('/steps/0/timeoutSeconds'),
        path: '/steps/0/timeoutSeconds',
        nodeId: 'wait',
      },
    ]);
  });

  it('names the transition of a failing transition field', () => {
    const text = JSON.stringify({ ...valid, transitions: [{ ...valid.transitions[0], extra: 1 }] });
    const result = parseDefinition(text);

    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({ code: 'DEFINITION_SCHEMA', path: '/transitions/0', edgeId: 't' }),
    ]);
  });

  it('reports a definition without triggers as NO_TRIGGER', () => {
    const result = parseDefinition(JSON.stringify({ ...valid, triggers: [] }));

    expect(!result.ok && result.errors).toEqual([
      { code: 'NO_TRIGGER', message: 'A workflow needs at least one trigger', path: '/triggers' },
    ]);
  });

  it.each(['null', '[]', '"text"', '42'])(
    'reports %s as a DEFINITION_SCHEMA error at the root without throwing',
    (text) => {
      const result = parseDefinition(text);

      expect(!result.ok && result.errors).toEqual([
        expect.objectContaining({ code: 'DEFINITION_SCHEMA', path: '' }),
      ]);
    },
  );
});
