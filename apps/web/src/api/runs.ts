import type { TrailEntry, VisitStatus } from '@baton/rule-builder-react';
import { apiRequest } from './client';
import type { Page } from './types';

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface RunTrailEntry extends TrailEntry {
  type: string;
  status: VisitStatus;
  startedAt: string;
  finishedAt?: string;
  error?: { code: string; message: string };
}

export interface RunView {
  id: string;
  workflowId: string;
  version: number;
  record: { type: string; id: string };
  status: RunStatus;
  trail: RunTrailEntry[];
  error: { code: string; message: string; stepId: string } | null;
  startedAt: string;
  finishedAt: string | null;
  temporalUiUrl: string | null;
  parentRunId: string | null;
}

export const RUNS_SHOWN = 25;

/** The workflow's newest runs. */
export function fetchRuns(workflowId: string, signal?: AbortSignal): Promise<Page<RunView>> {
  const query = new URLSearchParams({ workflowId, limit: String(RUNS_SHOWN) });
  return apiRequest<Page<RunView>>(`/runs?${query.toString()}`, { signal });
}

/** One run; while it runs, its trail is read live from the workflow. */
export function fetchRun(id: string, signal?: AbortSignal): Promise<RunView> {
  return apiRequest<RunView>(`/runs/${encodeURIComponent(id)}`, { signal });
}

export type AssumedApproval = 'approved' | 'rejected' | 'timed_out';

export interface DryRunStep extends TrailEntry {
  type: string;
  intentions: Array<{ kind: string; summary: string; details: Record<string, unknown> }>;
  error: { code: string; message: string } | null;
}

export interface DryRunResult {
  status: 'completed' | 'failed';
  path: string[];
  steps: DryRunStep[];
  error: { code: string; message: string; stepId: string } | null;
}

/** Runs a version on a record with every write rolled back: the path and what each step would do. */
export function dryRunVersion(
  workflowId: string,
  version: number,
  body: { recordId: string; approvals: AssumedApproval },
): Promise<DryRunResult> {
  return apiRequest<DryRunResult>(
    `/workflows/${encodeURIComponent(workflowId)}/versions/${version}/dry-run`,
    { method: 'POST', body },
  );
}
