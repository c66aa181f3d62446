import type { Trigger, WorkflowDefinition } from '@baton/contracts';
import type { DefinitionDiff } from '@baton/rule-builder-core';
import type { ActivityTypesResponse, EditorValidationReport } from '@baton/rule-builder-react';
import { apiRequest } from './client';

export interface VersionSummary {
  id: string;
  version: number;
  status: 'draft' | 'published';
  note: string | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface WorkflowView {
  id: string;
  key: string;
  name: string;
  entity: string;
  archived: boolean;
  activeVersion: VersionSummary | null;
  /** Newest first. */
  versions: VersionSummary[];
  /** In the list only: who answers for it, how it has been running, and the triggers of the
   * version a row describes (the live one, else the latest). */
  owner?: { id: string; name: string } | null;
  stats?: WorkflowStats;
  triggers?: Trigger[];
}

export interface WorkflowStats {
  /** Runs started in the last 7 days, and how many of them failed. */
  runs7d: number;
  failures7d: number;
  lastRun: { status: 'running' | 'completed' | 'failed' | 'cancelled'; startedAt: string } | null;
}

export interface WorkflowVersionDetail {
  version: number;
  status: 'draft' | 'published';
  note: string | null;
  definition: WorkflowDefinition;
}

export function fetchWorkflows(signal?: AbortSignal): Promise<{ items: WorkflowView[] }> {
  return apiRequest<{ items: WorkflowView[] }>('/workflows', { signal });
}

export function fetchWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowView> {
  return apiRequest<WorkflowView>(`/workflows/${encodeURIComponent(id)}`, { signal });
}

export function fetchWorkflowVersion(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<WorkflowVersionDetail> {
  return apiRequest<WorkflowVersionDetail>(`/workflows/${encodeURIComponent(id)}/versions/${version}`, {
    signal,
  });
}

export function fetchActivityTypes(signal?: AbortSignal): Promise<ActivityTypesResponse> {
  return apiRequest<ActivityTypesResponse>('/activity-types', { signal });
}

export function validateWorkflow(
  definition: WorkflowDefinition,
  signal?: AbortSignal,
): Promise<EditorValidationReport> {
  return apiRequest<EditorValidationReport>('/workflows/validate', {
    method: 'POST',
    body: { definition },
    signal,
  });
}

/** Creates the workflow; its definition becomes draft version 1. */
export function createWorkflow(definition: WorkflowDefinition): Promise<WorkflowView> {
  return apiRequest<WorkflowView>('/workflows', { method: 'POST', body: { definition } });
}

/**
 * Saves a new draft version after the latest one. With `baseVersion` (the version the editor
 * started from) the server answers 409 CONFLICT instead when a newer version was saved meanwhile.
 */
export function saveWorkflowVersion(
  id: string,
  definition: WorkflowDefinition,
  baseVersion?: number,
): Promise<WorkflowView> {
  return apiRequest<WorkflowView>(`/workflows/${encodeURIComponent(id)}/versions`, {
    method: 'POST',
    body: baseVersion === undefined ? { definition } : { definition, baseVersion },
  });
}

export function publishWorkflowVersion(id: string, version: number, note: string): Promise<WorkflowView> {
  return apiRequest<WorkflowView>(`/workflows/${encodeURIComponent(id)}/versions/${version}/publish`, {
    method: 'POST',
    body: { note },
  });
}

/** Who saved or published a version; null for versions Baton shipped with. */
export type VersionPerson = { id: string; name: string } | null;

export interface VersionHistoryItem {
  id: string;
  version: number;
  status: 'draft' | 'published';
  /** `active`: what new runs start with; `superseded`: published before it. */
  state: 'draft' | 'active' | 'superseded';
  note: string | null;
  createdAt: string;
  createdBy: VersionPerson;
  publishedAt: string | null;
  publishedBy: VersionPerson;
  restoredFrom: number | null;
  /** Changes from the version before; null for the first. */
  changes: number | null;
}

export interface VersionHistory {
  workflowId: string;
  activeVersion: number | null;
  /** Newest first. */
  items: VersionHistoryItem[];
}

export type VersionDiff = DefinitionDiff & { from: number; to: number };

export function fetchVersionHistory(id: string, signal?: AbortSignal): Promise<VersionHistory> {
  return apiRequest<VersionHistory>(`/workflows/${encodeURIComponent(id)}/versions`, { signal });
}

export function fetchVersionDiff(
  id: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<VersionDiff> {
  return apiRequest<VersionDiff>(`/workflows/${encodeURIComponent(id)}/versions/${from}/diff/${to}`, {
    signal,
  });
}

/** Copies a version's definition into a new draft after the latest one, and publishes it if asked. */
export function restoreWorkflowVersion(
  id: string,
  version: number,
  options: { publish: boolean; note?: string },
): Promise<WorkflowView> {
  return apiRequest<WorkflowView>(`/workflows/${encodeURIComponent(id)}/versions/${version}/restore`, {
    method: 'POST',
    body: options,
  });
}

/** Archived workflows start no new runs (admins only); restoring re-arms the live version. */
export function setWorkflowArchived(id: string, archived: boolean): Promise<WorkflowView> {
  return apiRequest<WorkflowView>(
    `/workflows/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`,
    {
      method: 'POST',
    },
  );
}
