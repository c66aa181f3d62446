import type { Task } from './task.entity';
import type { TaskView } from './task.dto';

/** The relations `taskView` reads. */
export const TASK_POPULATE = ['assignee', 'createdBy', 'reassignSuggestedAssignee'] as const;

export function taskView(task: Task): TaskView {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueAt: task.dueAt.toISOString(),
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    assignee: { id: task.assignee.id, name: task.assignee.name },
    record:
      task.recordType && task.recordId
        ? { type: task.recordType, id: task.recordId, label: task.recordLabel ?? task.recordType }
        : null,
    origin: task.runId
      ? {
          kind: 'workflow',
          workflowId: task.workflowId,
          workflowName: task.workflowName ?? 'workflow',
          version: task.workflowVersion ?? 0,
          runId: task.runId,
          stepId: task.stepId ?? '',
        }
      : { kind: 'user', userId: task.createdBy?.id ?? null, name: task.createdBy?.name ?? null },
    reassignRequest: task.reassignRequestedAt
      ? {
          requestedAt: task.reassignRequestedAt.toISOString(),
          reason: task.reassignReason ?? '',
          suggestedAssignee: task.reassignSuggestedAssignee
            ? { id: task.reassignSuggestedAssignee.id, name: task.reassignSuggestedAssignee.name }
            : null,
        }
      : null,
  };
}
