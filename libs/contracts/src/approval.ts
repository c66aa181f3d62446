import { z } from 'zod';
import { ROLES } from '@baton/domain';
import { jsonLogicSchema } from './definition';

/** Who may decide a stage: the record owner's manager, everyone with a role, or a named user. */
export const approverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manager_of_owner') }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(ROLES) }),
  z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
]);

export const approvalStageSchema = z.strictObject({
  /** Shown to approvers as the reason the request reached them, e.g. "Discount over 10 %". */
  name: z.string().trim().min(1).max(100),
  /** The stage applies only when this holds for the record; stages run in order. */
  when: jsonLogicSchema.optional(),
  approvers: z.array(approverSchema).min(1).max(10),
  /** `any`: one approval decides the stage; `all`: every approver must approve. */
  mode: z.enum(['any', 'all']).default('any'),
});

export const APPROVAL_TIMEOUT_UNITS = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'business_hours',
  'business_days',
] as const;

export const approvalConfigSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  stages: z.array(approvalStageSchema).min(1).max(10),
  /** How long approvers have before the request climbs to their managers. */
  timeout: z.strictObject({
    amount: z.number().int().min(1).max(100_000),
    unit: z.enum(APPROVAL_TIMEOUT_UNITS),
  }),
  /** How many times an unanswered request climbs the management chain before it times out. */
  maxEscalations: z.number().int().min(0).max(5).default(1),
});

export type ApprovalConfig = z.infer<typeof approvalConfigSchema>;
export type ApproverSpec = z.infer<typeof approverSchema>;
export type ApprovalMode = ApprovalConfig['stages'][number]['mode'];

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'recalled' | 'timed_out' | 'cancelled';
export type ApprovalActionKind = 'approve' | 'reject' | 'delegate' | 'recall';

/** One place in a stage: decided by any one of its users (the approver, a delegate, or a manager it climbed to). */
export interface ApproverSlot {
  userIds: string[];
  decision?: 'approve' | 'reject';
  decidedById?: string;
}

export interface ApprovalDecision {
  userId: string;
  action: ApprovalActionKind;
  comment?: string;
  delegateTo?: string;
  /** Workflow time. */
  at: string;
}

/** An approval request as the run holds it and as the approvals table mirrors it. */
export interface ApprovalState {
  approvalId: string;
  status: ApprovalStatus;
  mode: ApprovalMode;
  slots: ApproverSlot[];
  decisions: ApprovalDecision[];
  /** Who may recall it: whoever caused the run (e.g. submitted the quote) and the record owner. */
  recallers: string[];
  escalations: number;
}

/** What a person sends to decide, delegate or recall; the API fills `userId` from the session. */
export interface ApprovalActionInput {
  approvalId: string;
  userId: string;
  action: ApprovalActionKind;
  comment?: string;
  delegateTo?: string;
}

export { APPROVAL_UPDATE } from './approval-names';

/** What the approval step returns, for transitions such as `steps.approve.decision == "approved"`. */
export interface ApprovalStepOutput extends Record<string, unknown> {
  decision: Exclude<ApprovalStatus, 'pending' | 'cancelled'>;
  comment: string | null;
  decidedById: string | null;
  approvalIds: string[];
}

export interface OpenApprovalInput {
  approvalId: string;
  runId: string;
  stepId: string;
  stage: number;
  stageName: string;
  reason: string;
  record: { type: string; id: string };
  approvers: ApproverSpec[];
  mode: ApprovalMode;
  requestedById: string | null;
  dueAt: string;
  title: string;
}

export interface OpenApprovalOutput {
  /** One slot per resolved approver. */
  approverIds: string[];
  ownerId: string | null;
}
