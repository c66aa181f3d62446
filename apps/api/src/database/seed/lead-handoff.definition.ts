import type { WorkflowDefinition } from '@baton/contracts';
import { DEMO_REP_IDS } from './demo-data';

/**
 * The first published workflow: every new lead gets an owner — the rep of its region's territory,
 * else the next sales rep in turn — and a task to contact it; then the contact SLA is watched.
 */
export const LEAD_HANDOFF: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'lead-handoff',
  name: 'Lead handoff',
  triggers: [{ id: 'lead_created', kind: 'record', entity: 'lead', event: 'created' }],
  steps: [
    {
      id: 'assign_owner',
      type: 'assign_owner',
      title: 'Assign a rep by territory',
      config: {
        strategy: 'round_robin',
        role: 'sales_rep',
        // A territory whose rep is deactivated (or was never seeded) falls back to the rotation.
        territories: [
          {
            name: 'EMEA',
            when: { in: [{ var: 'lead.region' }, ['EMEA', 'Europe']] },
            assignTo: { kind: 'users', userIds: [DEMO_REP_IDS.rep1] },
          },
          {
            name: 'Americas',
            when: { in: [{ var: 'lead.region' }, ['NA', 'LATAM', 'Americas']] },
            assignTo: { kind: 'users', userIds: [DEMO_REP_IDS.rep2] },
          },
        ],
      },
    },
    {
      id: 'contact_task',
      type: 'create_task',
      title: 'Ask the owner to make contact',
      config: {
        title: 'Contact new lead',
        description: 'A new lead was assigned to you. Reach out within one business day.',
        assignee: { kind: 'record_owner' },
        dueInBusinessDays: 1,
        priority: 'high',
      },
    },
    {
      id: 'watch_sla',
      type: 'call_workflow',
      title: 'Watch the contact SLA',
      // Without waiting: the handoff is done once the task is in the inbox; the SLA watch runs on
      // as its own run (Lead contact SLA) and escalates if nobody makes contact in time.
      config: { workflow: 'lead-contact-sla', wait: false },
    },
  ],
  transitions: [
    { id: 'start', from: 'lead_created', to: 'assign_owner' },
    { id: 'then_task', from: 'assign_owner', to: 'contact_task' },
    { id: 'then_watch', from: 'contact_task', to: 'watch_sla' },
  ],
};
