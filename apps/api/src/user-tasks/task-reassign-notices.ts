import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification } from '../notifications/notification.entity';
import type { Task } from '../tasks/task.entity';
import { User } from '../users/user.entity';

// Deep enough for any real org chart, and a guard against a cycle in bad data.
const MAX_CHAIN = 10;

/** Who answers a reassignment request: the assignee's manager, or every active admin when there is none. */
export async function reassignDeciders(tx: EntityManager, assignee: User): Promise<User[]> {
  const manager = assignee.managerId
    ? await tx.findOne(User, { id: assignee.managerId, active: true })
    : null;
  return manager ? [manager] : tx.find(User, { role: 'admin', active: true }, { orderBy: { name: 'asc' } });
}

/** Whether `actorId` is somewhere above `assignee` in the management chain (their Team page lists them). */
export async function managesUser(tx: EntityManager, assignee: User, actorId: string): Promise<boolean> {
  let current = assignee.managerId;
  for (let depth = 0; current && depth < MAX_CHAIN; depth++) {
    if (current === actorId) return true;
    current = (await tx.findOne(User, { id: current }))?.managerId ?? null;
  }
  return false;
}

// Notifications link to the record the task is about, where the manager sees the whole story.
function notify(tx: EntityManager, userId: string, task: Task, title: string, body: string): void {
  tx.create(Notification, {
    userId,
    title,
    body,
    recordType: task.recordType,
    recordId: task.recordId,
  });
}

export function notifyReassignRequested(tx: EntityManager, task: Task, deciders: User[]): void {
  const suggested = task.reassignSuggestedAssignee;
  const body = `${task.assignee.name} asks for someone else to take it: ${task.reassignReason ?? ''}${
    suggested ? ` (suggests ${suggested.name})` : ''
  }`;
  for (const decider of deciders) {
    notify(tx, decider.id, task, `Reassignment requested: ${task.title}`, body);
  }
}

/** The new assignee learns of the task; whoever asked to hand it on learns that it went. */
export function notifyReassigned(
  tx: EntityManager,
  task: Task,
  from: User,
  actor: User,
  hadRequest: boolean,
): void {
  notify(
    tx,
    task.assignee.id,
    task,
    `Task assigned to you: ${task.title}`,
    `${actor.name} handed it over from ${from.name}.`,
  );
  if (hadRequest && from.id !== actor.id) {
    notify(
      tx,
      from.id,
      task,
      `Task reassigned: ${task.title}`,
      `${actor.name} gave it to ${task.assignee.name}.`,
    );
  }
}
