import { z } from 'zod';
import { limitSchema } from '../common/pagination';
import { quoteMarginSchema } from '../quotes/quote.dto';

export const APPROVAL_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'recalled',
  'timed_out',
  'cancelled',
] as const;

export const listApprovalsQuerySchema = z.strictObject({
  status: z.enum(APPROVAL_STATUSES).optional(),
  /** `me`: requests the signed-in user can decide now. */
  approver: z.literal('me').optional(),
  recordId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: limitSchema,
});
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuerySchema>;

export const approvalActionSchema = z
  .strictObject({
    action: z.enum(['approve', 'reject', 'delegate', 'recall']),
    comment: z.string().trim().max(2000).optional(),
    delegateTo: z.uuid().optional(),
  })
  .refine((a) => a.action !== 'delegate' || a.delegateTo !== undefined, {
    message: 'delegateTo is required to delegate',
    path: ['delegateTo'],
  })
  .refine((a) => a.action !== 'reject' || (a.comment?.length ?? 0) > 0, {
    message: 'Say why when rejecting',
    path: ['comment'],
  });
export type ApprovalActionBody = z.infer<typeof approvalActionSchema>;

const userRef = z.object({ id: z.uuid(), name: z.string() });

export const approvalViewSchema = z.object({
  id: z.string(),
  runId: z.string(),
  stage: z.number(),
  stageName: z.string(),
  reason: z.string(),
  record: z.object({ type: z.string(), id: z.uuid(), label: z.string() }),
  mode: z.enum(['any', 'all']),
  status: z.enum(APPROVAL_STATUSES),
  approvers: z.array(
    z.object({
      users: z.array(userRef),
      decision: z.enum(['approve', 'reject']).nullable(),
      decidedBy: userRef.nullable(),
    }),
  ),
  decisions: z.array(
    z.object({
      user: userRef,
      action: z.enum(['approve', 'reject', 'delegate', 'recall']),
      comment: z.string().nullable(),
      delegateTo: userRef.nullable(),
      at: z.string(),
    }),
  ),
  escalations: z.number(),
  requestedBy: userRef.nullable(),
  dueAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  /** Whether the signed-in user may approve or reject it now. */
  canDecide: z.boolean(),
  // The quote's cost and margin as they stand now; both null for a request about another record.
  ...quoteMarginSchema.shape,
});
export type ApprovalView = z.infer<typeof approvalViewSchema>;

export const approvalPageSchema = z.object({
  items: z.array(approvalViewSchema),
  nextCursor: z.string().nullable(),
});
