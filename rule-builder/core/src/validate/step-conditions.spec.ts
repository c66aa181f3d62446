import type { WorkflowDefinition } from '@baton/contracts';
import { conditionSchemaFor } from '@baton/contracts';
import { TEST_CATALOG } from '../testing/test-catalog';
import { validateDefinition } from './validate-definition';

// Conditions inside control-step configs are checked like transition conditions: against the
// fields of the entity whose trigger reaches the step.
const definition = (when: unknown, until: unknown): WorkflowDefinition => ({
  schemaVersion: 1,
  key: 'steps-conditions',
  name: 'Step conditions',
  triggers: [{ id: 'submitted', kind: 'record', entity: 'quote', event: 'updated', field: 'status' }],
  steps: [
    {
      id: 'approve',
      type: 'approval',
      config: {
        stages: [{ name: 'Deep discount', when, approvers: [{ kind: 'manager_of_owner' }], mode: 'any' }],
        timeout: { amount: 2, unit: 'days' },
        maxEscalations: 1,
      },
    },
    { id: 'wait', type: 'wait_for', config: { until, timeout: { amount: 1, unit: 'days' } } },
  ],
  transitions: [
    { id: 't1', from: 'submitted', to: 'approve' },
    { id: 't2', from: 'approve', to: 'wait' },
  ],
});

const check = (def: WorkflowDefinition) =>
  validateDefinition(def, { catalog: TEST_CATALOG, entitySchema: conditionSchemaFor });

describe('conditions inside step configs', () => {
  it('accepts stage and wait conditions on known fields', () => {
    const result = check(
      definition(
        { '>': [{ var: 'quote.maxDiscountPercent' }, 10] },
        { '==': [{ var: 'quote.status' }, 'sent'] },
      ),
    );
    expect(result.errors).toEqual([]);
  });

  it('names the step and the place in its config of a misspelt field', () => {
    const result = check(
      definition({ '>': [{ var: 'quote.maxDiscount' }, 10] }, { '==': [{ var: 'quote.stauts' }, 'sent'] }),
    );
    expect(result.errors.map((e) => [e.code, e.nodeId, e.path?.split('/').slice(0, 5).join('/')])).toEqual([
      ['UNKNOWN_FIELD', 'approve', '/steps/0/config/stages'],
      ['UNKNOWN_FIELD', 'wait', '/steps/1/config/until'],
    ]);
  });
});
