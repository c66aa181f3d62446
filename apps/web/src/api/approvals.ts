import { apiRequest } from './client';
import type { Page } from './types';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'recalled' | 'timed_out' | 'cancelled';
export type ApprovalActionKind = 'approve' | 'reject' | 'delegate' | 'recall';

interface UserRef {
  id: string;
  name: string;
}

export interface Approval {
  /** Contains ':' — always encodeURIComponent it in a path. */
  id: string;
  runId: string;
  stage: number;
  stageName: string;
  /** The rule that routed the request here, in words. */
  reason: string;
  record: { type: string; id: string; label: string };
  mode: 'any' | 'all';
  status: ApprovalStatus;
  approvers: Array<{ users: UserRef[]; decision: 'approve' | 'reject' | null; decidedBy: UserRef | null }>;
  decisions: Array<{
    user: UserRef;
    action: ApprovalActionKind;
    comment: string | null;
    delegateTo: UserRef | null;
    at: string;
  }>;
  escalations: number;
  requestedBy: UserRef | null;
  dueAt: string;
  createdAt: string;
  decidedAt: string | null;
  /** Whether the signed-in user may approve or reject it now. */
  canDecide: boolean;
  /** The quote's cost and margin as they stand now; null for other records or when a cost is unknown. */
  costTotal: string | null;
  marginPercent: number | null;
}

export interface ApprovalActionInput {
  action: ApprovalActionKind;
  comment?: string;
  delegateTo?: string;
}

const path = (id: string) => `/approvals/${encodeURIComponent(id)}`;

/** Requests waiting on the signed-in user. */
export function fetchApprovalInbox(signal?: AbortSignal): Promise<Page<Approval>> {
  return apiRequest<Page<Approval>>('/approvals?approver=me&status=pending&limit=100', { signal });
}

export function fetchApprovalsFor(recordId: string, signal?: AbortSignal): Promise<Page<Approval>> {
  const query = new URLSearchParams({ recordId, limit: '50' });
  return apiRequest<Page<Approval>>(`/approvals?${query.toString()}`, { signal });
}

/** The newest requests the user may see, any status (managers and admins see all). */
export function fetchRecentApprovals(signal?: AbortSignal): Promise<Page<Approval>> {
  return apiRequest<Page<Approval>>('/approvals?limit=200', { signal });
}

export function fetchApproval(id: string, signal?: AbortSignal): Promise<Approval> {
  return apiRequest<Approval>(path(id), { signal });
}

/** Answers with the request as it stands after the action; a request decided elsewhere is 409 APPROVAL_NOT_PENDING. */
export function actOnApproval(id: string, input: ApprovalActionInput): Promise<Approval> {
  return apiRequest<Approval>(`${path(id)}/actions`, { method: 'POST', body: input });
}
