import { fetchWorkflowVersion, type WorkflowVersionDetail } from '../api/workflows';
import { useRemote } from './useRemote';

/** One saved version of a workflow (null: none asked for); versions never change once saved. */
export function useVersionDefinition(workflowId: string, version: number | null) {
  return useRemote<WorkflowVersionDetail | null>(`version:${workflowId}:${version ?? '-'}`, (signal) =>
    version === null ? Promise.resolve(null) : fetchWorkflowVersion(workflowId, version, signal),
  );
}
