import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { fieldsOf } from '../accounts/crm-events';
import { diff } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import { clearReassignRequest, Task } from '../tasks/task.entity';
import { TASK_POPULATE } from '../tasks/task.view';
import { User } from '../users/user.entity';
import { recordTaskChange, TASK_EVENT_FIELDS } from './task-events';
import {
  managesUser,
  notifyReassigned,
  notifyReassignRequested,
  reassignDeciders,
} from './task-reassign-notices';
import type { ReassignRequestInput, ReassignTaskInput } from './user-task.dto';

// Reps cannot give their tasks away; they ask, and their manager (or an admin) decides.

// Locked, so two requests at once (or a request racing a reassignment) are answered one after the other.
async function lockedTask(tx: EntityManager, id: string): Promise<Task> {
  const task = await tx.findOne(Task, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!task) throw new BatonError('NOT_FOUND', 'No task with this id', { id });
  await tx.populate(task, TASK_POPULATE);
  return task;
}

function assertOpen(task: Task): void {
  if (task.status !== 'open') {
    throw new BatonError('INVALID_TRANSITION', 'A done task cannot be reassigned', { status: task.status });
  }
}

async function activeUser(tx: EntityManager, id: string, field: string, problem: string): Promise<User> {
  const user = await tx.findOne(User, { id, active: true });
  if (!user) throw new BatonError('VALIDATION_FAILED', problem, { field, id });
  return user;
}

/** The assignee asks for the task to go to someone else; their manager (or the admins) are told. */
export async function requestReassignment(
  tx: EntityManager,
  outbox: OutboxService,
  id: string,
  input: ReassignRequestInput,
  actor: User,
): Promise<Task> {
  const task = await lockedTask(tx, id);
  if (task.assignee.id !== actor.id) {
    throw new BatonError('FORBIDDEN', 'Only the assignee may ask for this task to be reassigned');
  }
  assertOpen(task);
  if (task.reassignRequestedAt) {
    throw new BatonError(
      'REASSIGN_ALREADY_REQUESTED',
      'A reassignment of this task was already requested and is waiting for an answer',
      { requestedAt: task.reassignRequestedAt.toISOString() },
    );
  }
  const suggested = input.suggestedAssigneeId
    ? await activeUser(tx, input.suggestedAssigneeId, 'suggestedAssigneeId', 'Suggest an active colleague')
    : null;
  if (suggested?.id === actor.id) {
    throw new BatonError('VALIDATION_FAILED', 'Suggest someone other than yourself', {
      field: 'suggestedAssigneeId',
    });
  }
  const before = fieldsOf(task);
  task.reassignRequestedAt = new Date();
  task.reassignReason = input.reason;
  task.reassignSuggestedAssignee = suggested;
  recordTaskChange(outbox, tx, task, 'updated', actor, diff(before, fieldsOf(task), TASK_EVENT_FIELDS));
  notifyReassignRequested(tx, task, await reassignDeciders(tx, task.assignee));
  return task;
}

/** The assignee's manager (anyone above them) or an admin hands an open task to another active user. */
export async function reassignTask(
  tx: EntityManager,
  outbox: OutboxService,
  id: string,
  input: ReassignTaskInput,
  actor: User,
): Promise<Task> {
  const task = await lockedTask(tx, id);
  const from = task.assignee;
  if (actor.role !== 'admin' && !(await managesUser(tx, from, actor.id))) {
    throw new BatonError('FORBIDDEN', "Only the assignee's manager or an admin may reassign this task");
  }
  assertOpen(task);
  const to = await activeUser(tx, input.assigneeId, 'assigneeId', 'The assignee is not an active user');
  if (to.id === from.id) {
    throw new BatonError('VALIDATION_FAILED', 'The task is already assigned to this user', {
      field: 'assigneeId',
    });
  }
  const hadRequest = task.reassignRequestedAt !== null;
  const before = fieldsOf(task);
  task.assignee = to;
  clearReassignRequest(task);
  recordTaskChange(outbox, tx, task, 'updated', actor, diff(before, fieldsOf(task), TASK_EVENT_FIELDS));
  notifyReassigned(tx, task, from, actor, hadRequest);
  return task;
}
