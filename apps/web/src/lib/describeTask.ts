import type { Task, TaskRecordRef } from '../api/types';

const RECORD_TYPE_LABELS: Record<string, string> = {
  lead: 'Lead',
};

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Lead · Ada Lovelace" */
export function recordLabel(record: TaskRecordRef): string {
  const type = RECORD_TYPE_LABELS[record.type] ?? capitalise(record.type);
  return `${type} · ${record.label}`;
}

/** Why the task exists: "Created by workflow Lead handoff v1". */
export function originLabel(origin: Task['origin'], currentUserId: string): string {
  if (origin.kind === 'workflow') return `Created by workflow ${origin.workflowName} v${origin.version}`;
  if (origin.userId === currentUserId) return 'Created by you';
  return origin.name ? `Created by ${origin.name}` : 'Created manually';
}

export const PRIORITY_LABELS: Record<Task['priority'], string> = {
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};
