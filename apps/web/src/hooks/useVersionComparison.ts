import type { WorkflowDefinition } from '@baton/contracts';
import { fetchVersionDiff, fetchWorkflowVersion, type VersionDiff } from '../api/workflows';
import { useRemote } from './useRemote';

export interface VersionComparison {
  /** The version looked at, and the one it is compared with (null: compared with nothing). */
  to: { version: number; definition: WorkflowDefinition };
  from: { version: number; definition: WorkflowDefinition } | null;
  diff: VersionDiff | null;
}

/** Loads a version, the version it is compared with, and the server's diff of the two. */
export function useVersionComparison(workflowId: string, to: number | null, from: number | null) {
  return useRemote<VersionComparison | null>(`${workflowId}:${from ?? '-'}:${to ?? '-'}`, async (signal) => {
    if (to === null) return null;
    const [shown, base, diff] = await Promise.all([
      fetchWorkflowVersion(workflowId, to, signal),
      from === null ? null : fetchWorkflowVersion(workflowId, from, signal),
      from === null ? null : fetchVersionDiff(workflowId, from, to, signal),
    ]);
    return {
      to: { version: to, definition: shown.definition },
      from: base && from !== null ? { version: from, definition: base.definition } : null,
      diff,
    };
  });
}
