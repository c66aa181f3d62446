/**
 * A second run for every new lead, whose one step notifies the admin: the fault suite counts its
 * notifications, which must not be doubled either.
 */
export function noticeDefinition(adminId: string) {
  return {
    schemaVersion: 1,
    key: 'fault-notice',
    name: 'Fault suite: new lead notice',
    triggers: [{ id: 'created', kind: 'record', entity: 'lead', event: 'created' }],
    steps: [
      {
        id: 'tell',
        type: 'notify',
        config: { to: [{ kind: 'user', userId: adminId }], title: 'New lead {{lead.name}}' },
      },
    ],
    transitions: [{ id: 't1', from: 'created', to: 'tell' }],
  };
}

/** A date trigger: fires once when an opportunity's offer deadline comes, found by the date sweep. */
export function deadlineDefinition(adminId: string) {
  return {
    schemaVersion: 1,
    key: 'fault-deadline',
    name: 'Fault suite: offer deadline',
    triggers: [{ id: 'due', kind: 'record', entity: 'opportunity', event: 'date', field: 'offerDeadline' }],
    steps: [
      {
        id: 'tell',
        type: 'notify',
        config: { to: [{ kind: 'user', userId: adminId }], title: 'Deadline {{opportunity.name}}' },
      },
    ],
    transitions: [{ id: 't1', from: 'due', to: 'tell' }],
  };
}
