import type { EntityManager } from '@mikro-orm/postgresql';
import { recordChange } from '../accounts/crm-events';
import type { Changes } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import type { Task } from '../tasks/task.entity';
import type { User } from '../users/user.entity';

/** The task fields its `task.created` / `task.updated` events carry. */
export const TASK_EVENT_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'dueAt',
  'assignee',
  'recordType',
  'recordId',
  'createdBy',
  'reassignRequestedAt',
  'reassignReason',
  'reassignSuggestedAssignee',
] as const;

export function recordTaskChange(
  outbox: OutboxService,
  tx: EntityManager,
  task: Task,
  action: 'created' | 'updated',
  actor: User,
  changes: Changes,
): void {
  recordChange(outbox, tx, { type: 'task', id: task.id }, action, actor, changes);
}
