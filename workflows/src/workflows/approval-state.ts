import type {
  ApprovalActionInput,
  ApprovalDecision,
  ApprovalState,
  ApprovalStepOutput,
} from '@baton/contracts';

/** Why an approval action is refused; the Update's validator turns it into a rejection with this code. */
export interface ApprovalProblem {
  code:
    | 'APPROVAL_NOT_PENDING'
    | 'NOT_AN_APPROVER'
    | 'ALREADY_DECIDED'
    | 'NOT_THE_SUBMITTER'
    | 'VALIDATION_FAILED';
  message: string;
}

/**
 * Checks an action against the request as it stands. Pure, so the Update validator can run it:
 * of two decisions arriving together, the second is checked after the first was applied and
 * is refused here, before it is ever written to history.
 */
export function checkApprovalAction(
  state: ApprovalState | undefined,
  input: ApprovalActionInput,
): ApprovalProblem | undefined {
  if (!state || state.approvalId !== input.approvalId || state.status !== 'pending') {
    const decided =
      state?.approvalId === input.approvalId ? ` (it is ${state.status.replace('_', ' ')})` : '';
    return { code: 'APPROVAL_NOT_PENDING', message: `This approval request is no longer pending${decided}` };
  }
  if (input.action === 'recall') {
    return state.recallers.includes(input.userId)
      ? undefined
      : {
          code: 'NOT_THE_SUBMITTER',
          message: 'Only the submitter or the record owner can recall this request',
        };
  }
  const slot = state.slots.find((s) => s.userIds.includes(input.userId));
  if (!slot) return { code: 'NOT_AN_APPROVER', message: 'You are not an approver of this request' };
  if (slot.decision) {
    return { code: 'ALREADY_DECIDED', message: 'Your part of this request is already decided' };
  }
  if (input.action === 'delegate' && (!input.delegateTo || input.delegateTo === input.userId)) {
    return { code: 'VALIDATION_FAILED', message: 'Delegate to someone other than yourself' };
  }
  return undefined;
}

/** Applies an action that passed the check; synchronous so no other action can interleave. */
export function applyApprovalAction(state: ApprovalState, input: ApprovalActionInput, at: string): void {
  const decision: ApprovalDecision = { userId: input.userId, action: input.action, at };
  if (input.comment !== undefined) decision.comment = input.comment;
  if (input.delegateTo !== undefined) decision.delegateTo = input.delegateTo;
  state.decisions.push(decision);
  if (input.action === 'recall') {
    state.status = 'recalled';
    return;
  }
  const slot = state.slots.find((s) => s.userIds.includes(input.userId))!;
  if (input.action === 'delegate') {
    slot.userIds = [...slot.userIds.filter((id) => id !== input.userId), input.delegateTo!].filter(
      (id, i, all) => all.indexOf(id) === i,
    );
    return;
  }
  slot.decision = input.action;
  slot.decidedById = input.userId;
  if (input.action === 'reject') state.status = 'rejected';
  else if (state.mode === 'any' || state.slots.every((s) => s.decision === 'approve'))
    state.status = 'approved';
}

/** The users still to answer: everyone in a slot nobody has decided yet. */
export function undecidedUsers(state: ApprovalState): string[] {
  return [...new Set(state.slots.filter((s) => !s.decision).flatMap((s) => s.userIds))];
}

/**
 * Adds each undecided approver's manager to that approver's slot (the approver may still answer).
 * Returns whether anyone was added; nobody means the chain has run out.
 */
export function escalateApproval(state: ApprovalState, managers: Record<string, string | null>): boolean {
  let added = false;
  for (const slot of state.slots) {
    if (slot.decision) continue;
    for (const userId of [...slot.userIds]) {
      const manager = managers[userId];
      if (manager && !slot.userIds.includes(manager)) {
        slot.userIds.push(manager);
        added = true;
      }
    }
  }
  if (added) state.escalations += 1;
  return added;
}

/** The step's output once the request is settled (or once every stage was skipped). */
export function approvalOutput(state: ApprovalState | undefined, approvalIds: string[]): ApprovalStepOutput {
  if (!state) return { decision: 'approved', comment: null, decidedById: null, approvalIds };
  const deciding = [...state.decisions].reverse().find((d) => d.action !== 'delegate');
  const decision = state.status === 'pending' || state.status === 'cancelled' ? 'timed_out' : state.status;
  return {
    decision,
    comment: deciding?.comment ?? null,
    decidedById: deciding?.userId ?? null,
    approvalIds,
  };
}
