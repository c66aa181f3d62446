import type { Task, TaskRecordRef } from '../api/types';

const RECORD_TYPE_LABELS: Record<TaskRecordRef['type'], string> = {
  lead: 'Lead',
};

/** "Lead · Ada Lovelace" */
export function recordLabel(record: TaskRecordRef): string {
  const type = RECORD_TYPE_LABELS[record.type] ?? record.type;
  return `${type} · ${record.label}`;
}

/** Why the task exists: "Created by workflow Lead handoff v1". */
export function originLabel(origin: Task['origin'], currentUserId: string): string {
  if (origin.kind === 'workflow') return `Created by workflow ${origin.workflowName} v${origin.version}`;
  return origin.userId === currentUserId ? 'Created by you' : `Created by ${origin.name}`;
}

export const PRIORITY_LABELS: Record<Task['priority'], string> = {
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};
