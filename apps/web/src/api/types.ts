export type Role = 'admin' | 'sales_rep' | 'approver' | 'manager' | 'engineer';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export type TaskStatus = 'open' | 'done';
export type TaskPriority = 'low' | 'normal' | 'high';

export interface TaskRecordRef {
  type: 'lead' | (string & {});
  id: string;
  label: string;
}

export type TaskOrigin =
  | {
      kind: 'workflow';
      workflowId: string | null;
      workflowName: string;
      version: number;
      runId: string;
      stepId: string;
    }
  | { kind: 'user'; userId: string | null; name: string | null };

export interface Task {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  dueAt: string;
  createdAt: string;
  completedAt: string | null;
  assignee: { id: string; name: string };
  record: TaskRecordRef | null;
  origin: TaskOrigin;
  /** The assignee asked for the task to go to someone else; null when no request is pending. */
  reassignRequest: TaskReassignRequest | null;
}

export interface TaskReassignRequest {
  requestedAt: string;
  reason: string;
  suggestedAssignee: { id: string; name: string } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type LeadStatus = 'new' | 'working' | 'qualified' | 'unqualified' | 'converted';
export type LeadSource = 'web' | 'referral' | 'event' | 'partner' | 'cold_call' | 'other';

export interface Lead {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  phone: string | null;
  source: LeadSource;
  status: LeadStatus;
  /** 0–100, null until scored. */
  score: number | null;
  region: string | null;
  owner: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** What the lead became when it was converted. */
  convertedTo: LeadConvertedTo | null;
}

export interface LeadConvertedTo {
  accountId: string;
  contactId: string;
  opportunityId: string | null;
  at: string;
}
