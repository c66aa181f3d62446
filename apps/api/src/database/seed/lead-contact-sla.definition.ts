import type { WorkflowDefinition } from '@baton/contracts';

const CONTACTED = { '!=': [{ var: 'lead.status' }, 'new'] };

/**
 * The lead handoff's service level: the owner has one business day (eight business hours) to
 * make contact — moving the lead on from "new". If they don't, the lead goes to their manager, who
 * is told, and the clock starts again for the new owner. Lead handoff starts it without waiting,
 * so the handoff itself finishes as soon as the task is in the owner's inbox.
 */
export const LEAD_CONTACT_SLA: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'lead-contact-sla',
  name: 'Lead contact SLA',
  triggers: [{ id: 'handed_off', kind: 'record', entity: 'lead', event: 'manual' }],
  steps: [
    {
      id: 'contacted_in_time',
      type: 'wait_for',
      title: 'Contacted within a business day?',
      config: { until: CONTACTED, timeout: { amount: 8, unit: 'business_hours' } },
    },
    { id: 'contacted', type: 'branch', title: 'Contacted?', config: {} },
    {
      id: 'escalate',
      type: 'escalate',
      title: 'To the manager',
      config: {
        reassign: true,
        title: 'Lead not contacted in time: {{lead.name}}',
        body: 'Nobody moved this lead on from "new" within a business day. It is yours now.',
      },
    },
    { id: 'done', type: 'end', config: {} },
  ],
  transitions: [
    { id: 'on_handoff', from: 'handed_off', to: 'contacted_in_time' },
    { id: 'checked', from: 'contacted_in_time', to: 'contacted' },
    {
      id: 'if_contacted',
      from: 'contacted',
      to: 'done',
      condition: { '==': [{ var: 'steps.contacted_in_time.outcome' }, 'met'] },
      label: 'contacted',
    },
    { id: 'if_late', from: 'contacted', to: 'escalate', label: 'not in time' },
    { id: 'again', from: 'escalate', to: 'contacted_in_time' },
  ],
  businessHours: { timeZone: 'UTC', start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
};
