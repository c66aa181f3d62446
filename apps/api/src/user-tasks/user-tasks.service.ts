import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { activeUser, editsAll } from '../accounts/crm-access';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { created, diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { linkedRecord } from '../record-links/record-link';
import type { TaskView } from '../tasks/task.dto';
import { Task } from '../tasks/task.entity';
import { taskView } from '../tasks/task.view';
import { User } from '../users/user.entity';
import type { CreateUserTaskInput, SnoozeTaskInput } from './user-task.dto';

const EVENT_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'dueAt',
  'assignee',
  'recordType',
  'recordId',
  'createdBy',
] as const;

/** Tasks people create and snooze by hand; workflow-made tasks come from the engine. */
@Injectable()
export class UserTasksService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateUserTaskInput, actor: User): Promise<TaskView> {
    const task = await this.em.transactional(async (tx) => {
      const assigneeId = input.assigneeId ?? actor.id;
      if (assigneeId !== actor.id && !editsAll(actor)) {
        throw new BatonError('FORBIDDEN', 'You may only assign tasks to yourself', { assigneeId });
      }
      const assignee = await tx.findOne(User, { id: assigneeId, active: true });
      if (!assignee) {
        throw new BatonError('VALIDATION_FAILED', 'The assignee is not an active user', { assigneeId });
      }
      const record =
        input.recordType && input.recordId
          ? await linkedRecord(tx, input.recordType, input.recordId, actor)
          : null;
      const task = tx.create(Task, {
        title: input.title,
        description: input.description ?? null,
        dueAt: new Date(input.dueAt),
        priority: input.priority ?? 'normal',
        assignee,
        recordType: record?.type ?? null,
        recordId: record?.id ?? null,
        recordLabel: record?.label ?? null,
        createdBy: await activeUser(tx, actor.id),
      });
      this.event(tx, task, 'created', actor, created(fieldsOf(task), EVENT_FIELDS));
      return task;
    });
    this.outbox.committed();
    return taskView(task);
  }

  /** Only the assignee pushes their own task out, and only into the future. */
  async snooze(id: string, input: SnoozeTaskInput, actor: User): Promise<TaskView> {
    const until = new Date(input.until);
    if (until.getTime() <= Date.now()) {
      throw new BatonError('VALIDATION_FAILED', 'until must be in the future', { field: 'until' });
    }
    const task = await this.em.transactional(async (tx) => {
      const task = await tx.findOne(Task, { id }, { populate: ['assignee', 'createdBy'] });
      if (!task) throw new BatonError('NOT_FOUND', 'No task with this id', { id });
      if (task.assignee.id !== actor.id) {
        throw new BatonError('FORBIDDEN', 'Only the assignee may snooze this task');
      }
      if (task.status !== 'open') {
        throw new BatonError('INVALID_TRANSITION', 'A done task cannot be snoozed', { status: task.status });
      }
      const before = fieldsOf(task);
      task.dueAt = until;
      this.event(tx, task, 'updated', actor, diff(before, fieldsOf(task), EVENT_FIELDS));
      return task;
    });
    this.outbox.committed();
    return taskView(task);
  }

  private event(
    tx: EntityManager,
    task: Task,
    action: 'created' | 'updated',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'task', id: task.id }, action, actor, changes);
  }
}
