import type { WorkflowDefinition } from '@baton/contracts';

const decision = (value: string) => ({ '==': [{ var: 'steps.approve.decision' }, value] });
const DECIDER = { var: 'steps.approve.decidedById' };
const COMMENT = { var: 'steps.approve.comment' };

/**
 * Quote approval: a submitted quote with a deep discount waits for the rep's manager (over 10 %)
 * and then also an approver (over 25 %); approved → marked approved and the rep told; rejected →
 * back to draft with the comment; recalled by the rep → back to draft; no answer in two days climbs to the manager's manager once, then
 * the rep and their manager hear that nobody decided.
 */
export const QUOTE_APPROVAL: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'quote-approval',
  name: 'Quote approval',
  triggers: [
    {
      id: 'quote_submitted',
      kind: 'record',
      entity: 'quote',
      event: 'updated',
      field: 'status',
      to: 'submitted',
    },
  ],
  steps: [
    {
      id: 'approve',
      type: 'approval',
      title: 'Approval by discount',
      config: {
        title: 'Quote approval',
        stages: [
          {
            name: 'Discount over 10 % needs the sales manager',
            when: { '>': [{ var: 'quote.maxDiscountPercent' }, 10] },
            approvers: [{ kind: 'manager_of_owner' }],
            mode: 'any',
          },
          {
            name: 'Discount over 25 % also needs a quote approver',
            when: { '>': [{ var: 'quote.maxDiscountPercent' }, 25] },
            approvers: [{ kind: 'role', role: 'approver' }],
            mode: 'any',
          },
        ],
        timeout: { amount: 2, unit: 'days' },
        maxEscalations: 1,
      },
    },
    { id: 'outcome', type: 'branch', title: 'Decision?', config: {} },
    {
      id: 'mark_approved',
      type: 'update_record',
      title: 'Mark the quote approved',
      config: { set: { status: 'approved', decidedById: DECIDER, decisionComment: COMMENT } },
    },
    {
      id: 'tell_approved',
      type: 'notify',
      title: 'Tell the rep',
      config: {
        to: [{ kind: 'record_owner' }],
        title: 'Quote approved: {{quote.name}}',
        body: '{{steps.approve.comment}}',
      },
    },
    {
      id: 'back_to_draft',
      type: 'update_record',
      title: 'Back to draft with the comment',
      config: { set: { status: 'draft', decidedById: DECIDER, decisionComment: COMMENT } },
    },
    {
      id: 'tell_rejected',
      type: 'notify',
      title: 'Tell the rep why',
      config: {
        to: [{ kind: 'record_owner' }],
        title: 'Quote sent back: {{quote.name}}',
        body: '{{steps.approve.comment}}',
      },
    },
    {
      id: 'tell_undecided',
      type: 'notify',
      title: 'Nobody decided in time',
      config: {
        to: [{ kind: 'record_owner' }, { kind: 'manager_of_owner' }],
        title: 'No approval decision on {{quote.name}}',
        body: 'The request went unanswered, also after it was escalated.',
      },
    },
    {
      id: 'recalled_to_draft',
      type: 'update_record',
      title: 'Recalled: back to draft',
      config: { set: { status: 'draft' } },
    },
  ],
  transitions: [
    { id: 'on_submit', from: 'quote_submitted', to: 'approve' },
    { id: 'decided', from: 'approve', to: 'outcome' },
    {
      id: 'if_approved',
      from: 'outcome',
      to: 'mark_approved',
      condition: decision('approved'),
      label: 'approved',
    },
    {
      id: 'if_rejected',
      from: 'outcome',
      to: 'back_to_draft',
      condition: decision('rejected'),
      label: 'rejected',
    },
    {
      id: 'if_undecided',
      from: 'outcome',
      to: 'tell_undecided',
      condition: decision('timed_out'),
      label: 'timed out',
    },
    { id: 'otherwise', from: 'outcome', to: 'recalled_to_draft', label: 'recalled' },
    { id: 'approved_then', from: 'mark_approved', to: 'tell_approved' },
    { id: 'rejected_then', from: 'back_to_draft', to: 'tell_rejected' },
  ],
};
