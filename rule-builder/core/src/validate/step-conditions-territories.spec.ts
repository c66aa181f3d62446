import { z } from 'zod';
import type { WorkflowDefinition } from '@baton/contracts';
import { conditionSchemaFor } from '@baton/contracts';
import { CONTROL_STEP_ENTRIES, createStepCatalog } from '../step-catalog';
import { validateDefinition } from './validate-definition';

// The config schema itself belongs to the activity type; here only the conditions inside it matter.
const catalog = createStepCatalog([
  ...CONTROL_STEP_ENTRIES,
  { type: 'assign_owner', kind: 'activity', configSchema: z.unknown() },
]);

const handoff = (...whens: unknown[]): WorkflowDefinition => ({
  schemaVersion: 1,
  key: 'territories',
  name: 'Territories',
  triggers: [{ id: 'created', kind: 'record', entity: 'lead', event: 'created' }],
  steps: [
    {
      id: 'assign',
      type: 'assign_owner',
      config: {
        role: 'sales_rep',
        territories: whens.map((when, i) => ({
          name: `t${i}`,
          when,
          assignTo: { kind: 'role', role: 'sales_rep' },
        })),
      },
    },
  ],
  transitions: [{ id: 't1', from: 'created', to: 'assign' }],
});

const check = (def: WorkflowDefinition) =>
  validateDefinition(def, { catalog, entitySchema: conditionSchemaFor });

describe('owner territory conditions', () => {
  it('accepts territory conditions on known fields of the triggering record', () => {
    const result = check(
      handoff(
        { in: [{ var: 'lead.region' }, ['EMEA', 'Europe']] },
        { '==': [{ var: 'lead.source' }, 'partner'] },
      ),
    );
    expect(result.errors).toEqual([]);
  });

  it('names the step and the territory of a misspelt field or unknown operator', () => {
    const result = check(
      handoff(
        { in: [{ var: 'lead.regoin' }, ['EMEA']] },
        { '==': [{ var: 'lead.region' }, 'NA'] },
        { nope: [1] },
      ),
    );
    expect(result.errors.map((e) => [e.code, e.nodeId, e.path?.split('/').slice(0, 7).join('/')])).toEqual([
      ['UNKNOWN_FIELD', 'assign', '/steps/0/config/territories/0/when'],
      ['UNKNOWN_OPERATOR', 'assign', '/steps/0/config/territories/2/when'],
    ]);
  });
});
