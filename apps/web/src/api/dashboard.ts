import { apiRequest } from './client';
import type { RenewalStatus } from './crm';
import type { LeadStatus } from './types';

/** GET /api/dashboard: a rep's own numbers, a manager's team's, everyone's for admins. */
export interface Dashboard {
  generatedAt: string;
  scope: { kind: 'own' | 'team' | 'everyone'; people: number | null };
  leadFunnel: { stages: Array<{ status: LeadStatus; count: number }>; total: number };
  overdueTasks: {
    people: Array<{ assignee: { id: string; name: string }; count: number; oldestDueAt: string }>;
    total: number;
  };
  slaBreaches: {
    /** UTC days, oldest first, ending today. */
    days: Array<{ day: string; breaches: number; escalations: number }>;
    totalBreaches: number;
    totalEscalations: number;
    openBreaches: number;
  };
  workflowRuns: { since: string; workflows: WorkflowRunStats[] };
  renewals: { from: string; to: string; weeks: RenewalWeek[] };
}

export interface WorkflowRunStats {
  workflow: { id: string; name: string };
  runs: number;
  completed: number;
  failed: number;
  cancelled: number;
  running: number;
  /** failed ÷ ended runs; null while none has ended. */
  failureRate: number | null;
}

export interface RenewalWeek {
  start: string;
  end: string;
  count: number;
  /** Decimal string, e.g. "1250.00". */
  amount: string;
  byStatus: Array<{ status: RenewalStatus; count: number; amount: string }>;
}

export function fetchDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return apiRequest<Dashboard>('/dashboard', { signal });
}
