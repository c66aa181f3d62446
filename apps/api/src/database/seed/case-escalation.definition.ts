import type { WorkflowDefinition } from '@baton/contracts';

const HANDLED = { in: [{ var: 'case.status' }, ['resolved', 'closed']] };

/**
 * Escalation: a case not resolved by its SLA goes to the owner's manager (who is told and becomes
 * the owner), and again up the chain every four hours until someone resolves or closes it.
 */
export const CASE_ESCALATION: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'case-escalation',
  name: 'Case escalation',
  triggers: [{ id: 'case_opened', kind: 'record', entity: 'case', event: 'created' }],
  steps: [
    {
      id: 'within_sla',
      type: 'wait_for',
      title: 'Resolved within the SLA?',
      config: { until: HANDLED, deadlineField: 'slaDueAt', timeout: { amount: 4, unit: 'hours' } },
    },
    { id: 'handled', type: 'branch', title: 'Handled?', config: {} },
    {
      id: 'escalate',
      type: 'escalate',
      title: 'Up the chain',
      config: {
        reassign: true,
        title: 'Case past its SLA: {{case.subject}}',
        body: 'Priority {{case.priority}}; it was due {{case.slaDueAt}}. It is yours now.',
      },
    },
    { id: 'done', type: 'end', config: {} },
  ],
  transitions: [
    { id: 'on_open', from: 'case_opened', to: 'within_sla' },
    { id: 'checked', from: 'within_sla', to: 'handled' },
    {
      id: 'if_met',
      from: 'handled',
      to: 'done',
      condition: { '==': [{ var: 'steps.within_sla.outcome' }, 'met'] },
      label: 'resolved',
    },
    { id: 'if_late', from: 'handled', to: 'escalate', label: 'past the SLA' },
    { id: 'again', from: 'escalate', to: 'within_sla' },
  ],
};
