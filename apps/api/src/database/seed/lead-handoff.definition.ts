import type { WorkflowDefinition } from '@baton/contracts';

/** The first published workflow: every new lead gets an owner and a task to contact it. */
export const LEAD_HANDOFF: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'lead-handoff',
  name: 'Lead handoff',
  triggers: [{ id: 'lead_created', kind: 'record', entity: 'lead', event: 'created' }],
  steps: [
    {
      id: 'assign_owner',
      type: 'assign_owner',
      title: 'Assign a rep',
      config: { strategy: 'round_robin', role: 'sales_rep' },
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
  ],
  transitions: [
    { id: 'start', from: 'lead_created', to: 'assign_owner' },
    { id: 'then_task', from: 'assign_owner', to: 'contact_task' },
  ],
};
