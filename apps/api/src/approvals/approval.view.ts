import type { QuoteMargin } from '../quotes/quote-margin';
import type { User } from '../users/user.entity';
import type { ApprovalView } from './approval.dto';
import type { Approval } from './approval.entity';

const NO_MARGIN: QuoteMargin = { costTotal: null, marginPercent: null };

/** `names`: user id → name for everyone the request mentions; `margins`: quote id → its margin. */
export function approvalView(
  approval: Approval,
  names: Map<string, string>,
  viewer: User,
  margins: Map<string, QuoteMargin>,
): ApprovalView {
  const ref = (id: string) => ({ id, name: names.get(id) ?? 'Former user' });
  return {
    id: approval.id,
    runId: approval.runId,
    stage: approval.stage,
    stageName: approval.stageName,
    reason: approval.reason,
    record: { type: approval.recordType, id: approval.recordId, label: approval.recordLabel },
    mode: approval.mode,
    status: approval.status,
    approvers: approval.approvers.map((slot) => ({
      users: slot.userIds.map(ref),
      decision: slot.decision ?? null,
      decidedBy: slot.decidedById ? ref(slot.decidedById) : null,
    })),
    decisions: approval.decisions.map((d) => ({
      user: ref(d.userId),
      action: d.action,
      comment: d.comment ?? null,
      delegateTo: d.delegateTo ? ref(d.delegateTo) : null,
      at: d.at,
    })),
    escalations: approval.escalations,
    requestedBy: approval.requestedById ? ref(approval.requestedById) : null,
    dueAt: approval.dueAt.toISOString(),
    createdAt: approval.createdAt.toISOString(),
    decidedAt: approval.decidedAt?.toISOString() ?? null,
    canDecide:
      approval.status === 'pending' &&
      approval.approvers.some((s) => !s.decision && s.userIds.includes(viewer.id)),
    ...((approval.recordType === 'quote' && margins.get(approval.recordId)) || NO_MARGIN),
  };
}
