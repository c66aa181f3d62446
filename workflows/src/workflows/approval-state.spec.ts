import type { ApprovalActionInput, ApprovalState } from '@baton/contracts';
import {
  applyApprovalAction,
  approvalOutput,
  checkApprovalAction,
  escalateApproval,
  undecidedUsers,
} from './approval-state';

const AT = '2026-11-23T10:00:00.000Z';

function request(mode: 'any' | 'all', approvers: string[]): ApprovalState {
  return {
    approvalId: 'a1',
    status: 'pending',
    mode,
    slots: approvers.map((id) => ({ userIds: [id] })),
    decisions: [],
    recallers: ['rep'],
    escalations: 0,
  };
}

const act = (
  userId: string,
  action: ApprovalActionInput['action'],
  extra: Partial<ApprovalActionInput> = {},
) => ({
  approvalId: 'a1',
  userId,
  action,
  ...extra,
});

function decide(state: ApprovalState, input: ApprovalActionInput) {
  const problem = checkApprovalAction(state, input);
  if (!problem) applyApprovalAction(state, input, AT);
  return problem?.code;
}

describe('approval request state', () => {
  it('lets the first of two racing decisions win and refuses the second', () => {
    const state = request('any', ['boss', 'finance']);
    expect(decide(state, act('boss', 'approve'))).toBeUndefined();
    expect(decide(state, act('finance', 'reject', { comment: 'no' }))).toBe('APPROVAL_NOT_PENDING');
    expect(state.status).toBe('approved');
    expect(state.decisions).toHaveLength(1);
  });

  it('needs every approver in `all` mode, and one rejection ends it', () => {
    const state = request('all', ['boss', 'finance', 'legal']);
    expect(decide(state, act('boss', 'approve'))).toBeUndefined();
    expect(state.status).toBe('pending');
    expect(decide(state, act('boss', 'approve'))).toBe('ALREADY_DECIDED');
    expect(decide(state, act('finance', 'approve'))).toBeUndefined();
    expect(undecidedUsers(state)).toEqual(['legal']);
    expect(decide(state, act('legal', 'reject', { comment: 'terms' }))).toBeUndefined();
    expect(state.status).toBe('rejected');
    expect(approvalOutput(state, ['a1'])).toEqual({
      decision: 'rejected',
      comment: 'terms',
      decidedById: 'legal',
      approvalIds: ['a1'],
    });
  });

  it('refuses strangers, recalls by others than the submitter, and self-delegation', () => {
    const state = request('any', ['boss']);
    expect(decide(state, act('stranger', 'approve'))).toBe('NOT_AN_APPROVER');
    expect(decide(state, act('boss', 'recall'))).toBe('NOT_THE_SUBMITTER');
    expect(decide(state, act('boss', 'delegate', { delegateTo: 'boss' }))).toBe('VALIDATION_FAILED');
    expect(decide(state, { ...act('boss', 'approve'), approvalId: 'other' })).toBe('APPROVAL_NOT_PENDING');
    expect(state.decisions).toEqual([]);
    expect(decide(state, act('rep', 'recall'))).toBeUndefined();
    expect(approvalOutput(state, ['a1']).decision).toBe('recalled');
  });

  it('hands a delegated place over: the delegate decides, the delegator no longer can', () => {
    const state = request('any', ['boss']);
    expect(decide(state, act('boss', 'delegate', { delegateTo: 'deputy' }))).toBeUndefined();
    expect(state.slots).toEqual([{ userIds: ['deputy'] }]);
    expect(decide(state, act('boss', 'approve'))).toBe('NOT_AN_APPROVER');
    expect(decide(state, act('deputy', 'approve', { comment: 'ok' }))).toBeUndefined();
    expect(approvalOutput(state, ['a1'])).toMatchObject({
      decision: 'approved',
      decidedById: 'deputy',
      comment: 'ok',
    });
  });

  it("escalates undecided places to each approver's manager, and reports when the chain runs out", () => {
    const state = request('all', ['boss', 'finance']);
    decide(state, act('finance', 'approve'));
    expect(escalateApproval(state, { boss: 'ceo', finance: 'cfo' })).toBe(true);
    expect(state.slots).toEqual([
      { userIds: ['boss', 'ceo'] },
      { userIds: ['finance'], decision: 'approve', decidedById: 'finance' },
    ]);
    expect(state.escalations).toBe(1);
    expect(escalateApproval(state, { boss: 'ceo', ceo: null })).toBe(false);
    expect(decide(state, act('ceo', 'approve'))).toBeUndefined();
    expect(state.status).toBe('approved');
  });

  it('approves outright when no stage applied', () => {
    expect(approvalOutput(undefined, [])).toEqual({
      decision: 'approved',
      comment: null,
      decidedById: null,
      approvalIds: [],
    });
  });
});
