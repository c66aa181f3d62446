import type { Approval, ApprovalStatus } from '../api/approvals';

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  recalled: 'Recalled',
  timed_out: 'Nobody decided',
  cancelled: 'Cancelled',
};

const ACTION_WORDS: Record<Approval['decisions'][number]['action'], string> = {
  approve: 'approved',
  reject: 'rejected',
  delegate: 'delegated',
  recall: 'recalled',
};

/** "Morgan Manager approved", "Morgan Manager delegated to Avery Approver". */
export function decisionSentence(decision: Approval['decisions'][number]): string {
  const verb = ACTION_WORDS[decision.action];
  const to = decision.delegateTo ? ` to ${decision.delegateTo.name}` : '';
  return `${decision.user.name} ${verb}${to}`;
}

/** For a request that is no longer pending: "approved by Morgan Manager", "timed out", … */
export function outcomeSentence(approval: Approval): string {
  const last = [...approval.decisions].reverse().find((d) => d.action !== 'delegate');
  switch (approval.status) {
    case 'approved':
    case 'rejected':
    case 'recalled':
      return last
        ? `${APPROVAL_STATUS_LABELS[approval.status].toLowerCase()} by ${last.user.name}`
        : APPROVAL_STATUS_LABELS[approval.status].toLowerCase();
    case 'timed_out':
      return 'closed because nobody decided in time';
    case 'cancelled':
      return 'cancelled';
    case 'pending':
      return 'still pending';
  }
}
