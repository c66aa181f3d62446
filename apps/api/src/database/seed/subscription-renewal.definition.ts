import type { WorkflowDefinition } from '@baton/contracts';

const OPEN = { in: [{ var: 'subscription.renewalStatus' }, ['active', 'renewal_due']] };
const before = (days: number) => ({ amount: days, unit: 'days' as const, direction: 'before' as const });
const reminder = (days: number) => ({
  to: [{ kind: 'record_owner' as const }],
  title: `Renewal in ${days} days: {{subscription.plan}}`,
  body: 'The subscription ends on {{subscription.endDate}}.',
});

const PLAN = { var: 'subscription.plan' };
const RENEWAL_OPPORTUNITY = { var: 'steps.renewal_opp.recordId' };

/**
 * Subscription renewal: 60 days before the end the subscription is marked due, a renewal
 * opportunity and a draft quote for it are opened, and its owner gets a task on that opportunity;
 * reminders follow at 30 and 7 days; if it is not renewed by its end date, the owner's manager is
 * told and the subscription is marked at risk.
 */
export const SUBSCRIPTION_RENEWAL: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'subscription-renewal',
  name: 'Subscription renewal',
  triggers: [
    {
      id: 'sixty_days_before',
      kind: 'record',
      entity: 'subscription',
      event: 'date',
      field: 'endDate',
      offset: before(60),
      condition: OPEN,
    },
    {
      id: 'thirty_days_before',
      kind: 'record',
      entity: 'subscription',
      event: 'date',
      field: 'endDate',
      offset: before(30),
      condition: OPEN,
    },
    {
      id: 'seven_days_before',
      kind: 'record',
      entity: 'subscription',
      event: 'date',
      field: 'endDate',
      offset: before(7),
      condition: OPEN,
    },
  ],
  steps: [
    {
      id: 'mark_due',
      type: 'update_record',
      title: 'Mark the renewal due',
      config: { set: { renewalStatus: 'renewal_due' } },
    },
    {
      id: 'renewal_opp',
      type: 'create_record',
      title: 'Open the renewal opportunity',
      config: {
        entity: 'opportunity',
        link: true,
        values: {
          name: { cat: ['Renewal: ', PLAN] },
          amount: { var: 'subscription.amount' },
          closeDate: { var: 'subscription.endDate' },
          ownerId: { var: 'subscription.ownerId' },
        },
      },
    },
    {
      // A plan is not a price-book product, so the draft has no lines: the rep prices it.
      id: 'renewal_quote',
      type: 'create_record',
      title: 'Draft the renewal quote',
      config: {
        entity: 'quote',
        values: { name: { cat: ['Renewal: ', PLAN] }, opportunityId: RENEWAL_OPPORTUNITY },
      },
    },
    {
      id: 'renewal_task',
      type: 'create_record',
      title: 'Task for the owner',
      config: {
        entity: 'task',
        values: {
          title: 'Prepare the subscription renewal',
          description: {
            cat: [
              PLAN,
              ' ends on ',
              { var: 'subscription.endDate' },
              ': agree the renewal with the customer. The renewal quote is drafted on this opportunity.',
            ],
          },
          assigneeId: { var: 'subscription.ownerId' },
          dueAt: { add_business_days: [{ now: [] }, 10] },
          priority: 'high',
          recordType: 'opportunity',
          recordId: RENEWAL_OPPORTUNITY,
        },
      },
    },
    {
      id: 'until_renewed',
      type: 'wait_for',
      title: 'Renewed by the end date?',
      config: {
        until: { '==': [{ var: 'subscription.renewalStatus' }, 'renewed'] },
        deadlineField: 'endDate',
      },
    },
    { id: 'renewed', type: 'branch', title: 'Renewed?', config: {} },
    {
      id: 'escalate',
      type: 'escalate',
      title: "Tell the owner's manager",
      config: {
        reassign: false,
        title: 'Not renewed: {{subscription.plan}}',
        body: 'The subscription ended on {{subscription.endDate}} without a renewal.',
      },
    },
    {
      id: 'mark_at_risk',
      type: 'update_record',
      title: 'Mark at risk',
      config: { set: { renewalStatus: 'at_risk' } },
    },
    { id: 'remind_30', type: 'notify', title: 'Reminder, 30 days', config: reminder(30) },
    { id: 'remind_7', type: 'notify', title: 'Reminder, 7 days', config: reminder(7) },
    { id: 'done', type: 'end', config: {} },
  ],
  transitions: [
    { id: 'at_60', from: 'sixty_days_before', to: 'mark_due' },
    { id: 'then_opportunity', from: 'mark_due', to: 'renewal_opp' },
    { id: 'then_quote', from: 'renewal_opp', to: 'renewal_quote' },
    { id: 'then_task', from: 'renewal_quote', to: 'renewal_task' },
    { id: 'then_wait', from: 'renewal_task', to: 'until_renewed' },
    { id: 'checked', from: 'until_renewed', to: 'renewed' },
    {
      id: 'if_renewed',
      from: 'renewed',
      to: 'done',
      condition: { '==': [{ var: 'steps.until_renewed.outcome' }, 'met'] },
      label: 'renewed',
    },
    { id: 'if_not', from: 'renewed', to: 'escalate', label: 'not renewed' },
    { id: 'then_at_risk', from: 'escalate', to: 'mark_at_risk' },
    { id: 'at_30', from: 'thirty_days_before', to: 'remind_30' },
    { id: 'at_7', from: 'seven_days_before', to: 'remind_7' },
  ],
};
